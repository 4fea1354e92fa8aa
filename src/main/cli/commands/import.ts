import { createReadStream, statSync, writeFileSync } from 'node:fs'
import { LintelError } from '../../../shared/contract/result'
import { IMPORT_COLUMNS, type ImportColumn, type ImportMapping } from '../../../shared/provisioning/importColumns'
import { ImportErrorCode, type ImportReport } from '../../provisioning/importPeople'
import { stringOption } from '../args'
import type { CliCommand, OptionValues } from '../command'
import { DB_OPTION_HELP, withServices } from '../services'
import { UsageError, type CliIo } from '../io'
import { createProgress } from '../progress'

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import people and credentials from a CSV file (bad rows are reported, never abort the good ones)',
  usage: '<file.csv> [--db <path>] [--dry-run] [--allow-weak-pins] [--map column=Header ...] [--rejected <out.csv>]',
  positionals: true,
  options: {
    db: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'allow-weak-pins': { type: 'boolean' },
    map: { type: 'string', multiple: true },
    rejected: { type: 'string' }
  },
  details: [
    DB_OPTION_HELP,
    '--dry-run         check every row and report, writing nothing',
    '--allow-weak-pins accept PINs such as 1234, 0000 or 121212',
    '--map c=Header    read column c (first_name, email, pin, …) from the header "Header"; default: guessed from the headers',
    '--rejected <f>    write the rejected rows to f as CSV, with an error column (PINs masked)',
    `Columns: ${IMPORT_COLUMNS.join(', ')} (first three required). A row is reported by its file line (the header is line 1).`,
    'Output: { rows, imported, updated, rejected: [{ row, column, message }] }. An unreadable file exits 2.'
  ],
  async run(values, positionals, io) {
    const file = positionals[0]
    if (!file || positionals.length > 1) throw new UsageError('expected one CSV file: lintel import <file.csv>')
    const size = fileSize(file)
    await withServices(values, io, async ({ provisioning }) => {
      const progress = createProgress('Importing', size, io.interactive)
      const report = await provisioning.importStream(readText(file), {
        dryRun: values['dry-run'] === true,
        allowWeakPins: values['allow-weak-pins'] === true,
        ...mappingOption(values),
        onProgress: (p) => progress.update(p.bytes)
      })
      progress.finish()
      const rejectedFile = stringOption(values, 'rejected')
      if (rejectedFile) writeFileSync(rejectedFile, provisioning.rejectedRows().text)
      printReport(report, io)
    })
  }
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

async function* readText(file: string): AsyncGenerator<string> {
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) yield chunk as string
  } catch (error) {
    throw new LintelError(ImportErrorCode.unreadable, `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
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
function printReport(report: ImportReport, io: CliIo): void {
  const { rows, imported, updated, rejected } = report
  if (io.json) return io.out(JSON.stringify({ rows, imported, updated, rejected, ...(report.dryRun ? { dryRun: true } : {}) }))
  const lines = [`${rows} rows: ${imported} imported, ${updated} updated, ${rows - imported - updated} rejected${report.dryRun ? ' (dry run: nothing written)' : ''}`]
  for (const e of rejected.slice(0, 50)) lines.push(`  line ${e.row}  ${e.column}: ${e.message}`)
  if (rejected.length > 50) lines.push(`  … and ${rejected.length - 50} more (use --json or --rejected <file>)`)
  io.out(lines.join('\n'))
}
