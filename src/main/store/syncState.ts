import type Database from 'better-sqlite3'
import { nowIso } from './database'
import type { OutboxRow } from './outbox'

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
 * What a sync keeps besides the records: outbox state changes, the sync log, the one-sync lock,
 * its cursors (meta keys) and the flags it raises. Every method is one statement or one transaction.
 */
export class SyncState {
  private readonly statements: Record<string, Database.Statement>

  private readonly cache = new Map<string, Database.Statement>()

  /** A prepared statement, prepared once per store. */
  private sql(text: string): Database.Statement {
    let statement = this.cache.get(text)
    if (!statement) this.cache.set(text, (statement = this.db.prepare(text)))
    return statement
  }

  constructor(private readonly db: Database.Database) {
    this.statements = {
      sending: db.prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE seq = ?"),
      unknown: db.prepare("UPDATE outbox SET state = 'unknown', error = ?, updated_at = ? WHERE seq = ?"),
      failed: db.prepare("UPDATE outbox SET state = 'failed', error = ?, fields = ?, updated_at = ? WHERE seq = ?"),
      blocked: db.prepare('UPDATE outbox SET state = ?, error = ?, updated_at = ? WHERE seq = ?'),
      done: db.prepare('DELETE FROM outbox WHERE seq = ?'),
      log: db.prepare('INSERT INTO sync_log (at, level, message, entity, entity_id) VALUES (?, ?, ?, ?, ?)'),
      meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      deleteMeta: db.prepare('DELETE FROM meta WHERE key = ?')
    }
  }

  private run(name: string, ...args: unknown[]): Database.RunResult {
    return (this.statements[name] as Database.Statement).run(...args)
  }

  /** Committed before the request leaves: after a crash this operation counts as unknown. */
  markSending(seq: number): void {
    this.run('sending', nowIso(), seq)
  }

  /** The server may or may not have applied it: reconciled before any retry. */
  markUnknown(seq: number, reason: string): void {
    this.run('unknown', reason, nowIso(), seq)
  }

  /** Refused by the server (4xx): waits for its record to be edited. */
  markFailed(seq: number, message: string, fields: Record<string, string>): void {
    this.run('failed', message, JSON.stringify(fields), nowIso(), seq)
  }

  /**
   * Not applied for a reason outside the record (e.g. a token missing a scope): sent again by the
   * next sync. `unknown` keeps a create whose earlier try may have arrived to be reconciled first.
   */
  markBlocked(seq: number, message: string, state: 'pending' | 'unknown'): void {
    this.run('blocked', state, message, nowIso(), seq)
  }

  /** The operation is confirmed: it leaves the outbox. */
  markDone(seq: number): void {
    this.run('done', seq)
  }

  /** Operations refused in earlier runs, oldest first. */
  refusedOperations(): OutboxRow[] {
    return this.sql("SELECT * FROM outbox WHERE state = 'failed' ORDER BY seq").all() as OutboxRow[]
  }

  /** Appends a sync-log line. */
  log(level: SyncLogLevel, message: string, entity: string | null = null, entityId: string | null = null): void {
    this.run('log', nowIso(), level, message, entity, entityId)
  }

  /** The newest log lines, newest first. */
  recentLog(limit: number): SyncLogLine[] {
    return this.sql('SELECT at, level, message, entity, entity_id AS id FROM sync_log ORDER BY seq DESC LIMIT ?').all(limit) as SyncLogLine[]
  }

  /** Keeps the newest `keep` log lines. */
  trimLog(keep: number): void {
    this.sql('DELETE FROM sync_log WHERE seq <= (SELECT MAX(seq) FROM sync_log) - ?').run(keep)
  }

  /** A sync setting or cursor (`sync_api`, `people_since_utc`, …); null when unset. */
  meta(key: string): string | null {
    return (this.statements.meta as Database.Statement).get(key) as string | null ?? null
  }

  /** Sets (or, with null, clears) a sync setting or cursor. */
  setMeta(key: string, value: string | null): void {
    if (value === null) this.run('deleteMeta', key)
    else this.run('setMeta', key, value)
  }

  /**
   * Takes the one-sync-per-database lock for `pid`; returns the pid of a live holder instead when
   * another process holds it. A lock left by a process that died is taken over.
   */
  takeSyncLock(pid: number, alive: (pid: number) => boolean): number | null {
    return this.db
      .transaction(() => {
        const held = this.meta('sync_lock')
        const holder = held ? Number((JSON.parse(held) as { pid: unknown }).pid) : undefined
        if (holder !== undefined && holder !== pid && alive(holder)) return holder
        this.setMeta('sync_lock', JSON.stringify({ pid, at: nowIso() }))
        return null
      })
      .immediate()
  }

  /** Releases the lock taken by {@link takeSyncLock}. */
  releaseSyncLock(): void {
    this.setMeta('sync_lock', null)
  }

  /** Raises (or refreshes) a flag on a record. */
  flag(entity: string, entityId: string, flag: SyncFlag['flag'], message: string): void {
    this.sql('INSERT OR REPLACE INTO sync_flags (entity, entity_id, flag, message, at) VALUES (?, ?, ?, ?, ?)').run(entity, entityId, flag, message, nowIso())
  }

  /** Clears a flag once what it warned about is resolved. */
  clearFlag(entity: string, entityId: string, flag: SyncFlag['flag']): void {
    this.sql('DELETE FROM sync_flags WHERE entity = ? AND entity_id = ? AND flag = ?').run(entity, entityId, flag)
  }

  /** Every raised flag, oldest first. */
  flags(): SyncFlag[] {
    return this.sql('SELECT entity, entity_id, flag, message, at FROM sync_flags ORDER BY at').all() as SyncFlag[]
  }
}
