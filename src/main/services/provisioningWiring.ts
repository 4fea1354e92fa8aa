import type { Handlers, LintelContract } from '../../shared/contract'
import { PROVISIONING_LIMITS } from '../../shared/provisioning/contract'
import type { EventHub } from '../contract/eventHub'
import type { Logger } from '../logger'
import type { Store } from '../store/store'
import { fileTokenStore, type TokenStore } from '../sync/tokens'
import { ProvisioningService } from './provisioningService'
import { workbookFile } from './siteExport'
import type { SiteService } from './siteService'
import { SyncService } from './syncService'

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
