import type Database from 'better-sqlite3'
import { LintelError } from '../../shared/contract/result'
import type { Site } from '../../shared/domain/site'
import { CredentialTypes } from './credentialTypes'
import { Credentials } from './credentials'
import { openDatabase, StoreErrorCode } from './database'
import { Doors } from './doors'
import { Groups } from './groups'
import { Meta } from './meta'
import { Outbox } from './outbox'
import { People } from './people'
import { Replica } from './replica'
import { ReplicaSite } from './replicaSite'
import { Schedules } from './schedules'
import { SyncState } from './syncState'
import { emptySiteInfo, readCatalog, readSite, STANDARD_CREDENTIAL_TYPES, writeSite } from './siteRows'
import { Statements } from './statements'

/** What a database that has never been opened starts with. */
export type Seed = { kind: 'site'; site: Site | (() => Site) } | { kind: 'standard'; name: string; timezone?: string | undefined }

/** A site made only of the standard credential types, in the zone given (else the machine's). */
export function standardSite(name: string, timezone?: string): Site {
  return { site: emptySiteInfo(name, timezone), credential_types: [...STANDARD_CREDENTIAL_TYPES], people: [], credentials: [], groups: [], doors: [], schedules: [] }
}

/**
 * The local store: the site's entities and the outbox in one SQLite database (WAL), and the only
 * door to it. Each table has one writer, reached from here (`store.people`, `store.credentials` …);
 * every write runs in a transaction, so a crash leaves the database wholly before or after it.
 */
export class Store {
  readonly outbox: Outbox
  readonly meta: Meta
  readonly credentialTypes: CredentialTypes
  readonly schedules: Schedules
  readonly doors: Doors
  readonly groups: Groups
  readonly people: People
  readonly credentials: Credentials
  /** Sync's side of the store: remote-id maps, pulled people/groups/types; sites' doors, credentials and events; log, lock and cursors. */
  readonly replica: Replica
  readonly replicaSite: ReplicaSite
  readonly syncState: SyncState
  private closed = false
  private uid: string | undefined
  /** True when this open created (seeded) the database. */
  created = false

  private constructor(private readonly db: Database.Database) {
    const sql = new Statements(db)
    this.outbox = new Outbox(sql)
    this.meta = new Meta(sql)
    this.credentialTypes = new CredentialTypes(sql)
    this.schedules = new Schedules(sql)
    this.doors = new Doors(sql, this)
    this.groups = new Groups(sql, this)
    this.people = new People(sql, this)
    this.credentials = new Credentials(sql, this)
    this.replica = new Replica(sql, this)
    this.replicaSite = new ReplicaSite(sql, this, this.replica)
    this.syncState = new SyncState(sql, this)
  }

  /** Opens a database file, migrating it, and seeds it in one transaction the first time. */
  static open(path: string, seed: Seed): Store {
    let db: Database.Database
    try {
      db = openDatabase(path)
    } catch (error) {
      throw new LintelError(StoreErrorCode.unreadable, `${path}: cannot open the database (${(error as Error).message})`)
    }
    const store = new Store(db)
    store.created = store.seedOnce(seed)
    return store
  }

  private seedOnce(seed: Seed): boolean {
    return this.transaction(() => {
      if (this.meta.get('site') !== undefined) return false
      writeSite(this, seed.kind === 'site' ? (typeof seed.site === 'function' ? seed.site() : seed.site) : standardSite(seed.name, seed.timezone))
      // A zone that only came from this machine gives way to DoorFlow's account at the first pull.
      if (seed.kind === 'standard') this.meta.set('timezone_source', seed.timezone ? 'given' : 'machine')
      return true
    })
  }

  /** The whole site as a snapshot, consistent at one moment. */
  snapshot(): Site {
    return readSite(this.db)
  }

  /**
   * The id DoorFlow keeps for a person as `system_id`: this database's random uid and the person's
   * local id, stable for the life of the record and unique across Lintel databases.
   */
  systemId(personIdKey: string): string {
    this.uid ??= this.meta.get('site_uid') ?? 'local'
    return `lintel-${this.uid}-${personIdKey}`
  }

  /** Credential types, group names and the time zone: what imported rows are checked against. */
  catalog(): ReturnType<typeof readCatalog> {
    return readCatalog(this.db)
  }

  /**
   * Runs `work` in one immediate (write-locking) transaction; a throw rolls it back. Nested calls
   * become savepoints, so a table's write method can be called alone or inside a larger write.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate()
  }

  /**
   * Runs asynchronous `work` (a streaming import) inside one immediate transaction, then commits, or
   * rolls back when `keep` is false (a preview) or when `work` throws. Nothing else may write
   * through this connection meanwhile: the caller guards that (ProvisioningService does).
   */
  async transactionAsync<T>(work: () => Promise<T>, options: { keep: boolean }): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const result = await work()
      this.db.exec(options.keep ? 'COMMIT' : 'ROLLBACK')
      return result
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw error
    }
  }

  /** Runs SQLite's integrity check: 'ok' for a sound file. */
  integrity(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string
  }

  /** The journal mode and schema version, for diagnosis and tests. */
  fileInfo(): { journalMode: string; schemaVersion: number } {
    return { journalMode: this.db.pragma('journal_mode', { simple: true }) as string, schemaVersion: this.db.pragma('user_version', { simple: true }) as number }
  }

  /** Closes the connection; later calls do nothing. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.db.close()
  }
}
