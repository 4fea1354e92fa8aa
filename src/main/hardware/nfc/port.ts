import type { NfcReader, NfcState } from '../../../shared/domain/hardware'
import type { TapReading } from '../../../shared/nfc'

/** One tap as an adapter reports it: the reading plus where and when, before any decision. */
export interface CardTap {
  readonly reader: string
  readonly atr: string
  readonly reading: TapReading
  /** Epoch milliseconds (sub-millisecond) when the reader reported the card. */
  readonly cardEventMs: number
  readonly latencyMs: number
  /** Milliseconds spent inside transmit calls (the card and the PC/SC stack). */
  readonly transportMs: number
}

/** Reader and tap events, as a discriminated union; adapters turn library events into these. */
export type NfcReaderEvent =
  | { readonly type: 'state'; readonly state: NfcState; readonly detail: string }
  | { readonly type: 'readers'; readonly readers: readonly NfcReader[] }
  | { readonly type: 'tap'; readonly tap: CardTap }

/** What to select on phones; applies to the next card. */
export interface ReadConfig {
  readonly aids: readonly string[]
}

/**
 * The NFC readers port, seen from NfcService: PC/SC through pcscd (real) or the embedded
 * simulation. Chosen once at wiring time; events flow between start() and stop().
 */
export interface NfcReaders {
  readonly mode: 'real' | 'simulated'
  /** Starts listening if not already; idempotent. */
  start(config: ReadConfig): void
  configure(config: ReadConfig): void
  /** Stops listening and releases the readers; resolves when everything it started has ended. */
  stop(): Promise<void>
  state(): { state: NfcState; detail: string }
  readers(): NfcReader[]
  onEvent(listener: (event: NfcReaderEvent) => void): () => void
}

/** A tiny typed fan-out shared by the adapters. */
export class ReaderEvents {
  private readonly listeners = new Set<(event: NfcReaderEvent) => void>()

  on(listener: (event: NfcReaderEvent) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  emit(event: NfcReaderEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}
