import { LintelError } from '../../shared/contract/result'
import { sniffDelimiter, type CsvDialect, type Delimiter, type TextEncodingName } from '../../shared/csv/dialect'
import { CsvParser, CsvSyntaxError, type CsvRecord } from '../../shared/csv/parse'
import { mappingProblems, suggestMapping, type ImportMapping } from '../../shared/provisioning/importColumns'
import { columnIndex, RowReader, type ColumnIndex, type RowError } from '../../shared/provisioning/importRows'
import type { Store } from '../store/store'
import { ImportWriter, type ColumnOf } from './importWriter'

/** Import error codes: all mean the input was wrong (CLI exit 2). */
export const ImportErrorCode = { unreadable: 'import_unreadable', mapping: 'import_mapping', syntax: 'import_syntax', noHeader: 'import_no_header' } as const

/** A record longer than this is not a CSV line: a file with no line breaks, or the wrong delimiter. */
export const MAX_RECORD_CHARS = 1 << 20

export interface ImportOptions {
  /** Check and count everything, then roll back: the preview. */
  readonly dryRun?: boolean
  readonly allowWeakPins?: boolean
  /** Header text for each column; by default guessed from the headers. */
  readonly mapping?: ImportMapping
  /** Called about every 2,000 rows and at the end. */
  readonly onProgress?: (progress: ImportProgress) => void
  /** How many valid rows to keep for a preview table (default 0). */
  readonly sampleRows?: number
  /** The delimiter; by default sniffed from the first lines. */
  readonly delimiter?: Delimiter
  /** How the text was decoded (for the report), and whether a BOM said so. Default UTF-8. */
  readonly encoding?: { encoding: TextEncodingName; bom: boolean }
  /** The file's name, for messages. */
  readonly source?: string
  /** Create the groups rows name that the site lacks (in the import's transaction). */
  readonly createGroups?: boolean
}

export interface ImportProgress {
  rows: number
  bytes: number
}

/** A rejected record as read, for the rejected-rows CSV. */
export interface RejectedRecord {
  line: number
  fields: string[]
  errors: RowError[]
}

/** What an import did (or, for a dry run, would do). */
export interface ImportReport {
  rows: number
  imported: number
  updated: number
  rejected: RowError[]
  headers: string[]
  mapping: ImportMapping
  rejectedRecords: RejectedRecord[]
  sample: { line: number; fields: string[] }[]
  dryRun: boolean
  /** How the file was read: delimiter and encoding. */
  dialect: CsvDialect
  /** Groups the rows name that the site lacked: created with createGroups, else those rows are rejected. */
  newGroups: string[]
}

/**
 * Imports people and credentials from CSV text chunks, streaming, in one transaction: a crash
 * leaves the database wholly before or wholly after. Bad rows are reported and skipped; they never
 * abort the good ones. The caller must not write to the store while this runs.
 */
export function importPeople(store: Store, chunks: AsyncIterable<string>, options: ImportOptions = {}): Promise<ImportReport> {
  return importRecords(store, (run) => run.csvBatches(chunks), options)
}

/** Records read from a file, a batch at a time, and how many bytes (or characters) they came from. */
export interface RecordBatch {
  records: CsvRecord[]
  bytes: number
}

/** Imports records already split into cells (a spreadsheet's rows), as {@link importPeople} does CSV. */
export function importSheetRows(store: Store, batches: AsyncIterable<RecordBatch>, options: ImportOptions = {}): Promise<ImportReport> {
  return importRecords(store, () => batches, options)
}

async function importRecords(store: Store, source: (run: ImportRun) => AsyncIterable<RecordBatch>, options: ImportOptions): Promise<ImportReport> {
  const run = new ImportRun(store, options)
  try {
    await store.transactionAsync(() => run.readAll(source(run)), { keep: !options.dryRun })
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new LintelError(ImportErrorCode.syntax, `${options.source ? `${options.source} ` : ''}${error.message}`)
    throw error
  }
  return run.report()
}

class ImportRun {
  private headers: string[] | undefined
  private reader: RowReader | undefined
  private writer: ImportWriter | undefined
  private columns: ColumnIndex = {}
  private mapping: ImportMapping = {}
  private readonly counts = { rows: 0, imported: 0, updated: 0, bytes: 0 }
  private readonly rejected: RejectedRecord[] = []
  private readonly sample: { line: number; fields: string[] }[] = []
  private readonly columnOf: ColumnOf = (field) => this.columns[field]?.header ?? field

  constructor(
    private readonly store: Store,
    private readonly options: ImportOptions
  ) {}

  private delimiter: Delimiter = ','

  /** CSV text chunks as record batches; the delimiter is sniffed from the first chunk unless given. */
  async *csvBatches(chunks: AsyncIterable<string>): AsyncGenerator<RecordBatch> {
    let parser: CsvParser | undefined
    for await (const chunk of chunks) {
      if (!parser) {
        this.delimiter = this.options.delimiter ?? sniffDelimiter(chunk.slice(0, 64 * 1024))
        parser = new CsvParser({ delimiter: this.delimiter, maxRecordChars: MAX_RECORD_CHARS })
      }
      yield { records: parser.push(chunk), bytes: chunk.length }
    }
    yield { records: parser?.end() ?? [], bytes: 0 }
  }

  async readAll(batches: AsyncIterable<RecordBatch>): Promise<void> {
    let reported = 0
    for await (const batch of batches) {
      this.counts.bytes += batch.bytes
      for (const record of batch.records) this.take(record)
      if (this.counts.rows - reported >= 2000) {
        reported = this.counts.rows
        this.options.onProgress?.({ rows: this.counts.rows, bytes: this.counts.bytes })
      }
    }
    if (!this.headers) throw new LintelError(ImportErrorCode.mapping, 'The file is empty: the first line must name the columns.')
    this.options.onProgress?.({ rows: this.counts.rows, bytes: this.counts.bytes })
  }

  private take(record: CsvRecord): void {
    if (!this.headers) return this.start(record.fields.map((h) => h.trim()))
    if (!this.reader || !this.writer) return
    this.counts.rows++
    const checked = this.reader.read(record.line, record.fields)
    const outcome = checked.ok ? this.writer.apply(record.line, checked.row, this.columnOf) : checked.errors
    if (outcome === 'created') this.counts.imported++
    else if (outcome === 'updated') this.counts.updated++
    else this.rejected.push({ line: record.line, fields: record.fields, errors: outcome })
    if (typeof outcome === 'string' && this.sample.length < (this.options.sampleRows ?? 0)) this.sample.push({ line: record.line, fields: record.fields })
  }

  private start(headers: string[]): void {
    this.headers = headers
    this.mapping = this.options.mapping ?? suggestMapping(headers)
    if (!this.options.mapping) checkHeader(headers, this.mapping, this.options.source)
    const problems = mappingProblems(this.mapping, headers)
    if (problems.length) throw new LintelError(ImportErrorCode.mapping, `line 1: ${problems.join(' ')}`)
    this.columns = columnIndex(headers, this.mapping)
    const site = this.store.catalog()
    const createGroup = (name: string) => this.store.groups.save({ name, access: [] }).id
    this.reader = new RowReader(this.columns, { ...site, allowWeakPins: this.options.allowWeakPins ?? false, ...(this.options.createGroups ? { createGroup } : {}) })
    this.writer = new ImportWriter(this.store)
  }

  report(): ImportReport {
    const { rows, imported, updated } = this.counts
    return {
      rows,
      imported,
      updated,
      rejected: this.rejected.flatMap((r) => r.errors),
      headers: this.headers ?? [],
      mapping: this.mapping,
      rejectedRecords: this.rejected,
      sample: this.sample,
      dryRun: this.options.dryRun ?? false,
      newGroups: this.reader?.newGroups ?? [],
      dialect: { delimiter: this.delimiter, encoding: this.options.encoding?.encoding ?? 'utf-8', bom: this.options.encoding?.bom ?? false }
    }
  }
}

const LOOKS_LIKE_DATA = /@|^\d[\d\s./:-]*$/

/**
 * A first line that cannot be a header: one column (the delimiter is not among , ; tab |), or
 * cells that name no column while one looks like data (an email, a number or a date).
 */
function checkHeader(headers: readonly string[], mapping: ImportMapping, source = 'The file'): void {
  if (headers.length === 1 && headers[0] !== '') {
    throw new LintelError(ImportErrorCode.noHeader, `${source} line 1: the first line has a single column ("${headers[0]?.slice(0, 40)}"): its columns are not separated by a comma, semicolon, tab or pipe.`)
  }
  const data = headers.find((h) => LOOKS_LIKE_DATA.test(h))
  if (Object.keys(mapping).length === 0 && data !== undefined) {
    throw new LintelError(ImportErrorCode.noHeader, `${source} line 1: "${data}" looks like data, not a column name. The first line must name the columns (first_name, last_name, email, …).`)
  }
}
