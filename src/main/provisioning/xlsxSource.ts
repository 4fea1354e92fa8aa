import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { createInflateRaw } from 'node:zlib'
import type ExcelJS from 'exceljs'
import { LintelError } from '../../shared/contract/result'
import type { CsvRecord } from '../../shared/csv/parse'
import type { RecordBatch } from './importPeople'

/** XLSX errors: all mean the input was wrong (CLI exit 2). */
export const XlsxErrorCode = { unreadable: 'import_xlsx_unreadable', noSheet: 'import_no_sheet' } as const

/** The most a workbook may inflate to: a zip bomb is refused before anything is unpacked. */
export const MAX_INFLATED_BYTES = 1 << 30

/** The rows of one sheet as they stream in, the sheet's name, and what the reader noticed (hidden sheets, merged headers). */
export interface SheetRows {
  sheet: string
  /** Every sheet's name in the workbook's order (known once the first batch is read). */
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
  } finally {
    await handle.close()
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
 * Streams one sheet's rows (exceljs's streaming reader): the first visible sheet, or the one named
 * or numbered (1 = first) by `sheet`. Cells become text as the sheet shows them: formulas give their
 * cached values and are never evaluated; dates become YYYY-MM-DD (HH:MM), read later in the site's zone.
 */
export async function readWorkbook(file: string, sheet?: string): Promise<SheetRows> {
  await checkWorkbookFile(file)
  // Loaded on use: exceljs takes ~60 ms to load, which no other command should pay.
  const { default: excel } = await import('exceljs')
  const reader = new excel.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' })
  const notes: string[] = []
  const state: { sheet: string; sheets: string[] } = { sheet: '', sheets: [] }
  async function* batches(): AsyncGenerator<RecordBatch> {
    let found = false
    try {
      for await (const worksheet of reader) {
        const chosen = chooseSheet(reader as unknown as WorkbookModel, sheet, file)
        if (!state.sheet) notes.push(...hiddenSheets(reader as unknown as WorkbookModel, chosen))
        if (!state.sheet) state.sheets = ((reader as unknown as WorkbookModel).model.sheets ?? []).map((s) => s.name)
        const ws = worksheet as unknown as { name: string } & AsyncIterable<ExcelJS.Row>
        state.sheet ||= chosen
        if (found || ws.name !== chosen) continue
        found = true
        yield* sheetBatches(ws, notes)
      }
    } catch (error) {
      if (error instanceof LintelError) throw error
      fail(file, `the workbook is corrupt or truncated (${(error as Error).message}). Save it again from Excel.`)
    }
    if (!found) throw new LintelError(XlsxErrorCode.noSheet, `${file}: the workbook has no sheet ${sheet ?? 'to read'}.`)
  }
  return {
    get sheet() {
      return state.sheet
    },
    get sheets() {
      return state.sheets
    },
    notes,
    batches: batches()
  }
}

interface WorkbookModel {
  model: { sheets?: { name: string; state?: string }[] }
}

function chooseSheet(reader: WorkbookModel, wanted: string | undefined, file: string): string {
  const sheets = reader.model.sheets ?? []
  const visible = sheets.filter((s) => !s.state || s.state === 'visible')
  const byNumber = wanted !== undefined && /^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined
  const chosen = wanted === undefined ? visible[0] : (byNumber ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()))
  if (!chosen) throw new LintelError(XlsxErrorCode.noSheet, `${file}: there is no sheet ${JSON.stringify(wanted ?? '')}. The sheets are: ${sheets.map((s) => s.name).join(', ')}.`)
  return chosen.name
}

function hiddenSheets(reader: WorkbookModel, chosen: string): string[] {
  return (reader.model.sheets ?? []).filter((s) => s.state && s.state !== 'visible').map((s) => (s.name === chosen ? `Sheet "${s.name}" is hidden in Excel; it was read because you chose it.` : `Hidden sheet "${s.name}" was skipped.`))
}

async function* sheetBatches(rows: AsyncIterable<ExcelJS.Row>, notes: string[]): AsyncGenerator<RecordBatch> {
  let batch: CsvRecord[] = []
  let width = -1
  let unnamed = false
  for await (const row of rows) {
    const fields = rowFields(row)
    if (fields.every((f) => f === '')) continue
    if (width < 0) {
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

function rowFields(row: ExcelJS.Row): string[] {
  const values = row.values as unknown[]
  const fields: string[] = []
  for (let i = 1; i < values.length; i++) fields.push(cellText(values[i]))
  return fields
}

/** A cell as text: the cached result of a formula (never evaluated; its text when none is cached), a date as YYYY-MM-DD. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return dateText(value)
  if (typeof value !== 'object') return String(value)
  const v = value as { richText?: { text: string }[]; formula?: string; sharedFormula?: string; result?: unknown; text?: unknown; error?: string }
  if (v.richText) return v.richText.map((r) => r.text).join('')
  if (v.formula !== undefined || v.sharedFormula !== undefined) return v.result === undefined ? `=${v.formula ?? v.sharedFormula ?? ''}` : cellText(v.result)
  if (v.text !== undefined) return cellText(v.text)
  if (v.error !== undefined) return v.error
  return ''
}

/** exceljs gives a date cell as that wall-clock time in UTC: its digits are the sheet's local date and time. */
function dateText(date: Date): string {
  const iso = date.toISOString()
  const time = iso.slice(11, 16)
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`
}
