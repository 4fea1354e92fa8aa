import type Database from 'better-sqlite3'
import { nowIso } from './database'
import type { Statements } from './statements'

/** Which kind of record an outbox operation changes. */
export type OutboxEntity = 'person' | 'credential'
export type OutboxOp = 'create' | 'update' | 'delete'

const TABLE: Record<OutboxEntity, 'people' | 'credentials'> = { person: 'people', credential: 'credentials' }

/**
 * An operation's state. `pending`: safe to send. `sending`: a request may be on the wire; after a
 * crash it counts as `unknown`. `unknown`: the server may or may not have applied it, so it is
 * reconciled by reading back before any retry. `failed`: the server refused it (e.g. 422); it waits
 * for the record to be edited. Confirmed operations are removed.
 */
export const OutboxState = { pending: 'pending', sending: 'sending', unknown: 'unknown', failed: 'failed' } as const
export type OutboxState = (typeof OutboxState)[keyof typeof OutboxState]

/** What a delete needs once the local record is gone. */
export interface DeletePayload {
  remote_id: string | null
  person_remote_id?: string | null
  system_id?: string
  credential_type_id?: string
  value?: string
}

export interface OutboxRow {
  seq: number
  entity: OutboxEntity
  entity_id: string
  op: OutboxOp
  state: OutboxState
  attempts: number
  payload: string | null
  error: string | null
  fields: string | null
}

/**
 * The queue of changes waiting for the server, kept in the same database as the records.
 * A new record's create waits as a flag on the record itself (`pending_create`), which keeps bulk
 * imports to one row per record; a sync turns the flags into outbox rows before it sends anything.
 */
export class Outbox {
  constructor(private readonly sql: Statements) {}

  private get open(): Database.Statement {
    return this.sql.rows("SELECT * FROM outbox WHERE entity = ? AND entity_id = ? AND state != 'done' ORDER BY seq")
  }

  /**
   * Queues an update or delete, folding it into operations not yet sent. Called only by the table
   * writers (people.ts, credentials.ts), inside the write's transaction. A create needs no call: the
   * writer inserts the record with `pending_create = 1`.
   */
  enqueue(entity: OutboxEntity, entityId: string, op: Exclude<OutboxOp, 'create'>, payload?: DeletePayload): void {
    if (this.createPending(entity, entityId)) return
    const open = this.open.all(entity, entityId) as OutboxRow[]
    if (open.length === 0) return this.add(entity, entityId, op, payload)
    const unsent = (row: OutboxRow): boolean => row.state === OutboxState.pending && row.attempts === 0
    for (const row of open) if (row.state === OutboxState.failed) this.sql.rows("UPDATE outbox SET state = 'pending', error = NULL, fields = NULL, updated_at = ? WHERE seq = ?").run(nowIso(), row.seq)
    if (op === 'update') {
      if (!open.some((row) => unsent(row) && row.op !== 'delete')) this.add(entity, entityId, op)
      return
    }
    for (const row of open) if (unsent(row)) this.sql.rows('DELETE FROM outbox WHERE seq = ?').run(row.seq)
    this.add(entity, entityId, op, payload)
  }

  /** A person is being deleted: their credentials' operations never sent need not be sent. */
  forgetUnsentCredentialsOf(personKey: string): void {
    this.sql
      .rows("DELETE FROM outbox WHERE entity = 'credential' AND state = 'pending' AND attempts = 0 AND entity_id IN (SELECT id FROM credentials WHERE person_id = ?)")
      .run(personKey)
  }

  /** True while the record's create has not been handed to a sync: updates fold into it, a delete needs nothing sent. */
  private createPending(entity: OutboxEntity, entityId: string): boolean {
    return this.sql.value(`SELECT pending_create FROM ${TABLE[entity]} WHERE id = ?`).get(entityId) === 1
  }

  /** Turns every flagged create into an outbox row (people first), in one transaction. Returns how many. */
  materializeCreates(): number {
    const now = nowIso()
    let count = 0
    for (const [entity, table] of Object.entries(TABLE)) {
      count += this.sql
        .rows(`INSERT INTO outbox (entity, entity_id, op, state, created_at, updated_at) SELECT ?, id, 'create', 'pending', ?, ? FROM ${table} WHERE pending_create = 1 ORDER BY row`)
        .run(entity, now, now).changes
      this.sql.rows(`UPDATE ${table} SET pending_create = 0 WHERE pending_create = 1`).run()
    }
    return count
  }

  private add(entity: OutboxEntity, entityId: string, op: OutboxOp, payload?: DeletePayload): void {
    const now = nowIso()
    this.sql
      .rows('INSERT INTO outbox (entity, entity_id, op, state, payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(entity, entityId, op, OutboxState.pending, payload ? JSON.stringify(payload) : null, now, now)
  }

  /** Operations a previous run left on the wire become unknown: they are reconciled before any retry. */
  recoverInterrupted(): number {
    return this.sql.rows("UPDATE outbox SET state = 'unknown', updated_at = ? WHERE state = 'sending'").run(nowIso()).changes
  }

  /** Committed before the request leaves: after a crash this operation counts as unknown. */
  markSending(seq: number): void {
    this.sql.rows("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE seq = ?").run(nowIso(), seq)
  }

  /** The server may or may not have applied it: reconciled before any retry. */
  markUnknown(seq: number, reason: string): void {
    this.sql.rows("UPDATE outbox SET state = 'unknown', error = ?, updated_at = ? WHERE seq = ?").run(reason, nowIso(), seq)
  }

  /** Refused by the server (4xx): waits for its record to be edited. */
  markFailed(seq: number, message: string, fields: Record<string, string>): void {
    this.sql.rows("UPDATE outbox SET state = 'failed', error = ?, fields = ?, updated_at = ? WHERE seq = ?").run(message, JSON.stringify(fields), nowIso(), seq)
  }

  /**
   * Not applied for a reason outside the record (e.g. a token missing a scope): sent again by the
   * next sync. `unknown` keeps a create whose earlier try may have arrived to be reconciled first.
   */
  markBlocked(seq: number, message: string, state: 'pending' | 'unknown'): void {
    this.sql.rows('UPDATE outbox SET state = ?, error = ?, updated_at = ? WHERE seq = ?').run(state, message, nowIso(), seq)
  }

  /** The operation is confirmed: it leaves the outbox. */
  markDone(seq: number): void {
    this.sql.rows('DELETE FROM outbox WHERE seq = ?').run(seq)
  }

  /** Operations refused in earlier runs, oldest first. */
  refused(): OutboxRow[] {
    return this.sql.rows("SELECT * FROM outbox WHERE state = 'failed' ORDER BY seq").all() as OutboxRow[]
  }

  /** Every operation still waiting (not failed), oldest first. */
  waiting(): OutboxRow[] {
    return this.sql.rows("SELECT * FROM outbox WHERE state IN ('pending', 'sending', 'unknown') ORDER BY seq").all() as OutboxRow[]
  }

  /** Counts by state, for the status panel; flagged creates count as pending. */
  counts(): Record<OutboxState, number> {
    const flagged = (table: string): number => this.sql.value(`SELECT COUNT(*) FROM ${table} WHERE pending_create = 1`).get() as number
    const counts: Record<OutboxState, number> = { pending: flagged('people') + flagged('credentials'), sending: 0, unknown: 0, failed: 0 }
    for (const row of this.sql.rows('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as { state: OutboxState; n: number }[]) {
      counts[row.state] += row.n
    }
    return counts
  }

  /** One record's open operations, oldest first: its flagged create, or its outbox rows. */
  statesOf(entity: OutboxEntity, entityId: string): OutboxRow[] {
    if (this.createPending(entity, entityId)) {
      return [{ seq: 0, entity, entity_id: entityId, op: 'create', state: OutboxState.pending, attempts: 0, payload: null, error: null, fields: null }]
    }
    return this.open.all(entity, entityId) as OutboxRow[]
  }

  /** Every open operation: outbox rows by age, then flagged creates (people, then credentials). */
  states(): OutboxRow[] {
    const flagged = (entity: OutboxEntity) =>
      `SELECT 0 AS seq, '${entity}' AS entity, id AS entity_id, 'create' AS op, 'pending' AS state, 0 AS attempts, NULL AS payload, NULL AS error, NULL AS fields FROM ${TABLE[entity]} WHERE pending_create = 1`
    const rows = this.sql.rows('SELECT seq, entity, entity_id, op, state, attempts, payload, error, fields FROM outbox ORDER BY seq').all() as OutboxRow[]
    return [...rows, ...(this.sql.rows(flagged('person')).all() as OutboxRow[]), ...(this.sql.rows(flagged('credential')).all() as OutboxRow[])]
  }
}
