/** Binary values (UID, ATR, AID, HCE responses) as text: uppercase hex, two digits a byte, no separators. */
export function bytesToHex(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += HEX_DIGITS[byte]!
  return text
}

const HEX_DIGITS = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'))

/** The bytes of canonical or loose hex (separators and a 0x prefix allowed); undefined if it is not hex. */
export function hexToBytes(text: string): Uint8Array | undefined {
  const hex = canonicalHex(text)
  if (hex === undefined) return undefined
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

const SEPARATORS = /[\s:.-]/g

/**
 * Hex as typed, pasted from a reader tool or imported ("04:05:e7 9f", "0x0405E7") in canonical
 * form ("0405E7"), or undefined when it is not whole bytes of hex.
 */
export function canonicalHex(text: string): string | undefined {
  const stripped = text.trim().replace(/^0x/i, '').replace(SEPARATORS, '').toUpperCase()
  return stripped.length > 0 && stripped.length % 2 === 0 && /^[0-9A-F]+$/.test(stripped) ? stripped : undefined
}
