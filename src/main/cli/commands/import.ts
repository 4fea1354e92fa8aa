import { chmodSync, statSync, writeFileSync } from 'node:fs'
import { LintelError } from '../../../shared/contract/result'
import { delimiterLabel, delimiterNamed, DELIMITERS, encodingNamed, ENCODINGS, type Delimiter, type TextEncodingName } from '../../../shared/csv/dialect'
import { IMPORT_COLUMNS, type ImportColumn, type ImportMapping } from '../../../shared/provisioning/importColumns'
import { ImportErrorCode, type ImportOptions, type ImportReport } from '../../provisioning/importPeople'
import { isWorkbook, readWorkbook } from '../../provisioning/xlsxSource'
import type { ProvisioningService } from '../../services/provisioningService'
import { decodeText, fileBytes } from '../../provisioning/textSource'
import { stringOption } from '../args'
import type { CliCommand, OptionValues } from '../command'
import { DB_OPTION_HELP, DB_OPTIONS, TIME_ZONE_HELP, withServices } from '../services'
import { UsageError, type CliIo } from '../io'
import { createProgress } from '../progress'

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import people and credentials from a CSV file or an XLSX workbook (bad rows are reported, never abort the good ones)',
  usage: '<file.csv|file.xlsx> [--sheet <name|n>] [--db <path>] [--time-zone <zone>] [--dry-run] [--allow-weak-pins] [--map column=Header ...] [--rejected <out.csv>] [--create-groups] [--delimiter , | ; | tab | pipe] [--encoding utf-8 | utf-16le | utf-16be | windows-1252]',
  positionals: true,
  options: {
    ...DB_OPTIONS,
    'dry-run': { type: 'boolean' },
    'allow-weak-pins': { type: 'boolean' },
    map: { type: 'string', multiple: true },
    rejected: { type: 'string' },
    delimiter: { type: 'string' },
    encoding: { type: 'string' },
    'create-groups': { type: 'boolean' },
    sheet: { type: 'string' }
  },
  details: [
    DB_OPTION_HELP,
    TIME_ZONE_HELP,
    '--dry-run         check every row and report, writing nothing',
    '--allow-weak-pins accept PINs such as 1234, 0000 or 121212',
    '--map c=Header    read column c (first_name, email, pin, …) from the header "Header"; default: guessed from the headers',
    '--sheet <s>       for an .xlsx workbook: the sheet to read, by name or number (1 = first); default the first visible sheet',
    '--create-groups   create the groups the file names that the site lacks (they open no doors until given access)',
    '--delimiter d     the column separator: comma, semicolon, tab or pipe (default: sniffed from the first lines)',
    '--encoding e      utf-8, utf-16le, utf-16be or windows-1252 (default: a byte order mark, else UTF-8 if the bytes are, else Windows-1252)',
    '--rejected <f>    write the rejected rows to f as you wrote them (PINs too: the file is made 0600), plus a reason column; correct them and import f again',
    `Columns: ${IMPORT_COLUMNS.join(', ')} (first three required). A row is reported by its file line (the header is line 1).`,
    'Output: { rows, imported, updated, rejected: [{ row, column, message }] }. An unreadable file exits 2.'
  ],
  async run(values, positionals, io) {
    const file = positionals[0]
    if (!file || positionals.length > 1) throw new UsageError('expected one file: lintel import <file.csv|file.xlsx>')
    const size = fileSize(file)
    const dialect = dialectOptions(values)
    const sheet = stringOption(values, 'sheet')
    await withServices(values, io, async ({ provisioning }) => {
      const progress = createProgress('Importing', size, io.interactive)
      const options: ImportOptions = {
        source: file,
        dryRun: values['dry-run'] === true,
        createGroups: values['create-groups'] === true,
        allowWeakPins: values['allow-weak-pins'] === true,
        ...mappingOption(values),
        onProgress: (p) => progress.update(p.bytes)
      }
      const outcome = isWorkbook(file) ? await importWorkbook(provisioning, file, sheet, options, io) : { report: await importCsv(provisioning, file, dialect, options), sheet: undefined }
      progress.finish()
      const rejectedFile = stringOption(values, 'rejected')
      if (rejectedFile) writeRejected(rejectedFile, provisioning.rejectedRows().text)
      printReport(outcome.report, io, outcome.sheet)
    })
  }
}

async function importCsv(provisioning: ProvisioningService, file: string, dialect: ReturnType<typeof dialectOptions>, options: ImportOptions): Promise<ImportReport> {
  const text = await decodeText(fileBytes(file), file, dialect.encoding)
  return provisioning.importStream(text.chunks, {
    ...options,
    // Read when the report is made: a "UTF-8" file whose first non-ASCII byte is not UTF-8 turns out Windows-1252.
    get encoding() {
      return { encoding: text.encoding, bom: text.bom }
    },
    ...(dialect.delimiter ? { delimiter: dialect.delimiter } : {})
  })
}

/** A workbook's sheet: its notes (hidden sheets, merged headers) go to stderr and into the JSON report. */
async function importWorkbook(provisioning: ProvisioningService, file: string, sheet: string | undefined, options: ImportOptions, io: CliIo): Promise<{ report: ImportReport; sheet: { name: string; notes: string[] } }> {
  const rows = await readWorkbook(file, sheet)
  const report = await provisioning.importSheet(rows.batches, options)
  for (const note of rows.notes) io.err(`lintel: note: ${file}: ${note}`)
  return { report, sheet: { name: rows.sheet, notes: rows.notes } }
}

function fileSize(file: string): number {
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new Error('not a file')
    return stat.size
  } catch (error) {
    throw new LintelError(ImportErrorCode.unreadable, `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
}

/** The rejected rows hold the user's PINs: owner-only (0600), also when the file already existed. */
function writeRejected(path: string, text: string): void {
  try {
    chmodSync(path, 0o600)
  } catch {
    // A new file: created 0600 below.
  }
  writeFileSync(path, text, { mode: 0o600 })
}

function dialectOptions(values: OptionValues): { delimiter?: Delimiter; encoding?: TextEncodingName } {
  const delimiterText = stringOption(values, 'delimiter')
  const encodingText = stringOption(values, 'encoding')
  const delimiter = delimiterText === undefined ? undefined : delimiterNamed(delimiterText)
  const encoding = encodingText === undefined ? undefined : encodingNamed(encodingText)
  if (delimiterText !== undefined && !delimiter) throw new UsageError(`--delimiter ${delimiterText}: expected one of ${DELIMITERS.map((d) => delimiterLabel(d)).join(', ')}`)
  if (encodingText !== undefined && !encoding) throw new UsageError(`--encoding ${encodingText}: expected one of ${ENCODINGS.join(', ')}`)
  return { ...(delimiter ? { delimiter } : {}), ...(encoding ? { encoding } : {}) }
}

function mappingOption(values: OptionValues): { mapping?: ImportMapping } {
  const pairs = values.map
  if (!Array.isArray(pairs) || pairs.length === 0) return {}
  const mapping: ImportMapping = {}
  for (const pair of pairs) {
    const [column, ...header] = String(pair).split('=')
    if (!IMPORT_COLUMNS.includes(column as ImportColumn) || header.length === 0) throw new UsageError(`--map ${String(pair)}: expected column=Header with a column among ${IMPORT_COLUMNS.join(', ')}`)
    mapping[column as ImportColumn] = header.join('=')
  }
  return { mapping }
}

/** PIN cells to mask in the rejected-rows file: the pin column, and the value column of PIN-type rows. */
function printReport(report: ImportReport, io: CliIo, sheet?: { name: string; notes: string[] }): void {
  const { rows, imported, updated, rejected, dialect } = report
  const source = sheet ? { sheet: sheet.name, notes: sheet.notes } : { dialect }
  if (io.json) return io.out(JSON.stringify({ rows, imported, updated, rejected, ...source, ...(report.dryRun ? { dryRun: true } : {}) }))
  const lines = [
    `${rows} rows: ${imported} imported, ${updated} updated, ${rows - imported - updated} rejected${report.dryRun ? ' (dry run: nothing written)' : ''}`,
    sheet ? `  read from sheet "${sheet.name}"` : `  read as ${dialect.encoding}${dialect.bom ? ' (byte order mark)' : ''}, ${delimiterLabel(dialect.delimiter)}-separated`
  ]
  for (const e of rejected.slice(0, 50)) lines.push(`  line ${e.row}  ${e.column}: ${e.message}`)
  if (rejected.length > 50) lines.push(`  … and ${rejected.length - 50} more (use --json or --rejected <file>)`)
  io.out(lines.join('\n'))
}
