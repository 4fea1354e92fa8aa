import { writeFileSync } from 'node:fs'
import { tableXlsx } from '../../provisioning/xlsxExport'
import { exportSite, exportTable } from '../../services/siteExport'
import { stringOption } from '../args'
import type { CliCommand } from '../command'
import { SITE_OPTION_HELP, SITE_OPTIONS, withServices } from '../services'
import { UsageError, type CliIo } from '../io'
import type { OptionValues } from '../command'

const KINDS = ['snapshot', 'people', 'credentials'] as const

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export the site as a snapshot (JSON) or people / credentials (CSV or XLSX, PINs masked)',
  usage: '(--snapshot | --people | --credentials) [--format csv|xlsx] [--db <path> | --site <file>] [--out <file>]',
  options: {
    ...SITE_OPTIONS,
    snapshot: { type: 'boolean' },
    people: { type: 'boolean' },
    credentials: { type: 'boolean' },
    out: { type: 'string' },
    format: { type: 'string' }
  },
  details: [
    ...SITE_OPTION_HELP,
    '--snapshot        the whole site in the snapshot format (docs/site-format.md); it carries real PIN values',
    '--people          people as CSV with group names and sync state (a snapshot file has none: "local")',
    '--credentials     credentials as CSV, PIN values masked; cells starting with = + - @ are neutralised',
    '--format f        csv (default) or xlsx (people and credentials; needs --out): cells starting with = + - @ are neutralised in both',
    '--out <file>      write there instead of stdout (with --json, stdout gets { file, bytes })'
  ],
  async run(values, _positionals, io) {
    const chosen = KINDS.filter((kind) => values[kind] === true)
    if (chosen.length !== 1) throw new UsageError('choose exactly one of --snapshot, --people or --credentials')
    const format = stringOption(values, 'format') ?? 'csv'
    if (format !== 'csv' && format !== 'xlsx') throw new UsageError(`--format ${format}: expected csv or xlsx`)
    if (format === 'xlsx') return exportWorkbook(values, io, chosen[0]!)
    const text = await withServices(values, io, (services) => exportSite(services.site, services.provisioning, chosen[0]!).text)
    const out = stringOption(values, 'out')
    if (!out) return void io.out(text)
    writeFileSync(out, text)
    io.out(io.json ? JSON.stringify({ file: out, bytes: Buffer.byteLength(text) }) : `wrote ${out}`)
  }
}

/** People or credentials as an XLSX workbook, written to --out (a workbook is not for a terminal). */
async function exportWorkbook(values: OptionValues, io: CliIo, kind: (typeof KINDS)[number]): Promise<void> {
  const out = stringOption(values, 'out')
  if (kind === 'snapshot') throw new UsageError('--format xlsx exports --people or --credentials; a snapshot is JSON')
  if (!out) throw new UsageError('--format xlsx needs --out <file.xlsx>')
  const table = await withServices(values, io, (services) => exportTable(services.site, services.provisioning, kind))
  const bytes = await tableXlsx(table, kind === 'people' ? 'People' : 'Credentials')
  writeFileSync(out, bytes)
  io.out(io.json ? JSON.stringify({ file: out, bytes: bytes.length }) : `wrote ${out}`)
}
