import { stderrLogger, type Logger } from '../logger'
import { nodeUserDataDir } from '../paths'
import { nodeSettingsStore } from '../settings/settingsStore'
import { databasePath } from '../store/database'
import type { AppInfo } from '../../shared/contract'
import type { ServiceOptions, Services } from './index'
import { openSite, type OpenSite } from './siteSession'

/** Where a plain-Node session reads the site from: the app's database, another database, or a snapshot file. */
export interface SiteSource {
  /** A database to open instead of the app's (created with the standard credential types if new). */
  dbPath?: string | undefined
  /** A snapshot file, read in memory and never written into a store. */
  sitePath?: string | undefined
  /** The time zone of a database this session creates (`--time-zone`). */
  timeZone?: string | undefined
}

export interface NodeServiceOptions extends SiteSource {
  runtime?: AppInfo['runtime']
  /**
   * With neither path: fail (db_unreadable) when the app's database cannot be opened, instead of
   * carrying on with the demo site as the app does. The CLI's site-reading commands want this.
   */
  strict?: boolean
  /** Default: warnings and errors on stderr. */
  log?: Logger
  /** Anything else the factory takes (radios, probe, tokens…), for tests and benchmarks. */
  extra?: Partial<ServiceOptions>
}

/** The settings, logger and site options a plain-Node session starts from, shared by both openers below. */
async function nodeBase(options: NodeServiceOptions): Promise<ServiceOptions> {
  const log = options.log ?? stderrLogger()
  const userDataDir = nodeUserDataDir()
  return {
    runtime: options.runtime ?? 'cli',
    userDataDir,
    settings: await nodeSettingsStore(userDataDir, log),
    log,
    ...(options.sitePath ? { sitePath: options.sitePath } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.dbPath ? { dbPath: options.dbPath } : options.strict && !options.sitePath ? { dbPath: databasePath(userDataDir) } : {}),
    ...options.extra
  }
}

/**
 * The same services the Electron app runs, under plain Node: the CLI, the browser host and tests
 * open them here. Settings live in the user-data directory (LINTEL_HOME or the platform's folder).
 */
export async function openNodeServices(options: NodeServiceOptions = {}): Promise<Services> {
  // Loaded here, not above, so that openNodeSite never evaluates the services it does not open.
  const { createServices } = await import('./index')
  return createServices(await nodeBase(options))
}

/** The site alone, with the settings and the data folder: for work that needs no radios, sync or reports. */
export interface NodeSite extends OpenSite {
  readonly options: ServiceOptions
  /** Closes the database. */
  close(): void
}

/**
 * Opens only the site, exactly as {@link openNodeServices} would (same database, snapshot file,
 * zone and errors), without the contract, radios, sync or reports: the CLI's site-only commands
 * start in about half the time (docs/decisions/0002-built-cli.md).
 */
export async function openNodeSite(options: NodeServiceOptions = {}): Promise<NodeSite> {
  const base = await nodeBase(options)
  const { store, site } = await openSite(base)
  return { options: base, store, site, close: () => store?.close() }
}
