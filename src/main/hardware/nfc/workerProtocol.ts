import type { TapReading } from '../../../shared/nfc'

/** main → PC/SC child: the AIDs to select, and readers whose present card must not be read again. */
export type ToWorker = { type: 'configure'; aids: string[]; skip: string[] } | { type: 'close' }

/** PC/SC child → main. Times are epoch milliseconds with sub-millisecond precision. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'unavailable'; message: string }
  | { type: 'reader'; name: string }
  | { type: 'reader_end'; name: string }
  | { type: 'reader_error'; name: string; message: string }
  | { type: 'card'; reader: string; atr: string; cardEventMs: number; read: boolean }
  | { type: 'tap'; reader: string; atr: string; reading: TapReading; cardEventMs: number; latencyMs: number; transportMs: number }
  | { type: 'card_off'; reader: string }
  | { type: 'fatal'; message: string }

/** Epoch milliseconds, sub-millisecond, comparable between main and the child. */
export const epochMs = (): number => performance.timeOrigin + performance.now()
