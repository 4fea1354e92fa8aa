import type { Services } from '../services'
import { openNodeServices, openNodeSite, type NodeServiceOptions, type NodeSite, type SiteSource } from '../services/node'
import type { Logger } from '../logger'

import type { AppInfo } from '../../shared/contract'
import { existsSync } from 'node:fs'
import { isValidTimeZone } from '../../shared/time/intlClock'
import { stringOption } from './args'
import type { OptionSpecs, OptionValues } from './command'
import { UsageError, type CliIo } from './io'

/** `--db <path>` and `--time-zone <zone>`, taken by every command that can create a database. */
export const DB_OPTIONS: OptionSpecs = { db: { type: 'string' }, 'time-zone': { type: 'string' } }

/** `--site <file>` and the database options, taken by every command that reads the site. */
export const SITE_OPTIONS: OptionSpecs = { site: { type: 'string' }, ...DB_OPTIONS }

/** `--db` as documented for every command that takes it. */
export const DB_OPTION_HELP = "--db <path>       the database (default: the app's, seeded with the demo site on first start; a new one elsewhere starts with the standard credential types only)"

/** `--time-zone` as documented for every command that can create a database. */
export const TIME_ZONE_HELP = "--time-zone <z>   a new database's IANA time zone (e.g. Europe/Berlin), in which dates without an offset are read; default this machine's, with a note on stderr"

/** Help lines for {@link SITE_OPTIONS}. */
export const SITE_OPTION_HELP: readonly string[] = [
  DB_OPTION_HELP,
  TIME_ZONE_HELP,
  '--site <file>     read a site snapshot instead (docs/site-format.md), in memory: nothing is written into a database'
]

/** Where the site comes from: `--site`, `--db`, or (neither) the app's database. Both is bad usage. */
export function siteSource(values: OptionValues): SiteSource {
  const sitePath = stringOption(values, 'site')
  const dbPath = stringOption(values, 'db')
  const timeZone = stringOption(values, 'time-zone')
  if (sitePath && dbPath) throw new UsageError('--site and --db are alternatives: give one')
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) throw new UsageError(`--time-zone ${timeZone}: not an IANA time zone name (such as Europe/Berlin or America/New_York)`)
  return { sitePath, dbPath, timeZone }
}

/** Warnings and logs go to stderr, through the CLI's io (so tests see them too). */
export function ioLogger(io: CliIo): Logger {
  return {
    info: (message) => io.err(`lintel: ${message}`),
    warn: (message) => io.err(`lintel: warning: ${message}`),
    error: (message, error) => io.err(`lintel: error: ${message}${error instanceof Error ? ` (${error.message})` : ''}`)
  }
}

/**
 * How a command opens the services. `lenient` (info, settings): when the app's database cannot be
 * opened, carry on with the demo site, as the app does. Otherwise the command fails (db_unreadable,
 * exit 2) rather than answer from another copy of the site.
 */
export interface OpenOptions {
  runtime?: AppInfo['runtime']
  lenient?: boolean
}

/** How the command's options open a plain-Node session: the site source, the zone, strictness and logger. */
async function nodeOptions(values: OptionValues, io: CliIo, options: OpenOptions): Promise<NodeServiceOptions> {
  const source = siteSource(values)
  const timeZone = source.timeZone ?? (await askTimeZone(source.dbPath, io))
  return { ...source, ...(timeZone ? { timeZone } : {}), strict: !options.lenient, runtime: options.runtime ?? 'cli', log: ioLogger(io) }
}

/** Opens the app's services on the site the options name. The caller closes them. */
export async function openCliServices(values: OptionValues, io: CliIo, options: OpenOptions = {}): Promise<Services> {
  return openNodeServices(await nodeOptions(values, io, options))
}

/**
 * On a terminal only, asks for a new database's time zone. An empty or unknown answer keeps the
 * machine's zone (the store says so on stderr): the CLI never fails for want of a zone.
 */
async function askTimeZone(dbPath: string | undefined, io: CliIo): Promise<string | undefined> {
  if (!dbPath || !io.ask || existsSync(dbPath)) return undefined
  const machine = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  const answer = (await io.ask(`${dbPath} is a new database. Its time zone (IANA name, e.g. Europe/Berlin) [${machine}]: `)).trim()
  if (answer === '' || isValidTimeZone(answer)) return answer || undefined
  io.err(`lintel: "${answer}" is not an IANA time zone name; keeping ${machine}.`)
  return undefined
}

/**
 * Opens only the site (no contract, radios, sync or reports), runs one command's work on it, and
 * always closes it: for commands that read the site and nothing else, which then start faster.
 */
export async function withSite<T>(values: OptionValues, io: CliIo, work: (session: NodeSite) => Promise<T> | T, options: OpenOptions = {}): Promise<T> {
  const session = await openNodeSite(await nodeOptions(values, io, options))
  try {
    return await work(session)
  } finally {
    session.close()
  }
}

/** Opens the services, runs one command's work on them, and always closes them. */
export async function withServices<T>(values: OptionValues, io: CliIo, work: (services: Services) => Promise<T> | T, options: OpenOptions = {}): Promise<T> {
  const services = await openCliServices(values, io, options)
  try {
    return await work(services)
  } finally {
    await services.close()
  }
}
