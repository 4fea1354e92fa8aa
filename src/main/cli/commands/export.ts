import { writeFileSync } from 'node:fs'
import { credentialsCsv, peopleCsv } from '../../provisioning/exports'
import { syncStates } from '../../store/syncStates'
import { stringOption } from '../args'
import type { CliCommand } from '../command'
import { DB_OPTION_HELP, openStoreOption } from '../database'
import { UsageError } from '../io'

const KINDS = ['snapshot', 'people', 'credentials'] as const

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export the database as a site snapshot (JSON) or people / credentials (CSV, PINs masked)',
  usage: '(--snapshot | --people | --credentials) [--db <path>] [--out <file>]',
  options: {
    db: { type: 'string' },
    snapshot: { type: 'boolean' },
    people: { type: 'boolean' },
    credentials: { type: 'boolean' },
    out: { type: 'string' }
  },
  details: [
    DB_OPTION_HELP,
    '--snapshot        the whole site in the snapshot format (docs/site-format.md); it carries real PIN values',
    '--people          people as CSV with group names and sync state',
    '--credentials     credentials as CSV, PIN values masked; cells starting with = + - @ are neutralised',
    '--out <file>      write there instead of stdout (with --json, stdout gets { file, bytes })'
  ],
  async run(values, _positionals, io) {
    const chosen = KINDS.filter((kind) => values[kind] === true)
    if (chosen.length !== 1) throw new UsageError('choose exactly one of --snapshot, --people or --credentials')
    const store = await openStoreOption(values)
    let text: string
    try {
      const site = store.snapshot()
      text = chosen[0] === 'snapshot' ? `${JSON.stringify(site, null, 2)}\n` : chosen[0] === 'people' ? peopleCsv(site, syncStates(store)) : credentialsCsv(site, syncStates(store))
    } finally {
      store.close()
    }
    const out = stringOption(values, 'out')
    if (!out) return void io.out(text)
    writeFileSync(out, text)
    io.out(io.json ? JSON.stringify({ file: out, bytes: Buffer.byteLength(text) }) : `wrote ${out}`)
  }
}
