import { createReadStream } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { StringDecoder } from 'node:string_decoder'
import { createInflateRaw } from 'node:zlib'

/**
 * The parts of an XLSX workbook the import needs, read straight from the zip (node:zlib's raw
 * inflate) and scanned as text: no DOM, no temporary files. Only what a people list uses is read:
 * the sheets and their state, shared strings, the number formats that make a cell a date, and each
 * cell's value (a formula's cached value, never the formula, when one is cached).
 */

/** One file in the archive, from the central directory. */
export interface ZipEntry {
  method: number
  compressed: number
  /** Where its local header starts. */
  local: number
}

/** The archive's entries by name (the central directory was checked by checkWorkbookFile first). */
export function zipEntries(dir: Buffer, entries: number): Map<string, ZipEntry> {
  const found = new Map<string, ZipEntry>()
  let at = 0
  for (let i = 0; i < entries && at + 46 <= dir.length; i++) {
    const nameLength = dir.readUInt16LE(at + 28)
    const name = dir.toString('utf8', at + 46, at + 46 + nameLength)
    found.set(name, { method: dir.readUInt16LE(at + 10), compressed: dir.readUInt32LE(at + 20), local: dir.readUInt32LE(at + 42) })
    at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32)
  }
  return found
}

/** An entry's bytes as they stream out of the archive (inflated unless stored). */
export async function* entryChunks(file: string, handle: FileHandle, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.compressed === 0) return
  const header = Buffer.alloc(30)
  await handle.read(header, 0, 30, entry.local)
  const start = entry.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  const source = createReadStream(file, { start, end: start + entry.compressed - 1, highWaterMark: 1 << 20 })
  if (entry.method === 0) {
    try {
      for await (const chunk of source) yield chunk as Buffer
    } finally {
      source.destroy()
    }
    return
  }
  const inflate = createInflateRaw({ chunkSize: 1 << 20 })
  source.pipe(inflate)
  try {
    for await (const chunk of inflate) yield chunk as Buffer
  } finally {
    source.destroy()
    inflate.destroy()
  }
}

/** A whole (small) entry as text. */
export async function entryText(file: string, handle: FileHandle, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return ''
  const chunks: Buffer[] = []
  for await (const chunk of entryChunks(file, handle, entry)) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

/** An entry's text in pieces that each end at a complete `</row>` (the rest is carried to the next). */
export async function* rowTexts(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  for await (const chunk of chunks) {
    const text = rest + decoder.write(chunk)
    const end = lastRowEnd(text)
    if (end < 0) {
      rest = text
      continue
    }
    rest = text.slice(end)
    yield text.slice(0, end)
  }
  rest += decoder.end()
  if (rest) yield rest
}

/** Where the last complete `</row>` (or `</x:row>`: some writers prefix the namespace) ends, or -1. */
function lastRowEnd(text: string): number {
  for (let at = text.lastIndexOf('row>'); at > 0; at = text.lastIndexOf('row>', at - 1)) {
    let k = at - 1
    if (text[k] === ':') for (k--; k >= 0 && /\w/.test(text[k]!); k--);
    if (text[k] === '/' && text[k - 1] === '<') return at + 4
  }
  return -1
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** XML text unescaped: the five entities, numeric references, and OOXML's _xHHHH_ escapes. */
export function unescapeXml(text: string): string {
  let out = text
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, name: string) =>
      name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? all)
    )
  }
  if (out.includes('_x')) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return out
}

const ATTRIBUTES = new Map<string, RegExp>()

/** An attribute's value in a tag's attribute text, unescaped, or undefined. */
export function attribute(attrs: string, name: string): string | undefined {
  let pattern = ATTRIBUTES.get(name)
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)))
  const match = pattern.exec(attrs)
  return match ? unescapeXml(match[1]!) : undefined
}

/** The text of a string item (<si> or <is>): its <t> runs joined; phonetic runs (<rPh>) left out. */
export function itemText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml
  let text = ''
  for (const match of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += match[1]
  return unescapeXml(text)
}

/** The shared strings table, in order. */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = []
  for (const match of xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) strings.push(match[1] === undefined ? '' : itemText(match[1]))
  return strings
}

/** Excel's built-in number formats that show a date or time. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])

/** True for a format code that shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '')
  return /[dmyhs]/i.test(bare) && !/^General$/i.test(bare.trim())
}

/** For each cell style (the `s` attribute), whether it shows a date. */
export function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>()
  for (const match of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const id = attribute(match[1]!, 'numFmtId')
    const code = attribute(match[1]!, 'formatCode')
    if (id !== undefined && code !== undefined) custom.set(Number(id), code)
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? ''
  const styles: boolean[] = []
  for (const match of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attribute(match[1]!, 'numFmtId') ?? 0)
    const code = custom.get(id)
    styles.push(code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code))
  }
  return styles
}

/** A sheet named in workbook.xml, its state, and its part's path in the archive. */
export interface SheetPart {
  name: string
  state: string
  path: string
}

/** The workbook's sheets in order, with the part each is stored in, and whether dates count from 1904. */
export function workbookSheets(workbookXml: string, relsXml: string): { sheets: SheetPart[]; date1904: boolean } {
  const targets = new Map<string, string>()
  for (const match of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attribute(match[1]!, 'Id')
    const target = attribute(match[1]!, 'Target')
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`)
  }
  const sheets: SheetPart[] = []
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = match[1]!
    const id = /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? /\b\w+:id="([^"]*)"/.exec(attrs)?.[1] ?? ''
    sheets.push({ name: attribute(attrs, 'name') ?? '', state: attribute(attrs, 'state') ?? 'visible', path: targets.get(id) ?? '' })
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(workbookXml)?.[1] ?? ''
  const date1904 = /^(1|true)$/.test(attribute(pr, 'date1904') ?? '')
  return { sheets, date1904 }
}

/** How a sheet's cells become text. */
export interface CellContext {
  strings: string[]
  dates: boolean[]
  date1904: boolean
}

/** One row of a sheet as read: its number (1-based) and its cells as text, column A first. */
export interface SheetRow {
  number: number
  fields: string[]
}

// Element names may carry a namespace prefix (`<x:row>`), as some writers (the OpenXML SDK) emit.
const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g
const INLINE = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/
const VALUE = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/
const FORMULA = /<(?:\w+:)?f(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?f>/
const EMPTY_FORMULA = /<(?:\w+:)?f\b/

/** The rows in a piece of sheet XML (each piece ends at a complete row); `last` is the number of the row before. */
export function scanRows(xml: string, context: CellContext, last: number): SheetRow[] {
  const rows: SheetRow[] = []
  let previous = last
  for (const row of xml.matchAll(ROW)) {
    const r = attribute(row[1]!, 'r')
    const number = r === undefined ? previous + 1 : Number(r)
    previous = number
    const fields: string[] = []
    const body = row[2]
    if (body) {
      for (const cell of body.matchAll(CELL)) {
        const attrs = cell[1]!
        const ref = attribute(attrs, 'r')
        const column = ref === undefined ? fields.length : columnNumber(ref) - 1
        while (fields.length < column) fields.push('')
        fields[column] = cellValue(attrs, cell[2], context)
      }
    }
    rows.push({ number, fields })
  }
  return rows
}

/** "AB12" → 28 (the column's number, A = 1). */
export function columnNumber(ref: string): number {
  let n = 0
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i)
    if (code < 65 || code > 90) break
    n = n * 26 + code - 64
  }
  return n
}

/**
 * A cell as the sheet shows it: shared and inline strings, a formula's cached value (its text, `=…`,
 * when none is cached: never evaluated), booleans as true/false, errors as #N/A…, numbers as numbers,
 * and a number in a date style as YYYY-MM-DD (HH:MM), read later in the site's zone.
 */
function cellValue(attrs: string, body: string | undefined, context: CellContext): string {
  if (!body) return ''
  const type = attribute(attrs, 't') ?? 'n'
  if (type === 'inlineStr') {
    const item = INLINE.exec(body)
    return item ? itemText(item[1]!) : ''
  }
  const v = VALUE.exec(body)
  if (!v) {
    const formula = FORMULA.exec(body)
    return formula ? `=${unescapeXml(formula[1]!)}` : EMPTY_FORMULA.test(body) ? '=' : ''
  }
  const value = v[1]!
  switch (type) {
    case 's':
      return context.strings[Number(value)] ?? ''
    case 'str':
    case 'e':
      return unescapeXml(value)
    case 'b':
      return value === '1' || value === 'true' ? 'true' : 'false'
    case 'd':
      return dateText(new Date(value.endsWith('Z') || /[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`))
    default: {
      const number = Number(value)
      const style = attribute(attrs, 's')
      if (style !== undefined && context.dates[Number(style)] && Number.isFinite(number)) return dateText(new Date(Math.round((number - (context.date1904 ? 24107 : 25569)) * 86_400_000)))
      return String(number)
    }
  }
}

/** A date cell's wall-clock digits (kept as UTC): YYYY-MM-DD, with HH:MM when it has a time of day. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  const iso = date.toISOString()
  const time = iso.slice(11, 16)
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`
}
