/** The contactless layer a card answered at: ISO/IEC 14443-3 (UID only) or 14443-4 (APDUs). */
export type CardStandard = '14443-3' | '14443-4'

/**
 * PC/SC part 3 builds the ATR of a contactless storage card (MIFARE Classic, Ultralight…) as
 * 3B 8F 80 01 80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00 TCK: byte 5 (from 0) is 0x4F, the tag of
 * the registered application identifier. Any other ATR is a card or phone speaking ISO/IEC 14443-4.
 * This is the rule nfc-pcsc 0.8.1 uses too, so both agree on every tap.
 */
export function standardOfAtr(atr: Uint8Array): CardStandard {
  return atr[5] === 0x4f ? '14443-3' : '14443-4'
}

const STORAGE_CARDS: Readonly<Record<number, string>> = {
  0x0001: 'MIFARE Classic 1K',
  0x0002: 'MIFARE Classic 4K',
  0x0003: 'MIFARE Ultralight',
  0x0026: 'MIFARE Mini',
  0x003a: 'MIFARE Ultralight C',
  0x0036: 'MIFARE Plus SL1 2K',
  0x0037: 'MIFARE Plus SL1 4K'
}

/** The card name PC/SC part 3 encodes in a storage card's ATR (bytes 13–14), when it is a known one. */
export function storageCardName(atr: Uint8Array): string | undefined {
  if (standardOfAtr(atr) !== '14443-3' || atr.length < 15) return undefined
  return STORAGE_CARDS[(atr[13]! << 8) | atr[14]!]
}
