import type Database from 'better-sqlite3'
import { nowIso } from '../store/database'
import type { OutboxRow } from '../store/outbox'
import type { Store } from '../store/store'

export type LogLevel = 'info' | 'warn' | 'error'

/** Each outbox step of a sync, committed as it happens, so a crash at any point leaves a true record. */
export class Ledger {
  private readonly sending: Database.Statement
  private readonly unknown: Database.Statement
  private readonly failed: Database.Statement
  private readonly done: Database.Statement
  private readonly logLine: Database.Statement

  constructor(private readonly store: Store) {
    const db = store.legacyDb
    this.sending = db.prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE seq = ?")
    this.unknown = db.prepare("UPDATE outbox SET state = 'unknown', error = ?, updated_at = ? WHERE seq = ?")
    this.failed = db.prepare("UPDATE outbox SET state = 'failed', error = ?, fields = ?, updated_at = ? WHERE seq = ?")
    this.done = db.prepare('DELETE FROM outbox WHERE seq = ?')
    this.logLine = db.prepare('INSERT INTO sync_log (at, level, message, entity, entity_id) VALUES (?, ?, ?, ?, ?)')
  }

  /** Committed before the request leaves: after a crash this operation counts as unknown. */
  markSending(op: OutboxRow): void {
    this.sending.run(nowIso(), op.seq)
    op.state = 'sending'
  }

  markUnknown(op: OutboxRow, reason: string): void {
    this.unknown.run(reason, nowIso(), op.seq)
    op.state = 'unknown'
  }

  markFailed(op: OutboxRow, message: string, fields: Record<string, string>): void {
    this.store.write(() => {
      this.failed.run(message, JSON.stringify(fields), nowIso(), op.seq)
      this.log('error', message, op)
    })
    op.state = 'failed'
  }

  /** The server has the record as `remoteId`: remember it and drop the operation, in one transaction. */
  confirm(op: OutboxRow, remoteId?: string): void {
    this.store.write(() => {
      if (remoteId !== undefined) {
        const table = op.entity === 'person' ? 'people' : 'credentials'
        this.store.legacyDb.prepare(`UPDATE ${table} SET remote_id = ? WHERE id = ?`).run(remoteId, op.entity_id)
      }
      this.done.run(op.seq)
    })
  }

  log(level: LogLevel, message: string, op?: Pick<OutboxRow, 'entity' | 'entity_id'>): void {
    this.logLine.run(nowIso(), level, message, op?.entity ?? null, op?.entity_id ?? null)
  }

  /** Keeps the newest `keep` log lines. */
  trimLog(keep = 5_000): void {
    this.store.legacyDb.prepare('DELETE FROM sync_log WHERE seq <= (SELECT MAX(seq) FROM sync_log) - ?').run(keep)
  }
}
