import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { createInflateRaw } from 'node:zlib'
import { LintelError } from '../../shared/contract/result'
import type { CsvRecord } from '../../shared/csv/parse'
import type { RecordBatch } from './importPeople'
import { dateStyles, entryChunks, entryText, rowTexts, scanRows, sharedStrings, workbookSheets, zipEntries, type CellContext, type SheetPart, type SheetRow, type ZipEntry } from './xlsxParts'

/** XLSX errors: all mean the input was wrong (CLI exit 2). */
export const XlsxErrorCode = { unreadable: 'import_xlsx_unreadable', noSheet: 'import_no_sheet' } as const

/** The most a workbook may inflate to: a zip bomb is refused before anything is unpacked. */
export const MAX_INFLATED_BYTES = 1 << 30

/** The rows of one sheet as they stream in, the sheet's name, and what the reader noticed (hidden sheets, merged headers). */
export interface SheetRows {
  sheet: string
  /** Every sheet's name in the workbook's order. */
  sheets: string[]
  notes: string[]
  batches: AsyncIterable<RecordBatch>
}

/** True for a file the import reads as a workbook (by its name). */
export function isWorkbook(file: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(file)
}

const fail = (file: string, message: string): never => {
  throw new LintelError(XlsxErrorCode.unreadable, `${file}: ${message}`)
}

/**
 * Checks a workbook before unpacking it: a password-protected one is an OLE file, not a zip; a
 * truncated one has no end-of-archive record; a zip bomb declares more than MAX_INFLATED_BYTES.
 */
export async function checkWorkbookFile(file: string, cap = MAX_INFLATED_BYTES): Promise<void> {
  await (await openWorkbook(file, cap)).handle.close()
}

/** The checked workbook, open, and its archive's entries by name. */
async function openWorkbook(file: string, cap: number): Promise<{ handle: FileHandle; entries: Map<string, ZipEntry> }> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => fail(file, `cannot read (${error.code ?? error.message})`))
  try {
    const { size } = await handle.stat()
    const head = Buffer.alloc(8)
    await handle.read(head, 0, 8, 0)
    if (head.readUInt32BE(0) === 0xd0cf11e0) fail(file, 'the workbook is password-protected (or an old .xls). Remove the password in Excel, or save it as .xlsx or CSV.')
    if (head.readUInt32LE(0) !== 0x04034b50) fail(file, 'this is not an XLSX workbook (no zip header).')
    const tailSize = Math.min(size, 65_557)
    const tail = Buffer.alloc(tailSize)
    await handle.read(tail, 0, tailSize, size - tailSize)
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    if (eocd < 0) fail(file, 'the workbook is corrupt or truncated (no end of archive). Save it again from Excel.')
    const entries = tail.readUInt16LE(eocd + 10)
    const [dirSize, dirOffset] = [tail.readUInt32LE(eocd + 12), tail.readUInt32LE(eocd + 16)]
    if (dirOffset + dirSize > size) fail(file, 'the workbook is corrupt or truncated. Save it again from Excel.')
    const dir = Buffer.alloc(dirSize)
    await handle.read(dir, 0, dirSize, dirOffset)
    if (inflatedSize(dir, entries) > cap) tooBig(file, cap)
    await inflateAll(file, handle, dir, entries, cap)
    return { handle, entries: zipEntries(dir, entries) }
  } catch (error) {
    await handle.close()
    throw error
  }
}

const tooBig = (file: string, cap: number): never => fail(file, `the workbook would unpack to more than ${cap >= 2 ** 30 ? `${cap / 2 ** 30} GB` : `${Math.round(cap / 2 ** 20)} MB`}; it is refused (a zip bomb?).`)

/**
 * Inflates every entry once, counting and discarding the output, so sizes the archive lies about
 * are caught too before exceljs unpacks anything (≈ 0.1 s for a 100k-row workbook).
 */
async function inflateAll(file: string, handle: FileHandle, dir: Buffer, entries: number, cap: number): Promise<void> {
  let total = 0
  let at = 0
  for (let i = 0; i < entries && at + 46 <= dir.length; i++) {
    const [method, compressed, local] = [dir.readUInt16LE(at + 10), dir.readUInt32LE(at + 20), dir.readUInt32LE(at + 42)]
    at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32)
    const header = Buffer.alloc(30)
    await handle.read(header, 0, 30, local)
    const start = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
    if (method === 0) total += compressed
    else total += await inflatedLength(file, start, compressed, cap - total)
    if (total > cap) tooBig(file, cap)
  }
}

async function inflatedLength(file: string, start: number, compressed: number, limit: number): Promise<number> {
  if (compressed === 0) return 0
  let length = 0
  const inflate = createInflateRaw()
  const source = createReadStream(file, { start, end: start + compressed - 1 })
  source.pipe(inflate)
  try {
    for await (const chunk of inflate) {
      length += (chunk as Buffer).length
      if (length > limit) break
    }
  } catch (error) {
    fail(file, `the workbook is corrupt or truncated (${(error as Error).message}). Save it again from Excel.`)
  } finally {
    source.destroy()
    inflate.destroy()
  }
  return length
}

/** The total uncompressed size the central directory declares (ZIP64's marker counts as too big). */
function inflatedSize(dir: Buffer, entries: number): number {
  let total = 0
  let at = 0
  for (let i = 0; i < entries && at + 46 <= dir.length; i++) {
    if (dir.readUInt32LE(at) !== 0x02014b50) return Number.POSITIVE_INFINITY
    const size = dir.readUInt32LE(at + 24)
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size
    at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32)
  }
  return total
}

/**
 * Streams one sheet's rows: the first visible sheet, or the one named or numbered (1 = first) by
 * `sheet`. The sheet's XML is inflated and scanned as it streams (see xlsxParts); cells become text
 * as the sheet shows them: formulas give their cached values and are never evaluated; dates become
 * YYYY-MM-DD (HH:MM), read later in the site's zone.
 */
export async function readWorkbook(file: string, sheet?: string): Promise<SheetRows> {
  const { handle, entries } = await openWorkbook(file, MAX_INFLATED_BYTES)
  let part: SheetPart
  let context: CellContext
  const notes: string[] = []
  let names: string[]
  try {
    const workbookXml = await readPart(file, handle, entries, 'xl/workbook.xml')
    if (!workbookXml) fail(file, 'this is not an XLSX workbook (it has no xl/workbook.xml). Save it again from Excel as .xlsx.')
    const book = workbookSheets(workbookXml, await readPart(file, handle, entries, 'xl/_rels/workbook.xml.rels'))
    names = book.sheets.map((s) => s.name)
    part = chooseSheet(book.sheets, sheet, file)
    notes.push(...hiddenSheets(book.sheets, part.name))
    if (!entries.has(part.path)) throw new LintelError(XlsxErrorCode.noSheet, `${file}: the workbook has no sheet ${sheet ?? 'to read'} (its part ${part.path || 'is not named'}).`)
    context = { strings: sharedStrings(await readPart(file, handle, entries, 'xl/sharedStrings.xml')), dates: dateStyles(await readPart(file, handle, entries, 'xl/styles.xml')), date1904: book.date1904 }
  } finally {
    await handle.close()
  }
  const entry = entries.get(part.path)!
  async function* batches(): AsyncGenerator<RecordBatch> {
    const sheetHandle = await open(file, 'r')
    try {
      yield* sheetBatches(sheetRows(file, sheetHandle, entry, context), notes)
    } catch (error) {
      if (error instanceof LintelError) throw error
      fail(file, `the workbook is corrupt or truncated (${(error as Error).message}). Save it again from Excel.`)
    } finally {
      await sheetHandle.close()
    }
  }
  return { sheet: part.name, sheets: names, notes, batches: batches() }
}

async function readPart(file: string, handle: FileHandle, entries: Map<string, ZipEntry>, name: string): Promise<string> {
  try {
    return await entryText(file, handle, entries.get(name))
  } catch (error) {
    return fail(file, `the workbook is corrupt or truncated (${(error as Error).message}). Save it again from Excel.`)
  }
}

async function* sheetRows(file: string, handle: FileHandle, entry: ZipEntry, context: CellContext): AsyncGenerator<SheetRow> {
  let last = 0
  for await (const text of rowTexts(entryChunks(file, handle, entry))) {
    const rows = scanRows(text, context, last)
    if (rows.length) last = rows[rows.length - 1]!.number
    yield* rows
  }
}

function chooseSheet(sheets: SheetPart[], wanted: string | undefined, file: string): SheetPart {
  const visible = sheets.filter((s) => s.state === 'visible')
  const byNumber = wanted !== undefined && /^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined
  const chosen = wanted === undefined ? visible[0] : (byNumber ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()))
  if (!chosen) throw new LintelError(XlsxErrorCode.noSheet, `${file}: there is no sheet ${JSON.stringify(wanted ?? '')}. The sheets are: ${sheets.map((s) => s.name).join(', ')}.`)
  return chosen
}

function hiddenSheets(sheets: SheetPart[], chosen: string): string[] {
  return sheets.filter((s) => s.state !== 'visible').map((s) => (s.name === chosen ? `Sheet "${s.name}" is hidden in Excel; it was read because you chose it.` : `Hidden sheet "${s.name}" was skipped.`))
}

async function* sheetBatches(rows: AsyncIterable<SheetRow>, notes: string[]): AsyncGenerator<RecordBatch> {
  let batch: CsvRecord[] = []
  let width = -1
  let unnamed = false
  for await (const row of rows) {
    const fields = row.fields
    if (fields.every((f) => f === '')) continue
    if (width < 0) {
      // Trailing empty header cells (the rest of a merged cell, or styled cells) name no column.
      fields.length = fields.findLastIndex((f) => f !== '') + 1
      nameEmptyHeaders(fields, notes)
      width = fields.length
    } else if (!unnamed && fields.slice(width).some((f) => f !== '')) {
      unnamed = true
      notes.push(`Column ${columnLetter(width + 1)} and after have cells but no header (merged header cells?): they are not imported.`)
    }
    batch.push({ line: row.number, fields })
    if (batch.length >= 1000) {
      yield { records: batch, bytes: 0 }
      batch = []
    }
  }
  yield { records: batch, bytes: 0 }
}

/** Merged header cells leave all but the first empty: those columns are named by their letter, and reported. */
function nameEmptyHeaders(fields: string[], notes: string[]): void {
  const last = fields.findLastIndex((f) => f !== '')
  for (let i = 0; i <= last; i++) {
    if (fields[i] !== '') continue
    const letter = columnLetter(i + 1)
    fields[i] = letter
    notes.push(`Column ${letter} has no header (merged header cells?): its cells are read under "${letter}".`)
  }
}

function columnLetter(n: number): string {
  let text = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) text = String.fromCharCode(65 + ((k - 1) % 26)) + text
  return text
}
