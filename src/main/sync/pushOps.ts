import type { OutboxRow } from '../store/outbox'
import type { Store } from '../store/store'
import { backoffDelay, type Backoff } from './backoff'
import { scopeFor, sleep, type Answer, type DoorFlowApi } from './doorflowApi'
import type { Ledger } from './ledger'

/** Why an operation is still open after a run (or, for `not_confirmed`, what DoorFlow did not confirm). */
export interface SyncFailure {
  entity: OutboxRow['entity']
  id: string
  op: OutboxRow['op']
  code: 'rejected' | 'gave_up' | 'waiting_for_person' | 'unreachable' | 'forbidden' | 'not_confirmed'
  message: string
  fields?: Record<string, string>
}

export interface PushContext {
  readonly api: DoorFlowApi
  readonly store: Store
  readonly ledger: Ledger
  readonly backoff: Backoff
  readonly stats: { pushed: number; reconciled: number; retries: number }
  readonly failures: SyncFailure[]
  /** Disables DoorFlow did not confirm on reading back: the record says "not confirmed"; revoke is offered. */
  readonly unconfirmed: SyncFailure[]
  /** Scopes DoorFlow said the token lacks (403): requests needing them wait for the next sync. */
  readonly missingScopes: Set<string>
}

type Row = Record<string, unknown>

/** What a create needs: where to POST, what to send, and how to find the record if it already arrived. */
export interface CreateSpec {
  path: string
  body: unknown
  findExisting(): Promise<string | null>
  /**
   * After a create whose earlier outcome was unknown is refused (e.g. 422 "value is already in
   * use"): the record the earlier request made, if it can be recognised; null otherwise.
   */
  adoptRefused?(answer: Extract<Answer, { kind: 'rejected' }>): Promise<string | null>
}

/** DoorFlow's id in a created record's body, wrapped or not. */
export const remoteIdOf = (body: unknown): string | undefined => {
  const record = (body ?? {}) as Row
  const inner = (record.person ?? record.person_credential ?? record.credential ?? record.data ?? record) as Row
  return inner.id === undefined || inner.id === null ? undefined : String(inner.id)
}

/**
 * Creates a record exactly once. Before any resend of a create whose outcome is unknown (no
 * answer, a timeout, a 5xx, or a crash while it was on the wire) the record is looked for on the
 * server, and adopted if it is there. A 409 answers with the existing record: it is adopted too.
 */
export async function pushCreate(ctx: PushContext, op: OutboxRow, spec: CreateSpec): Promise<void> {
  const adopt = (found: string): void => {
    ctx.ledger.confirm(op, found)
    ctx.ledger.log('info', `${op.entity} ${op.entity_id} was already on the server (reconciled as ${found})`, op)
    ctx.stats.reconciled++
  }
  if (blocked(ctx, op, 'POST', spec.path)) return
  for (let attempt = 0; attempt <= ctx.backoff.attempts; attempt++) {
    const uncertain = op.state === 'unknown'
    if (uncertain) {
      const found = await spec.findExisting()
      if (found !== null) return adopt(found)
    }
    ctx.ledger.markSending(op)
    const answer = await ctx.api.request('POST', spec.path, spec.body)
    const existing = answer.kind === 'rejected' && answer.status === 409 ? remoteIdOf(answer.body) : undefined
    if (existing !== undefined && (!ctx.store.replica.holdsRemoteCredential(existing) || (op.entity === 'credential' && ctx.store.replica.releasePulledInvitation(existing)))) {
      if (op.entity === 'credential') ctx.ledger.log('info', `credential ${op.entity_id}: DoorFlow already had this credential on the person (409); Lintel adopted it (${existing}) instead of creating another`, op)
      return adopt(existing)
    }
    if (uncertain && answer.kind === 'rejected' && spec.adoptRefused) {
      const found = await spec.adoptRefused(answer)
      if (found !== null) return adopt(found)
    }
    // A 2xx whose body names no id (e.g. 204): the id is read back, so later updates and the person's credentials can find it.
    const remoteId = answer.kind === 'ok' ? (remoteIdOf(answer.body) ?? (await spec.findExisting()) ?? undefined) : undefined
    if (settled(ctx, op, answer, () => ctx.ledger.confirm(op, remoteId), uncertain)) return
    await retryLater(ctx, op, answer, attempt)
  }
  giveUp(ctx, op)
}

/**
 * Sends an update or delete, which are safe to repeat, until an answer settles it. Returns the
 * successful answer (the operation still open, for the caller to confirm), or null when the
 * operation ended otherwise (refused, blocked, given up). A 404 on delete counts as done.
 */
export async function sendSafely(ctx: PushContext, op: OutboxRow, method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Extract<Answer, { kind: 'ok' }> | null> {
  if (blocked(ctx, op, method, path)) return null
  for (let attempt = 0; attempt <= ctx.backoff.attempts; attempt++) {
    ctx.ledger.markSending(op)
    const answer = await ctx.api.request(method, path, body)
    if (method === 'DELETE' && answer.kind === 'not_found') return { kind: 'ok', status: 404, body: null }
    if (answer.kind === 'ok') return answer
    if (settled(ctx, op, answer, () => undefined)) return null
    await retryLater(ctx, op, answer, attempt)
  }
  giveUp(ctx, op)
  return null
}

/** {@link sendSafely}, then the operation is confirmed. */
export async function pushIdempotent(ctx: PushContext, op: OutboxRow, method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Extract<Answer, { kind: 'ok' }> | null> {
  const answer = await sendSafely(ctx, op, method, path, body)
  if (answer === null) return null
  ctx.ledger.confirm(op)
  ctx.stats.pushed++
  return answer
}

async function retryLater(ctx: PushContext, op: OutboxRow, answer: Answer, attempt: number): Promise<void> {
  ctx.ledger.markUnknown(op, answer.kind === 'unknown' ? answer.reason : answer.kind === 'bad_answer' ? answer.message : 'unknown')
  ctx.stats.retries++
  await sleep(backoffDelay(ctx.backoff, attempt))
}

/** True when the answer ends the operation: confirmed, refused with field errors, or blocked by a missing scope. */
function settled(ctx: PushContext, op: OutboxRow, answer: Answer, confirm: () => void, uncertain = false): boolean {
  if (answer.kind === 'ok') {
    confirm()
    ctx.stats.pushed++
    return true
  }
  if (answer.kind === 'forbidden') {
    ctx.missingScopes.add(answer.scope)
    block(ctx, op, 'forbidden', answer.message, { scope: answer.scope }, uncertain)
    return true
  }
  if (answer.kind === 'rejected' || answer.kind === 'not_found') {
    const { message, fields } = answer.kind === 'rejected' ? answer : { message: 'DoorFlow has no such record (404)', fields: {} }
    ctx.ledger.markFailed(op, message, fields)
    ctx.failures.push({ entity: op.entity, id: op.entity_id, op: op.op, code: 'rejected', message, fields })
    return true
  }
  return false
}

/** A request whose scope DoorFlow already refused this run waits for the next sync, unsent. */
function blocked(ctx: PushContext, op: OutboxRow, method: string, path: string): boolean {
  const scope = scopeFor(method, path)
  if (!ctx.missingScopes.has(scope)) return false
  block(ctx, op, 'forbidden', `not sent: the token lacks the scope ${scope}; it is sent by the first sync after the token is fixed`, { scope }, op.state === 'unknown')
  return true
}

/** Leaves the operation queued (sent again by the next sync, with no edit needed) and lists why. */
export function block(ctx: PushContext, op: OutboxRow, code: SyncFailure['code'], message: string, fields: Record<string, string> = {}, uncertain = false): void {
  ctx.ledger.markBlocked(op, message, uncertain)
  ctx.ledger.log('warn', `${op.entity} ${op.entity_id}: ${message}`, op)
  ctx.failures.push({ entity: op.entity, id: op.entity_id, op: op.op, code, message, fields })
}

function giveUp(ctx: PushContext, op: OutboxRow): void {
  const message = `no confirmed answer after ${ctx.backoff.attempts + 1} tries; it stays queued for the next sync`
  ctx.ledger.log('warn', `${op.entity} ${op.entity_id}: ${message}`, op)
  ctx.failures.push({ entity: op.entity, id: op.entity_id, op: op.op, code: 'gave_up', message })
}

/** The operation waits for another record to reach the server first. */
export function waiting(ctx: PushContext, op: OutboxRow, message: string): void {
  ctx.failures.push({ entity: op.entity, id: op.entity_id, op: op.op, code: 'waiting_for_person', message })
}
