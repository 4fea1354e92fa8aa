import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eventChannel } from '../../../../src/shared/contract'
import type { NfcStatus } from '../../../../src/shared/domain/hardware'
import type { TapEvent } from '../../../../src/shared/nfc'
import { silentLogger } from '../../../../src/main/logger'
import { createServices, type Services } from '../../../../src/main/services'
import { nodeSettingsStore } from '../../../../src/main/settings/settingsStore'

/** Real services reading real PC/SC through pcscd, with every tap and status event recorded. */
export interface RealNfc {
  readonly services: Services
  readonly taps: TapEvent[]
  readonly statuses: NfcStatus[]
  /** The next tap after `after` taps were seen (default: the next one from now). */
  tap(timeoutMs?: number, after?: number): Promise<TapEvent>
  /** Resolves when the status satisfies `test`, with the time it took. */
  until(test: (status: NfcStatus) => boolean, timeoutMs?: number): Promise<number>
  close(): Promise<void>
}

export async function openRealNfc(readTimeoutMs = 1500): Promise<RealNfc> {
  const dir = mkdtempSync(join(tmpdir(), 'lintel-nfc-'))
  const services = await createServices({
    runtime: 'test',
    userDataDir: dir,
    settings: await nodeSettingsStore(dir, silentLogger),
    log: silentLogger,
    probe: { bleAdapter: () => false, pcscd: () => true },
    nfc: { readTimeoutMs }
  })
  const taps: TapEvent[] = []
  const statuses: NfcStatus[] = []
  services.hub.subscribe(eventChannel('nfc', 'tap'), (event) => taps.push(event as TapEvent))
  services.hub.subscribe(eventChannel('nfc', 'status'), (status) => statuses.push(status as NfcStatus))
  return {
    services,
    taps,
    statuses,
    async tap(timeoutMs = 5000, after = taps.length) {
      await poll(() => taps.length > after, timeoutMs, `a tap (seen ${taps.length})`)
      return taps[after]!
    },
    async until(test, timeoutMs = 10_000) {
      const started = Date.now()
      await poll(() => test(services.nfc.status()), timeoutMs, 'the NFC status')
      return Date.now() - started
    },
    async close() {
      await services.nfc.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export async function poll(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export const cardPresent = (status: NfcStatus, reader = 'Virtual PCD 00 00'): boolean =>
  status.readers.some((r) => r.name === reader && r.cardPresent)
export const readerListed = (status: NfcStatus, reader = 'Virtual PCD 00 00'): boolean =>
  status.state === 'ready' && status.readers.some((r) => r.name === reader)
