import { bytesToHex, hexToBytes } from '../formats/hex'
import { GET_UID, selectAid } from './apdu'
import { standardOfAtr, type CardStandard } from './atr'
import { TapReadError, transceive, type Transmit } from './exchange'
import { StatusWord } from './statusWords'
import { describeTapError, TapError } from './tapErrors'

/** What one read of a card or phone found; the reader, time and latency are added by the caller. */
export interface TapReading {
  readonly standard: CardStandard
  readonly uid: string | null
  readonly aid: string | null
  readonly credential: string | null
  readonly error?: { code: string; message: string }
}

/**
 * Reads a card just connected: its UID (GET DATA), then on ISO/IEC 14443-4 each AID in order until one
 * is selected, whose answer is the credential. Never throws: a failed step becomes `error`, keeping
 * what was read before it.
 */
export async function readCard(atr: Uint8Array, transmit: Transmit, aids: readonly string[]): Promise<TapReading> {
  const found: { standard: CardStandard; uid: string | null; aid: string | null; credential: string | null } = {
    standard: standardOfAtr(atr),
    uid: null,
    aid: null,
    credential: null
  }
  try {
    found.uid = await readUid(transmit)
    if (found.standard === '14443-4') Object.assign(found, await selectFirst(transmit, aids))
    const problem = missing(found)
    return problem ? { ...found, error: tapError(problem) } : found
  } catch (error) {
    return { ...found, error: asTapError(error) }
  }
}

async function readUid(transmit: Transmit): Promise<string | null> {
  const response = await transceive(transmit, GET_UID)
  return response.sw === StatusWord.ok && response.data.length > 0 ? bytesToHex(response.data) : null
}

async function selectFirst(transmit: Transmit, aids: readonly string[]): Promise<{ aid: string; credential: string } | undefined> {
  for (const aid of aids) {
    const bytes = hexToBytes(aid)
    if (!bytes) continue
    const response = await transceive(transmit, selectAid(bytes))
    if (response.sw === StatusWord.ok) {
      if (response.data.length === 0) throw new TapReadError(TapError.badResponse, `${aid} was selected but answered no credential`)
      return { aid, credential: credentialText(response.data) }
    }
  }
  return undefined
}

/** An application's answer: text when every byte is printable ASCII without spaces, else uppercase hex. */
export function credentialText(data: Uint8Array): string {
  for (const byte of data) if (byte < 0x21 || byte > 0x7e) return bytesToHex(data)
  return String.fromCharCode(...data)
}

/** ISO/IEC 14443-3: a single-size UID starting 08 is random, as phones present; it identifies nobody. */
export const isRandomUid = (uid: string): boolean => uid.length === 8 && uid.startsWith('08')

function missing(found: { standard: CardStandard; uid: string | null; aid: string | null }): TapError | undefined {
  if (found.aid !== null) return undefined
  if (found.standard === '14443-4' && (found.uid === null || isRandomUid(found.uid))) return TapError.noApplication
  return found.uid === null ? TapError.noCredential : undefined
}

const tapError = (code: TapError, detail?: string): { code: string; message: string } => ({
  code,
  message: detail ? `${describeTapError(code)} (${detail})` : describeTapError(code)
})

function asTapError(error: unknown): { code: string; message: string } {
  if (error instanceof TapReadError) return tapError(error.code, error.message)
  return tapError(TapError.transmitFailed, error instanceof Error ? error.message : String(error))
}
