/** The part of nfc-pcsc 0.8.1 Lintel uses; the package ships no types. Only worker.ts imports it. */
declare module 'nfc-pcsc' {
  import type { EventEmitter } from 'node:events'

  export interface Card {
    atr?: Buffer
    standard?: 'TAG_ISO_14443_3' | 'TAG_ISO_14443_4'
  }

  /** One PC/SC reader. Without an 'error' listener a reader error crashes the process. */
  export class Reader extends EventEmitter {
    readonly name: string
    /** The underlying @pokusew/pcsclite reader: 'status' carries the PC/SC state bits. */
    readonly reader: EventEmitter & { readonly SCARD_STATE_PRESENT: number }
    /** When false, 'card' fires after connect and Lintel sends every APDU itself. */
    autoProcessing: boolean
    /** Resolves with the response; has no timeout, and resolves empty when a stuck card leaves. */
    transmit(data: Buffer, responseMaxLength: number): Promise<Buffer>
    close(): void
    on(event: 'card' | 'card.off', listener: (card: Card) => void): this
    on(event: 'error', listener: (error: Error) => void): this
    on(event: 'end', listener: () => void): this
  }

  /** Creating one while pcscd is down busy-loops the thread until pcscd returns. */
  export class NFC extends EventEmitter {
    constructor(logger?: unknown)
    readonly readers: Record<string, unknown>
    close(): void
    on(event: 'reader', listener: (reader: Reader) => void): this
    on(event: 'error', listener: (error: Error) => void): this
  }
}
