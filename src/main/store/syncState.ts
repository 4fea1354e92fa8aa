import { nowIso } from './database'
import type { Statements } from './statements'
import type { Store } from './store'

/** A sync-log line's level. */
export type SyncLogLevel = 'info' | 'warn' | 'error'

/** One line of the sync log as the UI shows it. */
export interface SyncLogLine {
  at: string
  level: SyncLogLevel
  message: string
  entity: string | null
  id: string | null
}

/** A record the sync has flagged for a person to look at (e.g. a disable DoorFlow did not confirm). */
export interface SyncFlag {
  entity: string
  entity_id: string
  flag: 'disable_not_confirmed' | 'deleted_on_doorflow' | 'revoking'
  message: string
  at: string
}

/**
 * What a sync keeps besides the records: the sync log, the one-sync lock, its cursors (meta keys,
 * written through store/meta.ts) and the flags it raises. The one writer of `sync_log` and
 * `sync_flags`; the outbox's state changes live in store/outbox.ts.
 */
export class SyncState {
  constructor(
    private readonly sql: Statements,
    private readonly store: Pick<Store, 'transaction' | 'meta'>
  ) {}

  /** Appends a sync-log line. */
  log(level: SyncLogLevel, message: string, entity: string | null = null, entityId: string | null = null): void {
    this.sql.rows('INSERT INTO sync_log (at, level, message, entity, entity_id) VALUES (?, ?, ?, ?, ?)').run(nowIso(), level, message, entity, entityId)
  }

  /** The newest log lines, newest first. */
  recentLog(limit: number): SyncLogLine[] {
    return this.sql.rows('SELECT at, level, message, entity, entity_id AS id FROM sync_log ORDER BY seq DESC LIMIT ?').all(limit) as SyncLogLine[]
  }

  /** Keeps the newest `keep` log lines. */
  trimLog(keep: number): void {
    this.sql.rows('DELETE FROM sync_log WHERE seq <= (SELECT MAX(seq) FROM sync_log) - ?').run(keep)
  }

  /** A sync setting or cursor (`sync_api`, `people_since_utc`, …); null when unset. */
  meta(key: string): string | null {
    return this.store.meta.get(key) ?? null
  }

  /** Sets (or, with null, clears) a sync setting or cursor. */
  setMeta(key: string, value: string | null): void {
    if (value === null) this.store.meta.delete(key)
    else this.store.meta.set(key, value)
  }

  /**
   * Takes the one-sync-per-database lock for `pid`; returns the pid of a live holder instead when
   * another process holds it. A lock left by a process that died is taken over.
   */
  takeSyncLock(pid: number, alive: (pid: number) => boolean): number | null {
    return this.store.transaction(() => {
      const held = this.meta('sync_lock')
      const holder = held ? Number((JSON.parse(held) as { pid: unknown }).pid) : undefined
      if (holder !== undefined && holder !== pid && alive(holder)) return holder
      this.setMeta('sync_lock', JSON.stringify({ pid, at: nowIso() }))
      return null
    })
  }

  /** Releases the lock taken by {@link takeSyncLock}. */
  releaseSyncLock(): void {
    this.setMeta('sync_lock', null)
  }

  /** Raises (or refreshes) a flag on a record. */
  flag(entity: string, entityId: string, flag: SyncFlag['flag'], message: string): void {
    this.sql.rows('INSERT OR REPLACE INTO sync_flags (entity, entity_id, flag, message, at) VALUES (?, ?, ?, ?, ?)').run(entity, entityId, flag, message, nowIso())
  }

  /** Clears a flag once what it warned about is resolved. */
  clearFlag(entity: string, entityId: string, flag: SyncFlag['flag']): void {
    this.sql.rows('DELETE FROM sync_flags WHERE entity = ? AND entity_id = ? AND flag = ?').run(entity, entityId, flag)
  }

  /** Every raised flag, oldest first. */
  flags(): SyncFlag[] {
    return this.sql.rows('SELECT entity, entity_id, flag, message, at FROM sync_flags ORDER BY at').all() as SyncFlag[]
  }
}
