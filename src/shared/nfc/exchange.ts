import { getResponse, moreData, splitResponse, withLe, wrongLe, type ApduResponse } from './apdu'
import { TapError } from './tapErrors'

/**
 * Sends one command APDU and returns the response (data + SW1SW2). `maxResponse` is the buffer
 * the reader may fill; Lintel passes 258 (256 data bytes + SW), never nfc-pcsc's 40.
 */
export type Transmit = (command: Uint8Array, maxResponse: number) => Promise<Uint8Array>

/** A read that could not finish, with a {@link TapError} code. */
export class TapReadError extends Error {
  constructor(
    readonly code: TapError,
    message: string
  ) {
    super(message)
    this.name = 'TapReadError'
  }
}

export const MAX_RESPONSE = 258
const MAX_ROUNDS = 64
const MAX_BYTES = 16 * 1024

/**
 * One exchange: retries once with the right Le after 6Cxx, and follows 61xx with GET RESPONSE — a
 * GET RESPONSE answered 6Cxx is sent again with that Le, as any other command would be.
 */
export async function transceive(transmit: Transmit, command: Uint8Array): Promise<ApduResponse> {
  let response = await exchangeLe(transmit, command)
  const parts = [response.data]
  let total = response.data.length
  for (let round = 0; moreData(response.sw); round++) {
    if (round >= MAX_ROUNDS || total > MAX_BYTES) throw new TapReadError(TapError.badResponse, 'the response chain never ended')
    response = await exchangeLe(transmit, getResponse(response.sw & 0xff))
    parts.push(response.data)
    total += response.data.length
  }
  return { data: concat(parts, total), sw: response.sw }
}

/** One command, resent once with the Le a 6Cxx names. */
async function exchangeLe(transmit: Transmit, command: Uint8Array): Promise<ApduResponse> {
  const response = await exchange(transmit, command)
  return wrongLe(response.sw) ? exchange(transmit, withLe(command, response.sw & 0xff)) : response
}

async function exchange(transmit: Transmit, command: Uint8Array): Promise<ApduResponse> {
  const response = splitResponse(await transmit(command, MAX_RESPONSE))
  if (!response) throw new TapReadError(TapError.cardRemoved, 'the card gave an empty response: it has left the reader')
  return response
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
