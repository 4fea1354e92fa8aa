import { createRequire } from 'node:module'
import type { Logger } from '../../logger'
import { PcscReaders } from './pcscReaders'
import { PCSCD_SOCKET } from './pcscd'
import type { NfcReaders } from './port'
import { SimulatedReaders } from './simulatedReaders'

export type { CardTap, NfcReaderEvent, NfcReaders, ReadConfig } from './port'
export { PcscReaders } from './pcscReaders'
export { SIMULATED_READER, SimulatedReaders } from './simulatedReaders'

/** Whether npm installed nfc-pcsc (an optional dependency: it needs libpcsclite-dev to build). Does not load it. */
export function pcscLibraryInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('nfc-pcsc')
    return true
  } catch {
    return false
  }
}

export interface NfcWiring {
  /** True when pcscd is present and nfc-pcsc installed: real readers; otherwise the simulation. */
  readonly real: boolean
  readonly log: Logger
  readonly socket?: string
  readonly readTimeoutMs?: number
}

/** Chooses the NFC adapter, once, at wiring time. */
export function openNfcReaders(wiring: NfcWiring): NfcReaders {
  if (!wiring.real) return new SimulatedReaders()
  return new PcscReaders({ socket: wiring.socket ?? PCSCD_SOCKET, readTimeoutMs: wiring.readTimeoutMs ?? 3000, log: wiring.log })
}
