/** The delimiters Excel writes: `,` (English), `;` (much of Europe), tab ("Unicode text") and `|`. */
export const DELIMITERS = [',', ';', '\t', '|'] as const
export type Delimiter = (typeof DELIMITERS)[number]

/** The encodings Lintel reads: what Excel's "CSV", "CSV UTF-8" and "Unicode text" write. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const
export type TextEncodingName = (typeof ENCODINGS)[number]

/** How a file was read: shown in the import preview, and overridable (`--delimiter`, `--encoding`). */
export interface CsvDialect {
  delimiter: Delimiter
  encoding: TextEncodingName
  /** True when the encoding came from a byte order mark. */
  bom: boolean
}

const ALIASES: Record<string, TextEncodingName> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'win-1252': 'windows-1252',
  latin1: 'windows-1252'
}

/** The encoding a user named (case-insensitive, common aliases), or undefined. */
export function encodingNamed(text: string): TextEncodingName | undefined {
  return ALIASES[text.trim().toLowerCase()]
}

const DELIMITER_NAMES: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', '\t': '\t', '\\t': '\t', tab: '\t', '|': '|', pipe: '|' }

/** The delimiter a user named (`;`, `semicolon`, `tab`, `\t` …), or undefined. */
export function delimiterNamed(text: string): Delimiter | undefined {
  return DELIMITER_NAMES[text.toLowerCase()] ?? DELIMITER_NAMES[text.trim().toLowerCase()]
}

/** A delimiter in words, for the preview and messages. */
export function delimiterLabel(delimiter: Delimiter): string {
  return { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[delimiter]
}

/**
 * The delimiter of a file from its first lines: the candidate that appears (outside quotes) the
 * same number of times, at least once, on the most lines; the header line breaks ties. `,` when
 * nothing splits the lines.
 */
export function sniffDelimiter(sample: string): Delimiter {
  const lines = sample.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter((l) => l.length > 0).slice(0, 20)
  if (lines.length > 1 && !/[\r\n]$/.test(sample)) lines.pop()
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 }
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter))
    const header = counts[0] ?? 0
    if (header === 0) continue
    const score = counts.filter((n) => n === header).length * 1000 + header
    if (score > best.score) best = { delimiter, score }
  }
  return best.delimiter
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0
  let quoted = false
  for (const c of line) {
    if (c === '"') quoted = !quoted
    else if (c === delimiter && !quoted) n++
  }
  return n
}

/** The encoding a byte order mark names, and its length; null without one. */
export function encodingFromBom(head: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/** What a run of bytes says about UTF-8. Offsets are -1 when there is none. */
export interface Utf8Scan {
  /** The first byte that cannot be UTF-8. */
  invalidAt: number
  /** The first valid multi-byte sequence. */
  multiByteAt: number
  /** Where a multi-byte sequence cut by the end of the bytes starts (bytes.length when none is). */
  end: number
}

/** Scans all the bytes for UTF-8 validity; a sequence cut at the end is left to the next chunk (`end`). */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { invalidAt: -1, multiByteAt: -1, end: bytes.length }
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0
    if (need > 0 && i + need >= bytes.length && continues(bytes, i + 1, bytes.length)) {
      scan.end = i
      break
    }
    if (need > 0 && continues(bytes, i + 1, i + need + 1)) {
      if (scan.multiByteAt < 0) scan.multiByteAt = i
      i += need + 1
      continue
    }
    if (scan.invalidAt < 0) scan.invalidAt = i
    i++
  }
  return scan
}

function continues(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = bytes[k] as number
    if (c < 0x80 || c > 0xbf) return false
  }
  return true
}

/**
 * The encoding of a file from its first bytes: a BOM decides; else UTF-8 when the bytes are valid
 * UTF-8 (plain ASCII included); else Windows-1252, what Excel's "CSV" writes on Western Windows.
 */
export function detectEncoding(head: Uint8Array): { encoding: TextEncodingName; bom: number } {
  const bom = encodingFromBom(head)
  if (bom) return { encoding: bom.encoding, bom: bom.length }
  return { encoding: scanUtf8(head).invalidAt >= 0 ? 'windows-1252' : 'utf-8', bom: 0 }
}

/** A file's encoding read from all its bytes, or the line where UTF-8 and Windows-1252 meet. */
export type WholeFileEncoding = { encoding: TextEncodingName; bom: number } | { mixedAtLine: number }

/**
 * The encoding of a whole file in memory (the app's import wizard): as {@link detectEncoding}, but a
 * file holding both valid UTF-8 and bytes that cannot be UTF-8 is mixed, at the line of the later one.
 */
export function encodingOfWhole(bytes: Uint8Array): WholeFileEncoding {
  const bom = encodingFromBom(bytes)
  if (bom && bom.encoding !== 'utf-8') return { encoding: bom.encoding, bom: bom.length }
  const scan = scanUtf8(bytes)
  // In a whole file, a sequence cut by the end is not waiting for more bytes: it is invalid.
  const invalidAt = scan.invalidAt >= 0 ? scan.invalidAt : scan.end < bytes.length ? scan.end : -1
  if (invalidAt < 0) return { encoding: 'utf-8', bom: bom?.length ?? 0 }
  if (scan.multiByteAt < 0 && !bom) return { encoding: 'windows-1252', bom: 0 }
  const at = bom ? invalidAt : Math.max(invalidAt, scan.multiByteAt)
  let line = 1
  for (let i = bytes.indexOf(10); i >= 0 && i < at; i = bytes.indexOf(10, i + 1)) line++
  return { mixedAtLine: line }
}
