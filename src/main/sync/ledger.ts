import type { OutboxRow } from '../store/outbox'
import type { Store } from '../store/store'
import type { SyncLogLevel } from '../store/syncState'

export type LogLevel = SyncLogLevel

/** Each outbox step of a sync, committed as it happens, so a crash at any point leaves a true record. */
export class Ledger {
  constructor(private readonly store: Store) {}

  /** Committed before the request leaves: after a crash this operation counts as unknown. */
  markSending(op: OutboxRow): void {
    this.store.outbox.markSending(op.seq)
    op.state = 'sending'
  }

  markUnknown(op: OutboxRow, reason: string): void {
    this.store.outbox.markUnknown(op.seq, reason)
    op.state = 'unknown'
  }

  markFailed(op: OutboxRow, message: string, fields: Record<string, string>): void {
    this.store.transaction(() => {
      this.store.outbox.markFailed(op.seq, message, fields)
      this.log('error', message, op)
    })
    op.state = 'failed'
  }

  /** Left waiting for something outside the record (a token scope): the next sync sends it again. */
  markBlocked(op: OutboxRow, message: string, uncertain: boolean): void {
    const state = uncertain ? 'unknown' : 'pending'
    this.store.outbox.markBlocked(op.seq, message, state)
    op.state = state
  }

  /** The server has the record as `remoteId`: remember it and drop the operation, in one transaction. */
  confirm(op: OutboxRow, remoteId?: string): void {
    this.store.transaction(() => {
      if (remoteId !== undefined) this.store.replica.setRemoteId(op.entity, op.entity_id, remoteId)
      this.store.outbox.markDone(op.seq)
    })
  }

  log(level: LogLevel, message: string, op?: Pick<OutboxRow, 'entity' | 'entity_id'>): void {
    this.store.syncState.log(level, message, op?.entity ?? null, op?.entity_id ?? null)
  }

  /** Keeps the newest `keep` log lines. */
  trimLog(keep = 5_000): void {
    this.store.syncState.trimLog(keep)
  }
}
