/** ISO/IEC 7816-4 status words Lintel acts on. */
export const StatusWord = {
  ok: 0x9000,
  fileNotFound: 0x6a82,
  functionNotSupported: 0x6a81,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
  wrongP1P2: 0x6b00,
  wrongLength: 0x6700
} as const

/** SW1 values with a meaning of their own: SW2 says how many bytes are waiting, or the right Le. */
export const Sw1 = { moreData: 0x61, wrongLe: 0x6c } as const

/** "application not found", "not supported": the card does not hold what was selected. */
export function isNotFound(sw: number): boolean {
  return (
    sw === StatusWord.fileNotFound ||
    sw === StatusWord.functionNotSupported ||
    sw === StatusWord.insNotSupported ||
    sw === StatusWord.claNotSupported ||
    sw === StatusWord.wrongP1P2
  )
}

const MEANINGS: Readonly<Record<number, string>> = {
  [StatusWord.ok]: 'success',
  [StatusWord.fileNotFound]: 'application or file not found',
  [StatusWord.functionNotSupported]: 'function not supported',
  [StatusWord.insNotSupported]: 'instruction not supported',
  [StatusWord.claNotSupported]: 'class not supported',
  [StatusWord.wrongP1P2]: 'wrong parameters P1-P2',
  [StatusWord.wrongLength]: 'wrong length'
}

/** "6A82 (application or file not found)". */
export function describeStatusWord(sw: number): string {
  const hex = sw.toString(16).toUpperCase().padStart(4, '0')
  const sw1 = sw >> 8
  const meaning =
    MEANINGS[sw] ??
    (sw1 === Sw1.moreData ? `${sw & 0xff || 256} more bytes available` : sw1 === Sw1.wrongLe ? `wrong Le, use ${sw & 0xff || 256}` : 'unexpected status')
  return `${hex} (${meaning})`
}
