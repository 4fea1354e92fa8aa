import type { Handlers, LintelContract } from '../../shared/contract'
import { PROVISIONING_LIMITS } from '../../shared/provisioning/contract'
import type { EventHub } from '../contract/eventHub'
import type { Logger } from '../logger'
import { resolve } from 'node:path'
import { demoSitePath } from '../paths'
import { databasePath } from '../store/database'
import { Store, type Seed } from '../store/store'
import { fileTokenStore, type TokenStore } from '../sync/tokens'
import { ProvisioningService } from './provisioningService'
import { workbookFile } from './siteExport'
import { readSiteFile, type SiteService } from './siteService'
import { SyncService } from './syncService'

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

export interface ProvisioningParts {
  provisioning: ProvisioningService
  sync: SyncService
}

/** The provisioning and sync services over the store, feeding site changes and progress to the hub. */
export function provisioningParts(deps: { store: Store | undefined; site: SiteService; hub: EventHub<LintelContract>; log: Logger; userDataDir: string; tokens?: TokenStore | undefined }): ProvisioningParts {
  const { store, site, hub } = deps
  const siteChanged = (): void => {
    if (store) hub.emit('site', 'changed', site.replace(store.snapshot()))
  }
  const provisioning = new ProvisioningService(store, { siteChanged, importProgress: (p) => hub.emit('provisioning', 'importProgress', p) })
  const sync = new SyncService({
    store,
    tokens: deps.tokens ?? fileTokenStore(deps.userDataDir, deps.log),
    provisioning,
    log: deps.log,
    progress: (p) => hub.emit('sync', 'progress', p),
    siteChanged
  })
  return { provisioning, sync }
}

export function provisioningHandlers(p: ProvisioningService): Handlers<LintelContract>['provisioning'] {
  return {
    savePerson: (input) => p.savePerson(input),
    deletePerson: ({ id }) => p.deletePerson(id),
    saveCredential: (input) => p.saveCredential(input),
    deleteCredential: ({ id }) => p.deleteCredential(id),
    saveGroup: (input) => p.saveGroup(input),
    deleteGroup: ({ id }) => p.deleteGroup(id),
    saveDoor: (input) => p.saveDoor(input),
    deleteDoor: ({ id }) => p.deleteDoor(id),
    importPreview: (request) => p.preview(request),
    importCommit: (request) => p.commit(request),
    rejectedRows: () => p.rejectedRows(),
    exportCsv: ({ kind }) => p.exportCsv(kind),
    exportXlsx: ({ kind }) => workbookFile(p.exportTable(kind), kind),
    workbookHeaders: ({ workbook }) => p.workbookHeaders(workbook),
    recordStates: () => p.recordStates()
  }
}

/** The sync capability's handlers over the sync service. */
export function syncHandlers(s: SyncService): Handlers<LintelContract>['sync'] {
  return {
    saveConnection: (input) => s.saveConnection(input),
    run: (input) => s.run(input),
    status: () => s.status(),
    log: ({ limit }) => s.log(limit),
    flags: () => s.flags().slice(0, PROVISIONING_LIMITS.listedRecords),
    revoke: ({ id }) => s.revoke(String(id)),
    offeredCredentialTypes: () => s.offeredCredentialTypes()
  }
}
