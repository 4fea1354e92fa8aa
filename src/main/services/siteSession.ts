import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AppInfo } from '../../shared/contract'
import { ErrorCode, LintelError } from '../../shared/contract/result'
import type { Logger } from '../logger'
import { appRoot, demoSitePath } from '../paths'
import { databasePath } from '../store/database'
import { Store, type Seed } from '../store/store'
import { readSiteFile, SiteService } from './siteService'

/**
 * Where the site comes from, and nothing else: the part of the services every consumer opens first.
 * The full services (./index) build on it; the CLI's site-only commands (decide, site, doors, people,
 * groups, info) open just this, so they never evaluate the contract's schemas or load the radios,
 * sync and reports (docs/decisions/0002-built-cli.md).
 */
export interface SiteOptions {
  userDataDir: string
  log: Logger
  /** A snapshot file to read (in memory, never written into a store) instead of the app's database. */
  sitePath?: string | undefined
  /** A database file to open instead of the app's (`--db`); a new one starts with the standard credential types. */
  dbPath?: string | undefined
  /** The IANA time zone of a database `dbPath` creates (`--time-zone`); default the machine's, with a note. */
  timeZone?: string | undefined
  /** An open database to use instead of the app's; the caller's to close. */
  store?: Store | undefined
}

export interface OpenSite {
  /** The database the site is read from; undefined for a snapshot file, or when the app's could not be opened. */
  readonly store: Store | undefined
  readonly site: SiteService
}

/** Opens the site the options name: the given store, `dbPath`, a snapshot file, else the app's database (or the demo site when it cannot be opened). */
export async function openSite(options: SiteOptions): Promise<OpenSite> {
  const store = await openSiteStore(options)
  const site = store ? SiteService.fromSnapshot(store.snapshot(), 'database') : await SiteService.open(options.sitePath ?? demoSitePath(), options.sitePath ? 'file' : 'demo')
  return { store, site }
}

/** The store the site is read from: the one given, `dbPath`, none for a snapshot file, else the app's. */
async function openSiteStore(options: SiteOptions): Promise<Store | undefined> {
  if (options.sitePath && (options.dbPath || options.store)) throw new LintelError(ErrorCode.badRequest, 'A snapshot file and a database are alternatives: give one.')
  if (options.store) return options.store
  if (options.dbPath) return openStoreAt(options.dbPath, options.userDataDir, { timeZone: options.timeZone, log: options.log })
  return options.sitePath ? undefined : openAppStore(options.userDataDir, options.log)
}

/** The demo site, read only if the database is new: an open of a seeded database never parses it. */
const demoSeed = (): Seed => ({ kind: 'site', site: () => readSiteFile(demoSitePath()) })

/**
 * Opens the app's database in the user-data directory, seeded with the demo site the first time.
 * Returns undefined (and logs why) when it cannot be opened, so the app still starts on the demo site.
 */
export async function openAppStore(userDataDir: string, log: Logger): Promise<Store | undefined> {
  try {
    return Store.open(databasePath(userDataDir), demoSeed())
  } catch (error) {
    log.error('the local database could not be opened; provisioning is off and the demo site is shown', error)
    return undefined
  }
}

/**
 * Opens the database at `path` (`--db`). The app's own database is seeded with the demo site the
 * first time; a new database anywhere else starts with only the standard credential types.
 * Unlike {@link openAppStore} a failure is thrown (db_unreadable): the user asked for this file.
 */
export async function openStoreAt(path: string, userDataDir: string, zone: { timeZone?: string | undefined; log?: Logger } = {}): Promise<Store> {
  const appDb = resolve(databasePath(userDataDir))
  if (resolve(path) === appDb) return Store.open(appDb, demoSeed())
  const store = Store.open(resolve(path), { kind: 'standard', name: 'Lintel', timezone: zone.timeZone })
  noteTimeZone(store, path, zone)
  return store
}

/** Says which zone a new database took when none was given, and that --time-zone does not move an existing one. */
function noteTimeZone(store: Store, path: string, zone: { timeZone?: string | undefined; log?: Logger }): void {
  const actual = store.catalog().timezone
  if (store.created && !zone.timeZone) zone.log?.info(`${path} is a new database in this machine's time zone, ${actual}; dates without an offset are read in it. Give --time-zone <IANA name> to choose another.`)
  else if (!store.created && zone.timeZone && zone.timeZone !== actual) zone.log?.warn(`${path} already has the time zone ${actual}; --time-zone applies only to a new database.`)
}

/** What Lintel is running on; `simulated` says which radios are the embedded simulation. */
export function appInfo(runtime: AppInfo['runtime'], userDataDir: string, simulated: AppInfo['simulated']): AppInfo {
  return { name: 'Lintel', version: packageVersion(), runtime, platform: `${process.platform}-${process.arch}`, userDataDir, simulated }
}

let version: string | undefined

/** Lintel's version, from package.json (0.0.0 when it cannot be read), read once. */
function packageVersion(): string {
  try {
    version ??= (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version
    return version
  } catch {
    return '0.0.0'
  }
}
