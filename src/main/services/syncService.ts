import { LintelError } from '../../shared/contract/result'
import { PROVISIONING_LIMITS, type SyncLogEntry, type SyncStatus } from '../../shared/provisioning/contract'
import type { Logger } from '../logger'
import type { Store } from '../store/store'
import type { RemoteAdmit } from '../../shared/diagnose'
import type { Id } from '../../shared/domain/site'
import { admitPerson, type AdmitOptions } from '../sync/admit'
import { revokeCredential, type RevokeResult } from '../sync/revoke'
import { syncOutbox, type SyncReport } from '../sync/syncOutbox'
import type { SyncFlag } from '../store/syncState'
import type { TokenStore } from '../sync/tokens'
import type { ProvisioningService } from './provisioningService'

export interface SyncServiceDeps {
  store: Store | undefined
  tokens: TokenStore
  provisioning: ProvisioningService
  log: Logger
  progress(progress: { done: number; total: number }): void
  siteChanged(): void
}

/** Runs syncs from the app: one at a time, never during an import, with progress and a log. */
export class SyncService {
  private running = false

  constructor(private readonly deps: SyncServiceDeps) {}

  private requireStore(): Store {
    if (!this.deps.store) throw new LintelError('unavailable', 'This session opened a snapshot file; sync needs the app\'s database.')
    return this.deps.store
  }

  /** Saves DoorFlow's base URL and tokens; `clientId` is sent on every refresh (DoorFlow requires it). */
  saveConnection(input: { api: string; token: string; refreshToken?: string | undefined; clientId?: string | undefined }): SyncStatus {
    this.deps.tokens.write({ access_token: input.token, ...(input.refreshToken ? { refresh_token: input.refreshToken } : {}), ...(input.clientId ? { client_id: input.clientId } : {}) })
    this.setMeta('sync_api', input.api)
    return this.status()
  }

  /** Pushes the outbox and pulls the replica; the report also lists unconfirmed disables and what was pulled. */
  async run(input: { concurrency?: number | undefined; eventDays?: number | undefined }): Promise<SyncReport> {
    const store = this.requireStore()
    const api = this.meta('sync_api')
    const tokens = this.deps.tokens.read()
    if (!api || !tokens) throw new LintelError('sync_no_token', 'Connect to DoorFlow first: enter its base URL and a token.')
    if (this.running || this.deps.provisioning.syncing) throw new LintelError('sync_busy', 'A sync is already running.')
    if (this.deps.provisioning.importRunning) throw new LintelError('sync_busy', 'An import is running; sync when it ends.')
    this.running = this.deps.provisioning.syncing = true
    let last = 0
    try {
      const report = await syncOutbox(store, {
        baseUrl: api,
        tokens,
        tokenStore: this.deps.tokens,
        concurrency: input.concurrency ?? 4,
        ...(input.eventDays !== undefined ? { eventDays: input.eventDays } : {}),
        log: this.deps.log,
        onProgress: (p) => {
          if (Date.now() - last < 100 && p.done < p.total) return
          last = Date.now()
          this.deps.progress(p)
        }
      })
      const listed = { failed: report.failed.slice(0, PROVISIONING_LIMITS.listedErrors), unconfirmed: report.unconfirmed.slice(0, PROVISIONING_LIMITS.listedErrors) }
      this.setMeta('sync_last_run', JSON.stringify({ at: new Date().toISOString(), report: { ...report, ...listed } }))
      return report
    } finally {
      this.running = this.deps.provisioning.syncing = false
      this.deps.siteChanged()
    }
  }

  status(): SyncStatus {
    const lastRun = this.meta('sync_last_run')
    return {
      running: this.running,
      api: this.meta('sync_api'),
      hasToken: this.deps.tokens.read() !== undefined,
      tokenEncrypted: this.deps.tokens.encrypted,
      outbox: this.deps.store ? this.deps.store.outbox.counts() : { pending: 0, sending: 0, unknown: 0, failed: 0 },
      lastRun: lastRun ? (JSON.parse(lastRun) as SyncStatus['lastRun']) : null
    }
  }

  /** Credential type ids (global codes) to offer in forms: the DoorFlow account's, once pulled; all local ones before. */
  offeredCredentialTypes(): string[] {
    return this.deps.store ? this.deps.store.replica.offeredTypeIds() : []
  }

  /** Records the sync flagged for a person to look at: disables DoorFlow did not confirm, records deleted there with unpushed changes. */
  flags(): SyncFlag[] {
    return this.deps.store ? this.deps.store.syncState.flags() : []
  }

  /** Revokes a credential on DoorFlow (DELETE): the remedy offered where a disable was not confirmed. */
  async revoke(credentialId: string): Promise<RevokeResult> {
    const store = this.requireStore()
    const api = this.meta('sync_api')
    const tokens = this.deps.tokens.read()
    if (!api || !tokens) throw new LintelError('sync_no_token', 'Connect to DoorFlow first: enter its base URL and a token.')
    if (this.running) throw new LintelError('sync_busy', 'A sync is running; revoke when it ends.')
    try {
      return await revokeCredential(store, { baseUrl: api, tokens, tokenStore: this.deps.tokens }, credentialId)
    } finally {
      this.deps.siteChanged()
    }
  }

  /** Whether a DoorFlow connection (base URL and token) is saved. */
  connected(): boolean {
    return this.meta('sync_api') !== null && this.deps.tokens.read() !== undefined
  }

  /**
   * The remote test: DoorFlow admits the person at the door now (it opens the door; callers confirm
   * first). Every attempt and its outcome goes in the sync log; `unavailable` when not connected.
   */
  async admit(personId: Id, doorId: Id, timing: Pick<AdmitOptions, 'timeoutMs' | 'pollMs'> = {}): Promise<RemoteAdmit> {
    const store = this.requireStore()
    const api = this.meta('sync_api')
    const tokens = this.deps.tokens.read()
    if (!api || !tokens) return { outcome: 'unavailable', message: 'Connect to DoorFlow first: enter its base URL and a token.', seconds: 0 }
    return admitPerson(store, { baseUrl: api, tokens, tokenStore: this.deps.tokens, ...timing }, personId, doorId)
  }

  log(limit = 100): SyncLogEntry[] {
    return this.requireStore().syncState.recentLog(limit) as SyncLogEntry[]
  }

  private meta(key: string): string | null {
    return this.deps.store ? this.deps.store.syncState.meta(key) : null
  }

  private setMeta(key: string, value: string): void {
    this.requireStore().syncState.setMeta(key, value)
  }
}
