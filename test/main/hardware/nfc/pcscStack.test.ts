import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { hcePhone, silentCard, uidCard } from '../../../fixtures/vpcd/cards'
import { startPcscd, type Pcscd } from '../../../fixtures/vpcd/pcscd'
import { VirtualCard } from '../../../fixtures/vpcd/virtualCard'
import { cardPresent, openRealNfc, poll, readerListed, type RealNfc } from './realStack'

/** Farhan Qureshi (IT, all hours) at the Side Door: his staff card and his phone are granted at any time. */
const FARHAN_CARD = '04F3C54234927E'
const FARHAN_PHONE = 'HID-0005-835C99'
const HID_AID = 'A0000004400001010001'
const SIDE_DOOR = 2
const READ_TIMEOUT_MS = 1500

let pcscd: Pcscd
let nfc: RealNfc
const cards: VirtualCard[] = []

/** A card on vpcd's first reader, removed again after each test. */
function card(behaviour: ConstructorParameters<typeof VirtualCard>[0]): VirtualCard {
  const c = new VirtualCard(behaviour)
  cards.push(c)
  return c
}

async function tapAndRemove(c: VirtualCard) {
  const seen = nfc.taps.length
  await c.insert()
  const event = await nfc.tap(5000, seen)
  await c.remove()
  await nfc.until((s) => !cardPresent(s), 5000)
  return event
}

/** Test files needing pcscd take turns (one pcscd per machine), so starting may wait for another file. */
const PCSCD_LOCK_WAIT_MS = 5 * 60_000

beforeAll(async () => {
  pcscd = await startPcscd()
  nfc = await openRealNfc(READ_TIMEOUT_MS)
  nfc.services.nfc.startReading(SIDE_DOOR)
  await nfc.until(readerListed)
}, PCSCD_LOCK_WAIT_MS)

afterAll(async () => {
  await Promise.all(cards.map((c) => c.remove()))
  await nfc?.close()
  await pcscd?.stop()
})

beforeEach(async () => {
  await Promise.all(cards.splice(0).map((c) => c.remove()))
  await nfc.until((s) => readerListed(s) && !cardPresent(s), 10_000)
})

describe('NFC over pcscd and vpcd', () => {
  it('lists vpcd readers as real, with the state ready', () => {
    const status = nfc.services.nfc.status()
    expect(status).toMatchObject({ mode: 'real', pcscd: 'running', state: 'ready', doorId: SIDE_DOOR })
    expect(status.readers.map((r) => r.name)).toContain('Virtual PCD 00 00')
  })

  it("reads a 14443-3 card's UID with GET DATA and grants the enrolled card", async () => {
    const c = card(uidCard(FARHAN_CARD))
    const { tap, presented, decision } = await tapAndRemove(c)
    expect(tap).toMatchObject({ reader: 'Virtual PCD 00 00', standard: '14443-3', uid: FARHAN_CARD, aid: null, credential: null })
    expect(tap.error).toBeUndefined()
    expect(c.apdus).toEqual(['FFCA000000'])
    expect(presented).toEqual({ credential_type_id: 2, value: FARHAN_CARD, source: 'uid' })
    expect(decision).toMatchObject({ granted: true, code: 'granted' })
  })

  it("selects the HID AID on a phone doing HCE and decides the credential it answers", async () => {
    const c = card(hcePhone({ applications: { [HID_AID]: FARHAN_PHONE } }))
    const { tap, presented, decision } = await tapAndRemove(c)
    expect(tap).toMatchObject({ standard: '14443-4', uid: '08A1B2C3', aid: HID_AID, credential: FARHAN_PHONE })
    expect(presented).toEqual({ credential_type_id: 8, value: FARHAN_PHONE, source: 'aid' })
    expect(decision?.code).toBe('granted')
  })

  it('reports no_application when the phone answers none of the AIDs', async () => {
    const c = card(hcePhone({ applications: { F0010203040506: 'SOMETHING-ELSE' } }))
    const { tap, decision } = await tapAndRemove(c)
    expect(tap).toMatchObject({ aid: null, credential: null, error: { code: 'no_application' } })
    expect(c.apdus.filter((a) => a.startsWith('00A40400'))).toHaveLength(2)
    expect(decision).toBeNull()
  })

  it('reads a credential longer than nfc-pcsc’s 40-byte buffer in one response', async () => {
    const long = `LONG-${'X'.repeat(195)}`
    const c = card(hcePhone({ applications: { [HID_AID]: long } }))
    const { tap, presented, decision } = await tapAndRemove(c)
    expect(tap.credential).toBe(long)
    expect(presented?.value).toBeUndefined()
    expect(decision).toBeNull()
  })

  it('follows 6Cxx with the right Le and 61xx with GET RESPONSE until the whole answer is in', async () => {
    const binary = Uint8Array.from({ length: 100 }, (_, i) => i)
    const c = card(hcePhone({ applications: { [HID_AID]: binary }, chunk: 16, exactLe: true }))
    const { tap } = await tapAndRemove(c)
    expect(tap.credential).toBe(Buffer.from(binary).toString('hex').toUpperCase())
    expect(c.apdus.filter((a) => a.startsWith('00C00000'))).toHaveLength(6)
    expect(c.apdus).toContain(`00A404000A${HID_AID}64`)
  })

  it('reports card_removed when the card leaves during a transmit', async () => {
    const c = card(silentCard('08112233'))
    const seen = nfc.taps.length
    await c.insert()
    await poll(() => c.apdus.some((a) => a.startsWith('00A4')), 5000, 'the SELECT')
    await c.remove()
    const { tap } = await nfc.tap(5000, seen)
    expect(tap.error?.code).toMatch(/^(card_removed|transmit_failed)$/)
    expect(tap.latency_ms).toBeLessThan(READ_TIMEOUT_MS)
  })

  it('times out an unresponsive card, kills the PC/SC child and reads the next card', async () => {
    const silent = card(silentCard('08445566'))
    const seen = nfc.taps.length
    await silent.insert()
    const { tap } = await nfc.tap(READ_TIMEOUT_MS * 3, seen)
    expect(tap.error?.code).toBe('timeout')
    expect(tap.latency_ms).toBeGreaterThanOrEqual(READ_TIMEOUT_MS - 50)
    await poll(() => nfc.statuses.some((s) => s.state === 'restarting'), 3000, 'the restart')
    await silent.remove()
    await nfc.until(readerListed, 10_000)
    const next = await tapAndRemove(card(uidCard(FARHAN_CARD)))
    expect(next.tap.uid).toBe(FARHAN_CARD)
    expect(nfc.taps.length).toBe(seen + 2)
  })

  it('recovers within 3 s after pcscd is killed and restarted, without crashing', async () => {
    await pcscd.kill()
    await nfc.until((s) => s.state !== 'ready', 5000)
    expect(nfc.statuses.at(-1)?.readers).toEqual([])
    await pcscd.restart()
    const recovery = await nfc.until(readerListed, 9000)
    expect(recovery).toBeLessThan(9000)
    expect(nfc.services.nfc.status().pcscd).toBe('running')
    const { tap } = await tapAndRemove(card(uidCard(FARHAN_CARD)))
    expect(tap.uid).toBe(FARHAN_CARD)
  })

  it('clears the card when it vanishes from the reader, with no extra tap', async () => {
    const c = card(uidCard(FARHAN_CARD))
    const seen = nfc.taps.length
    await c.insert()
    await nfc.tap(5000, seen)
    await nfc.until((s) => cardPresent(s), 5000)
    await c.remove()
    await nfc.until((s) => !cardPresent(s), 5000)
    expect(nfc.taps.length).toBe(seen + 1)
  })

  it('soaks 100 tap/remove cycles with no lost or duplicated events', { timeout: 240_000 }, async () => {
    const start = nfc.taps.length
    for (let i = 0; i < 100; i++) {
      const c = i % 2 === 0 ? new VirtualCard(uidCard(FARHAN_CARD)) : new VirtualCard(hcePhone({ applications: { [HID_AID]: FARHAN_PHONE } }))
      await tapAndRemove(c)
    }
    const soak = nfc.taps.slice(start)
    expect(soak).toHaveLength(100)
    expect(soak.map((e) => e.seq)).toEqual(soak.map((_, i) => soak[0]!.seq + i))
    expect(soak.filter((e) => e.decision?.granted)).toHaveLength(100)
  })
})
