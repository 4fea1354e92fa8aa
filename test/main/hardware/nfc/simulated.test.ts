import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandChannel, eventChannel } from '../../../../src/shared/contract'
import type { NfcStatus } from '../../../../src/shared/domain/hardware'
import type { EnrolTapResult, TapEvent } from '../../../../src/shared/nfc'
import { PcscReaders, type NfcReaderEvent, type NfcReaders } from '../../../../src/main/hardware/nfc'
import { ReaderEvents } from '../../../../src/main/hardware/nfc/port'
import { NfcService } from '../../../../src/main/services/nfcService'
import type { NfcState } from '../../../../src/shared/domain/hardware'
import { silentLogger } from '../../../../src/main/logger'
import { createServices } from '../../../../src/main/services'
import { nodeSettingsStore } from '../../../../src/main/settings/settingsStore'
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

  it('says, when no tap comes, that the simulated reader is in use', async () => {
    await expect(t.services.nfc.nextTap({ timeoutMs: 100 })).rejects.toMatchObject({ code: 'no_tap', message: expect.stringMatching(/^No card or phone was presented within 0.1 s\. .*simulated reader/) })
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

  it('says, when no tap comes, that pcscd is not answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lintel-nfc-down-'))
    const services = await createServices({
      runtime: 'test',
      userDataDir: dir,
      settings: await nodeSettingsStore(dir, silentLogger),
      log: silentLogger,
      probe: { bleAdapter: () => false, pcscd: () => true },
      nfc: { socket: '/nonexistent/pcscd.comm' }
    })
    try {
      await expect(services.nfc.nextTap({ timeoutMs: 400 })).rejects.toMatchObject({ code: 'no_tap', message: expect.stringMatching(/^No card or phone was presented within 0.4 s\. .*pcscd\) is not answering/) })
    } finally {
      await services.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('waiting for a tap', () => {
  /** Readers that take `startMs` to start, like the forked PC/SC child, and report one card `tapMs` after that. */
  function slowReaders(startMs: number, tapMs: number): NfcReaders {
    const events = new ReaderEvents()
    let state: NfcState = 'idle'
    const set = (next: NfcState) => {
      state = next
      events.emit({ type: 'state', state, detail: state })
    }
    const tap: NfcReaderEvent = {
      type: 'tap',
      tap: { reader: 'R', atr: '3B8080010101', reading: { standard: '14443-3', uid: '04F3C54234927E', aid: null, credential: null }, cardEventMs: Date.now(), latencyMs: 1, transportMs: 0.5 }
    }
    let timer: NodeJS.Timeout | undefined
    return {
      mode: 'real',
      start() {
        set('starting')
        timer = setTimeout(() => {
          set('ready')
          timer = setTimeout(() => events.emit(tap), tapMs)
        }, startMs)
      },
      configure: () => undefined,
      stop: async () => {
        clearTimeout(timer)
        set('idle')
      },
      state: () => ({ state, detail: state }),
      readers: () => (state === 'ready' ? [{ name: 'R', simulated: false, cardPresent: true }] : []),
      onEvent: (listener) => events.on(listener)
    }
  }

  it('starts the timeout once the readers are ready, so a slow start does not eat a short wait', async () => {
    const service = new NfcService({ readers: slowReaders(400, 50), site: t.services.site, settings: () => t.services.settings(), hub: t.services.hub, log: silentLogger, pcscd: () => true })
    const event = await service.nextTap({ timeoutMs: 200 })
    expect(event.tap.uid).toBe('04F3C54234927E')
    await service.close()
  })

  it('still times out when the readers are ready and no card comes', async () => {
    const service = new NfcService({ readers: slowReaders(100, 1000), site: t.services.site, settings: () => t.services.settings(), hub: t.services.hub, log: silentLogger, pcscd: () => true })
    await expect(service.nextTap({ timeoutMs: 200 })).rejects.toMatchObject({ code: 'no_tap', message: 'No card or phone was presented within 0.2 s.' })
    await service.close()
  })

  it('counts from the caller\'s start when given one, however slowly the readers start (a CLI --timeout)', async () => {
    const service = new NfcService({ readers: slowReaders(400, 50), site: t.services.site, settings: () => t.services.settings(), hub: t.services.hub, log: silentLogger, pcscd: () => true })
    const started = Date.now()
    await expect(service.nextTap({ timeoutMs: 300, countFrom: started - 200 })).rejects.toMatchObject({ code: 'no_tap' })
    expect(Date.now() - started).toBeLessThan(300)
    await service.close()
  })
})

