import { LintelError } from '../../shared/contract/result'
import { CsvParser, CsvSyntaxError, type CsvRecord } from '../../shared/csv/parse'
import { mappingProblems, suggestMapping, type ImportMapping } from '../../shared/provisioning/importColumns'
import { columnIndex, RowReader, type ColumnIndex, type RowError } from '../../shared/provisioning/importRows'
import type { Store } from '../store/store'
import { ImportWriter } from './importWriter'

/** Import error codes: all mean the input was wrong (CLI exit 2). */
export const ImportErrorCode = { unreadable: 'import_unreadable', mapping: 'import_mapping', syntax: 'import_syntax' } as const

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
}

/**
 * Imports people and credentials from CSV text chunks, streaming, in one transaction: a crash
 * leaves the database wholly before or wholly after. Bad rows are reported and skipped; they never
 * abort the good ones. The caller must not write to the store while this runs.
 */
export async function importPeople(store: Store, chunks: AsyncIterable<string>, options: ImportOptions = {}): Promise<ImportReport> {
  const run = new ImportRun(store, options)
  try {
    await store.transactionAsync(() => run.readAll(chunks), { keep: !options.dryRun })
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new LintelError(ImportErrorCode.syntax, error.message)
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

  constructor(
    private readonly store: Store,
    private readonly options: ImportOptions
  ) {}

  async readAll(chunks: AsyncIterable<string>): Promise<void> {
    const parser = new CsvParser()
    let reported = 0
    for await (const chunk of chunks) {
      this.counts.bytes += chunk.length
      for (const record of parser.push(chunk)) this.take(record)
      if (this.counts.rows - reported >= 2000) {
        reported = this.counts.rows
        this.options.onProgress?.({ rows: this.counts.rows, bytes: this.counts.bytes })
      }
    }
    for (const record of parser.end()) this.take(record)
    if (!this.headers) throw new LintelError(ImportErrorCode.mapping, 'The file is empty: the first line must name the columns.')
    this.options.onProgress?.({ rows: this.counts.rows, bytes: this.counts.bytes })
  }

  private take(record: CsvRecord): void {
    if (!this.headers) return this.start(record.fields.map((h) => h.trim()))
    if (!this.reader || !this.writer) return
    this.counts.rows++
    const checked = this.reader.read(record.line, record.fields)
    const outcome = checked.ok ? this.writer.apply(record.line, checked.row, (field) => this.columns[field]?.header ?? field) : checked.errors
    if (outcome === 'created') this.counts.imported++
    else if (outcome === 'updated') this.counts.updated++
    else this.rejected.push({ line: record.line, fields: record.fields, errors: outcome })
    if (typeof outcome === 'string' && this.sample.length < (this.options.sampleRows ?? 0)) this.sample.push({ line: record.line, fields: record.fields })
  }

  private start(headers: string[]): void {
    this.headers = headers
    this.mapping = this.options.mapping ?? suggestMapping(headers)
    const problems = mappingProblems(this.mapping, headers)
    if (problems.length) throw new LintelError(ImportErrorCode.mapping, `line 1: ${problems.join(' ')}`)
    this.columns = columnIndex(headers, this.mapping)
    const site = this.store.catalog()
    this.reader = new RowReader(this.columns, { ...site, allowWeakPins: this.options.allowWeakPins ?? false })
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
      dryRun: this.options.dryRun ?? false
    }
  }
}
