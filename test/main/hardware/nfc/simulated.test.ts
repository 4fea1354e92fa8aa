import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandChannel, eventChannel } from '../../../../src/shared/contract'
import type { NfcStatus } from '../../../../src/shared/domain/hardware'
import type { EnrolTapResult, TapEvent } from '../../../../src/shared/nfc'
import { PcscReaders } from '../../../../src/main/hardware/nfc'
import { silentLogger } from '../../../../src/main/logger'
import { openTestServices, type TestServices } from '../../../helpers/services'

let t: TestServices
const invoke = <T>(name: string, input: unknown = {}) => t.services.dispatcher.invoke(commandChannel('nfc', name), input) as Promise<{ ok: true; value: T }>

beforeAll(async () => {
  t = await openTestServices()
})
afterAll(async () => {
  await t.services.nfc.close()
  t.dispose()
})

describe('the simulated reader through the contract', () => {
  it('is idle and simulated until reading starts, then ready at the chosen door', async () => {
    expect((await invoke<NfcStatus>('status')).value).toMatchObject({ mode: 'simulated', state: 'idle', pcscd: 'absent' })
    const statuses: unknown[] = []
    const stop = t.services.hub.subscribe(eventChannel('nfc', 'status'), (s) => statuses.push(s))
    const started = await invoke<NfcStatus>('startReading', { doorId: 2 })
    stop()
    expect(started.value).toMatchObject({ state: 'ready', doorId: 2, readers: [{ name: 'Lintel Virtual Reader (simulated)', simulated: true }] })
    expect(statuses).toContainEqual(expect.objectContaining({ state: 'ready' }))
  })

  it('reads a simulated card through the real APDU code and decides it', async () => {
    const taps: TapEvent[] = []
    const stop = t.services.hub.subscribe(eventChannel('nfc', 'tap'), (e) => taps.push(e as TapEvent))
    const result = await invoke<TapEvent>('simulateTap', { card: { kind: 'card', uid: '04F3C54234927E' } })
    stop()
    expect(result.value.tap).toMatchObject({ standard: '14443-3', uid: '04F3C54234927E', atr: '3B8F8001804F0CA000000306030001000000006A' })
    expect(result.value.decision).toMatchObject({ granted: true })
    expect(taps).toEqual([result.value])
  })

  it('reads a simulated phone by its AID; an unknown AID gives no_application', async () => {
    const phone = await invoke<TapEvent>('simulateTap', { card: { kind: 'phone', aid: 'A0000004400001010001', credential: 'HID-0005-835C99' } })
    expect(phone.value).toMatchObject({ presented: { credential_type_id: 8, value: 'HID-0005-835C99' }, decision: { granted: true } })
    const stranger = await invoke<TapEvent>('simulateTap', { card: { kind: 'phone', aid: 'F0010203040506', credential: 'X' } })
    expect(stranger.value.tap.error?.code).toBe('no_application')
  })

  it('selects custom AIDs from settings after the built-in ones and files their answers under the labelled type', async () => {
    await t.services.dispatcher.invoke(commandChannel('app', 'updateSettings'), { customAids: [{ label: 'PassFlow', aid: 'F0AABBCCDD' }] })
    expect((await invoke<{ aid: string }[]>('aids')).value.map((a) => a.aid)).toEqual(['A0000004400001010001', 'F050415353464C4F57', 'F0AABBCCDD'])
    const tap = await invoke<TapEvent>('simulateTap', { card: { kind: 'phone', aid: 'F0AABBCCDD', credential: 'PF-18EB-6D86' } })
    expect(tap.value.presented).toEqual({ credential_type_id: 9, value: 'PF-18EB-6D86', source: 'aid' })
    await t.services.dispatcher.invoke(commandChannel('app', 'updateSettings'), { customAids: [] })
  })

  it('keeps the recent taps in order with consecutive sequence numbers', async () => {
    const recent = (await invoke<TapEvent[]>('recentTaps')).value
    expect(recent.map((e) => e.seq)).toEqual([0, 1, 2, 3])
  })

  it('enrols a tapped card as the value of its credential type, naming who holds it', async () => {
    const pending = invoke<EnrolTapResult>('enrolTap', { credentialTypeId: 2, timeoutSeconds: 5 })
    await invoke('simulateTap', { card: { kind: 'card', uid: '04F3C54234927E' } })
    expect((await pending).value).toMatchObject({ value: '04F3C54234927E', problem: null, enrolled: { credential_id: 112, person_id: 6 } })
  })

  it('refuses an unknown credential type, and a tap before reading starts', async () => {
    expect(await t.services.dispatcher.invoke(commandChannel('nfc', 'enrolTap'), { credentialTypeId: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    await invoke('stopReading')
    expect(await t.services.dispatcher.invoke(commandChannel('nfc', 'simulateTap'), { card: { kind: 'card', uid: '04F3C54234927E' } })).toMatchObject({
      ok: false,
      error: { code: 'not_reading' }
    })
  })
})

describe('the PC/SC supervisor without pcscd', () => {
  it('waits for pcscd instead of starting nfc-pcsc when its socket does not answer', async () => {
    const readers = new PcscReaders({ socket: '/nonexistent/pcscd.comm', readTimeoutMs: 1000, log: silentLogger, pollMs: 50 })
    const states: string[] = []
    readers.onEvent((e) => e.type === 'state' && states.push(e.state))
    readers.start({ aids: [] })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(readers.state().state).toBe('pcscd_down')
    expect(states).toEqual(['pcscd_down'])
    await readers.stop()
    expect(readers.state().state).toBe('idle')
  })
})
