import type Database from 'better-sqlite3'
import { LintelError } from '../../shared/contract/result'
import type { Site } from '../../shared/domain/site'
import { openDatabase, StoreErrorCode } from './database'
import { Outbox } from './outbox'
import { Replica } from './replica'
import { ReplicaSite } from './replicaSite'
import { SyncState } from './syncState'
import { emptySiteInfo, readCatalog, readSite, STANDARD_CREDENTIAL_TYPES, writeSite } from './siteRows'

/** What a database that has never been opened starts with. */
export type Seed = { kind: 'site'; site: Site } | { kind: 'standard'; name: string }

/** A site made only of the standard credential types. */
export function standardSite(name: string): Site {
  return { site: emptySiteInfo(name), credential_types: [...STANDARD_CREDENTIAL_TYPES], people: [], credentials: [], groups: [], doors: [], schedules: [] }
}

/**
 * The local store: the site's entities and the outbox in one SQLite database (WAL). Every write
 * is one transaction, so a crash leaves the database wholly before or wholly after it.
 */
export class Store {
  readonly outbox: Outbox
  /** Sync's side of the store: remote-id maps, pulled people/groups/types; sites' doors, credentials and events; log, lock and cursors. */
  readonly replica: Replica
  readonly replicaSite: ReplicaSite
  readonly syncState: SyncState
  private closed = false

  private constructor(readonly db: Database.Database) {
    this.outbox = new Outbox(db)
    this.replica = new Replica(db)
    this.replicaSite = new ReplicaSite(db, this.replica)
    this.syncState = new SyncState(db)
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
    store.seedOnce(seed)
    return store
  }

  private seedOnce(seed: Seed): void {
    this.db
      .transaction(() => {
        if (this.db.prepare("SELECT 1 FROM meta WHERE key = 'site'").get()) return
        writeSite(this.db, seed.kind === 'site' ? seed.site : standardSite(seed.name))
      })
      .immediate()
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
    this.uid ??= (this.db.prepare("SELECT value FROM meta WHERE key = 'site_uid'").pluck().get() as string | undefined) ?? 'local'
    return `lintel-${this.uid}-${personIdKey}`
  }

  private uid: string | undefined

  /** Credential types, group names and the time zone: what imported rows are checked against. */
  catalog(): ReturnType<typeof readCatalog> {
    return readCatalog(this.db)
  }

  /** Runs `work` in one immediate (write-locking) transaction. */
  write<T>(work: () => T): T {
    return this.db.transaction(work).immediate()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.db.close()
  }
}
