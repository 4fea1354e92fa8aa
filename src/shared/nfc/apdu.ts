import { Sw1 } from './statusWords'

/** PC/SC part 3 GET DATA: the reader answers with the card's UID. */
export const GET_UID: Uint8Array = Uint8Array.of(0xff, 0xca, 0x00, 0x00, 0x00)

/** SELECT by DF name (ISO/IEC 7816-4), first or only occurrence, asking for the FCI or data (Le 00). */
export function selectAid(aid: Uint8Array): Uint8Array {
  return Uint8Array.of(0x00, 0xa4, 0x04, 0x00, aid.length, ...aid, 0x00)
}

/** GET RESPONSE for the bytes a 61xx said were waiting (xx = 00 means 256). */
export function getResponse(le: number): Uint8Array {
  return Uint8Array.of(0x00, 0xc0, 0x00, 0x00, le & 0xff)
}

/** The same command with its Le replaced, after a 6Cxx said which Le the card wants. */
export function withLe(command: Uint8Array, le: number): Uint8Array {
  const hasLe = command.length === 5 || (command.length > 5 && command.length !== 5 + (command[4] ?? 0))
  if (!hasLe) return Uint8Array.of(...command, le & 0xff)
  const copy = Uint8Array.from(command)
  copy[copy.length - 1] = le & 0xff
  return copy
}

/** A response APDU split into its data and SW1SW2. */
export interface ApduResponse {
  readonly data: Uint8Array
  readonly sw: number
}

/** Undefined when the response is shorter than a status word (the card left, or nothing came). */
export function splitResponse(bytes: Uint8Array): ApduResponse | undefined {
  if (bytes.length < 2) return undefined
  const n = bytes.length
  return { data: bytes.subarray(0, n - 2), sw: (bytes[n - 2]! << 8) | bytes[n - 1]! }
}

export const sw1Of = (sw: number): number => sw >> 8
export const moreData = (sw: number): boolean => sw1Of(sw) === Sw1.moreData
export const wrongLe = (sw: number): boolean => sw1Of(sw) === Sw1.wrongLe
