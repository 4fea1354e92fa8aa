import { writeFileSync } from 'node:fs'
import { exportSite } from '../../services/siteExport'
import { stringOption } from '../args'
import type { CliCommand } from '../command'
import { SITE_OPTION_HELP, SITE_OPTIONS, withServices } from '../services'
import { UsageError } from '../io'

const KINDS = ['snapshot', 'people', 'credentials'] as const

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export the site as a snapshot (JSON) or people / credentials (CSV, PINs masked)',
  usage: '(--snapshot | --people | --credentials) [--db <path> | --site <file>] [--out <file>]',
  options: {
    ...SITE_OPTIONS,
    snapshot: { type: 'boolean' },
    people: { type: 'boolean' },
    credentials: { type: 'boolean' },
    out: { type: 'string' }
  },
  details: [
    ...SITE_OPTION_HELP,
    '--snapshot        the whole site in the snapshot format (docs/site-format.md); it carries real PIN values',
    '--people          people as CSV with group names and sync state (a snapshot file has none: "local")',
    '--credentials     credentials as CSV, PIN values masked; cells starting with = + - @ are neutralised',
    '--out <file>      write there instead of stdout (with --json, stdout gets { file, bytes })'
  ],
  async run(values, _positionals, io) {
    const chosen = KINDS.filter((kind) => values[kind] === true)
    if (chosen.length !== 1) throw new UsageError('choose exactly one of --snapshot, --people or --credentials')
    const text = await withServices(values, io, (services) => exportSite(services.site, services.provisioning, chosen[0]!).text)
    const out = stringOption(values, 'out')
    if (!out) return void io.out(text)
    writeFileSync(out, text)
    io.out(io.json ? JSON.stringify({ file: out, bytes: Buffer.byteLength(text) }) : `wrote ${out}`)
  }
}
