import { bytesToHex, hexToBytes } from '../../../shared/formats'
import type { SimulatedCard } from '../../../shared/nfc/simulated'

/** PC/SC part 3 ATR of a MIFARE Classic 1K (byte 5 is 0x4F: ISO/IEC 14443-3). */
export const STORAGE_CARD_ATR = '3B8F8001804F0CA000000306030001000000006A'
/** A 14443-4 type A card or phone with no historical bytes. */
export const ISO_DEP_ATR = '3B8080010101'

const SW_OK = [0x90, 0x00]
const NOT_FOUND = Uint8Array.of(0x6a, 0x82)
const INS_NOT_SUPPORTED = Uint8Array.of(0x6d, 0x00)

/** The demo's card: answers like the vpcd test card, in process, so the simulation runs Lintel's real read. */
export class SimulatedCardResponder {
  readonly atr: Uint8Array
  private readonly uid: Uint8Array

  constructor(private readonly card: SimulatedCard) {
    this.atr = hexToBytes(card.kind === 'card' ? STORAGE_CARD_ATR : ISO_DEP_ATR)!
    this.uid = card.kind === 'card' ? hexToBytes(card.uid)! : Uint8Array.of(0x08, ...randomBytes(3))
  }

  respond(command: Uint8Array): Uint8Array {
    if (command[0] === 0xff && command[1] === 0xca) return Uint8Array.of(...this.uid, ...SW_OK)
    if (command[1] === 0xa4 && command[2] === 0x04) return this.select(command.subarray(5, 5 + (command[4] ?? 0)))
    return INS_NOT_SUPPORTED
  }

  private select(aid: Uint8Array): Uint8Array {
    if (this.card.kind !== 'phone' || bytesToHex(aid) !== this.card.aid) return NOT_FOUND
    return Uint8Array.of(...new TextEncoder().encode(this.card.credential), ...SW_OK)
  }
}

function randomBytes(n: number): number[] {
  return Array.from({ length: n }, () => Math.floor(Math.random() * 256))
}
