import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { NfcStatus } from '../../../../src/shared/domain/hardware'
import type { TapEvent, TapRecord } from '../../../../src/shared/nfc'
import { hcePhone, uidCard } from '../../../fixtures/vpcd/cards'
import { startPcscd, type Pcscd } from '../../../fixtures/vpcd/pcscd'
import { VirtualCard } from '../../../fixtures/vpcd/virtualCard'
import { cli } from '../../../helpers/cli'
import { poll } from './realStack'

const FARHAN_CARD = '04F3C54234927E'
const HID_AID = 'A0000004400001010001'

let pcscd: Pcscd
let home: string
const card = new VirtualCard(uidCard(FARHAN_CARD))
const phone = new VirtualCard(hcePhone({ applications: { [HID_AID]: 'HID-0005-835C99' } }))

/** Test files needing pcscd take turns (one pcscd per machine), so starting may wait for another file. */
const PCSCD_LOCK_WAIT_MS = 5 * 60_000

beforeAll(async () => {
  pcscd = await startPcscd()
  home = mkdtempSync(join(tmpdir(), 'lintel-nfc-cli-'))
  process.env.LINTEL_HOME = home
}, PCSCD_LOCK_WAIT_MS)

afterEach(async () => {
  await card.remove()
  await phone.remove()
  await readersEmpty()
})

/**
 * pcscd sees a card leave on its next poll of vpcd (about 400 ms, longer on a busy machine): wait
 * for that, so the next test's new reader process does not find the last test's card still there.
 */
async function readersEmpty(): Promise<void> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const status = (await cli('nfc', 'readers', '--json')).json<NfcStatus>()
    if (!status.readers.some((reader) => reader.cardPresent)) return
    if (Date.now() > deadline) throw new Error('the virtual reader still shows a card 15 s after it left')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

afterAll(async () => {
  delete process.env.LINTEL_HOME
  rmSync(home, { recursive: true, force: true })
  await pcscd?.stop()
})

describe('lintel nfc over pcscd and vpcd', () => {
  it('nfc readers --json lists the virtual readers as real', async () => {
    const run = await cli('nfc', 'readers', '--json')
    expect(run.code).toBe(0)
    const status = run.json<NfcStatus>()
    expect(status).toMatchObject({ mode: 'real', state: 'ready' })
    expect(status.readers.map((r) => r.name)).toEqual(expect.arrayContaining(['Virtual PCD 00 00', 'Virtual PCD 00 01']))
  })

  it('nfc read --json prints the tap record of the card on the reader', async () => {
    await card.insert()
    const run = await cli('nfc', 'read', '--json', '--timeout', '10')
    expect(run.code).toBe(0)
    expect(run.json<TapRecord>()).toMatchObject({ reader: 'Virtual PCD 00 00', standard: '14443-3', uid: FARHAN_CARD, aid: null })
  })

  it('nfc read exits 1 with no_tap when nothing is tapped in time', async () => {
    const run = await cli('nfc', 'read', '--json', '--timeout', '1')
    expect(run.code).toBe(1)
    expect(run.json()).toEqual({ ok: false, error: { code: 'no_tap', message: 'No card or phone was presented within 1 s.' } })
  })

  it('nfc read --aid selects only the given AIDs, and exits 1 when the phone answers none', async () => {
    await phone.insert()
    const run = await cli('nfc', 'read', '--json', '--timeout', '10', '--aid', 'F0:01:02:03:04:05')
    expect(run.code).toBe(1)
    expect(run.json()).toMatchObject({ ok: false, error: { code: 'no_application' }, tap: { aid: null } })
    expect(phone.apdus.filter((a) => a.startsWith('00A40400'))).toEqual(['00A4040006F0010203040500'])
  })

  it('nfc verify --count 3 prints each tap with its decision, then the summary', async () => {
    const running = cli('nfc', 'verify', '--door', '2', '--count', '3', '--timeout', '20', '--json')
    for (let i = 0; i < 3; i++) {
      const before = card.apdus.length
      await card.insert()
      await poll(() => card.apdus.length > before, 10_000, `tap ${i + 1}`)
      await card.remove()
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    const run = await running
    expect(run.code).toBe(0)
    const lines = run.lines<TapEvent & { summary: Record<string, unknown> }>()
    expect(lines).toHaveLength(4)
    expect(lines.slice(0, 3).map((l) => l.decision?.code)).toEqual(['granted', 'granted', 'granted'])
    expect(lines[3]!.summary).toMatchObject({ requested: 3, taps: 3, succeeded: 3, successRate: 1, granted: 3, failuresByCause: {} })
  })

  it('nfc verify exits 1 when fewer taps come than asked; the summary line then carries ok:false and the error', async () => {
    await card.insert()
    const run = await cli('nfc', 'verify', '--door', '2', '--count', '2', '--timeout', '4', '--json')
    expect(run.code).toBe(1)
    const lines = run.lines<TapEvent & { summary: Record<string, unknown>; ok?: boolean; error?: { code: string } }>()
    expect(lines).toHaveLength(2)
    expect(lines[0]!.decision?.code).toBe('granted')
    expect(lines[1]).toMatchObject({ summary: { requested: 2, taps: 1, succeeded: 1 }, ok: false, error: { code: 'no_tap', message: expect.stringMatching(/1 of 2 taps/) } })
    expect(run.err).toMatch(/only 1 of 2 taps/)
  })
})
