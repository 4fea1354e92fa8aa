import type { OutboxRow, DeletePayload } from '../store/outbox'
import type { Store } from '../store/store'
import { idFromKey } from '../store/database'
import { backoffDelay, type Backoff } from './backoff'
import { sleep, type Answer, type DoorFlowApi } from './doorflowApi'
import type { Ledger } from './ledger'
import { findInList, readAll } from './lists'

/** Why an operation is still open after a run. */
export interface SyncFailure {
  entity: OutboxRow['entity']
  id: string
  op: OutboxRow['op']
  code: 'rejected' | 'gave_up' | 'waiting_for_person' | 'unreachable'
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
}

type Row = Record<string, unknown>

/** What a create needs: where to POST, what to send, and how to find the record if it already arrived. */
interface CreateSpec {
  path: string
  body: unknown
  findExisting(): Promise<string | null>
  /**
   * After a create whose earlier outcome was unknown is refused (e.g. 422 "value is already in
   * use"): the record the earlier request made, if it can be recognised although the read-back
   * missed it; null otherwise.
   */
  adoptRefused?(answer: Extract<Answer, { kind: 'rejected' }>): Promise<string | null>
}

const remoteIdOf = (body: unknown): string | undefined => {
  const record = (body ?? {}) as Row
  const inner = (record.person ?? record.person_credential ?? record.credential ?? record.data ?? record) as Row
  return inner.id === undefined || inner.id === null ? undefined : String(inner.id)
}

/**
 * Creates a record exactly once. Before any resend of a create whose outcome is unknown (no
 * answer, a timeout, a 5xx, or a crash while it was on the wire) the record is looked for on the
 * server, and adopted if it is there.
 */
async function pushCreate(ctx: PushContext, op: OutboxRow, spec: CreateSpec): Promise<void> {
  const adopt = (found: string): void => {
    ctx.ledger.confirm(op, found)
    ctx.ledger.log('info', `${op.entity} ${op.entity_id} was already on the server (reconciled as ${found})`, op)
    ctx.stats.reconciled++
  }
  for (let attempt = 0; attempt <= ctx.backoff.attempts; attempt++) {
    const uncertain = op.state === 'unknown'
    if (uncertain) {
      const found = await spec.findExisting()
      if (found !== null) return adopt(found)
    }
    ctx.ledger.markSending(op)
    const answer = await ctx.api.request('POST', spec.path, spec.body)
    if (uncertain && answer.kind === 'rejected' && spec.adoptRefused) {
      const found = await spec.adoptRefused(answer)
      if (found !== null) return adopt(found)
    }
    // A 2xx whose body names no id (e.g. 204): the id is read back, so later updates and the person's credentials can find it.
    const remoteId = answer.kind === 'ok' ? (remoteIdOf(answer.body) ?? (await spec.findExisting()) ?? undefined) : undefined
    if (settled(ctx, op, answer, () => ctx.ledger.confirm(op, remoteId))) return
    ctx.ledger.markUnknown(op, answer.kind === 'unknown' ? answer.reason : 'unknown')
    ctx.stats.retries++
    await sleep(backoffDelay(ctx.backoff, attempt))
  }
  giveUp(ctx, op)
}

/** Sends an update or delete, which are safe to repeat; a 404 on delete means it is already gone. */
async function pushIdempotent(ctx: PushContext, op: OutboxRow, method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
  for (let attempt = 0; attempt <= ctx.backoff.attempts; attempt++) {
    ctx.ledger.markSending(op)
    const answer = await ctx.api.request(method, path, body)
    if (method === 'DELETE' && answer.kind === 'not_found') {
      ctx.ledger.confirm(op)
      return
    }
    if (settled(ctx, op, answer, () => ctx.ledger.confirm(op))) return
    ctx.ledger.markUnknown(op, answer.kind === 'unknown' ? answer.reason : 'unknown')
    ctx.stats.retries++
    await sleep(backoffDelay(ctx.backoff, attempt))
  }
  giveUp(ctx, op)
}

/** True when the answer ends the operation: confirmed, or refused with field errors. */
function settled(ctx: PushContext, op: OutboxRow, answer: Answer, confirm: () => void): boolean {
  if (answer.kind === 'ok') {
    confirm()
    ctx.stats.pushed++
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

function giveUp(ctx: PushContext, op: OutboxRow): void {
  const message = `no confirmed answer after ${ctx.backoff.attempts + 1} tries; it stays queued for the next sync`
  ctx.ledger.log('warn', `${op.entity} ${op.entity_id}: ${message}`, op)
  ctx.failures.push({ entity: op.entity, id: op.entity_id, op: op.op, code: 'gave_up', message })
}

function waiting(ctx: PushContext, op: OutboxRow, message: string): void {
  ctx.failures.push({ entity: op.entity, id: op.entity_id, op: op.op, code: 'waiting_for_person', message })
}

const personBody = (store: Store, row: Row) => ({
  person: {
    first_name: row.first_name, last_name: row.last_name, email: row.email, enabled: row.enabled === 1,
    system_id: store.systemId(row.id as string), group_ids: JSON.parse(row.group_ids as string) as unknown[],
    valid_from: row.valid_from ?? null, valid_to: row.valid_to ?? null
  }
})

const credentialBody = (row: Row) => ({
  person_credential: { credential_type_id: idFromKey(row.credential_type_id as string), value: row.value, enabled: row.enabled === 1, label: row.label ?? row.device ?? null }
})

/**
 * The server's id of the person with this system_id, or null. Every page is read (the filter is
 * checked here too), so a server that paginates or ignores the filter cannot hide the record.
 */
async function findPerson(ctx: PushContext, systemId: string): Promise<string | null> {
  const match = await findInList(ctx.api, `/people?system_id=${encodeURIComponent(systemId)}`, 'people', ctx.backoff, (p) => p.system_id === systemId)
  return match ? String(match.id) : null
}

/** A credential's type id as DoorFlow lists it: `credential_type_id`, or a nested `credential_type`. */
const typeIdOf = (c: Row): string => String(c.credential_type_id ?? (c.credential_type as Row | undefined)?.id)

async function findCredential(ctx: PushContext, personRemoteId: string, typeKey: string, value: string): Promise<string | null> {
  const typeId = String(idFromKey(typeKey))
  const match = await findInList(ctx.api, `/people/${personRemoteId}/credentials`, CREDENTIAL_LIST_KEYS, ctx.backoff, (c) => typeIdOf(c) === typeId && String(c.value) === value)
  return match ? String(match.id) : null
}

const CREDENTIAL_LIST_KEYS = ['person_credentials', 'credentials'] as const

/** A value the server does not show (DoorFlow may mask PINs: "******"). */
const hidden = (value: unknown): boolean => value === undefined || value === null || String(value) === '' || /[*•]/.test(String(value))

/**
 * A credential create refused because its value is in use, after an earlier try whose outcome was
 * unknown: if the value is this person's, the earlier try made it. The read-back matches by value;
 * when the server hides values, the one credential of this type on this person that no local
 * record holds is taken (values are unique per type, so the refusal says the value exists).
 */
async function adoptInUse(ctx: PushContext, answer: Extract<Answer, { kind: 'rejected' }>, personRemoteId: string, typeKey: string, value: string): Promise<string | null> {
  if (answer.fields.value === undefined) return null
  const typeId = String(idFromKey(typeKey))
  const ofType = (await readAll(ctx.api, `/people/${personRemoteId}/credentials`, CREDENTIAL_LIST_KEYS, ctx.backoff)).filter((c) => typeIdOf(c) === typeId)
  const exact = ofType.find((c) => String(c.value) === value)
  if (exact) return String(exact.id)
  const known = ctx.store.legacyDb.prepare('SELECT 1 FROM credentials WHERE remote_id = ?').pluck()
  const candidates = ofType.filter((c) => hidden(c.value) && known.get(String(c.id)) === undefined)
  return candidates.length === 1 ? String(candidates[0]?.id) : null
}

/** Pushes one person operation. A create for a person the pull already linked to the server becomes an update. */
export async function pushPerson(ctx: PushContext, op: OutboxRow): Promise<void> {
  const row = ctx.store.legacyDb.prepare('SELECT * FROM people WHERE id = ?').get(op.entity_id) as Row | undefined
  if (op.op === 'delete') return deletePerson(ctx, op, JSON.parse(op.payload ?? '{}') as DeletePayload)
  if (!row) return ctx.ledger.confirm(op)
  if (op.op === 'create' && row.remote_id === null) {
    const systemId = ctx.store.systemId(op.entity_id)
    return pushCreate(ctx, op, { path: '/people', body: personBody(ctx.store, row), findExisting: () => findPerson(ctx, systemId) })
  }
  if (row.remote_id === null) return waiting(ctx, op, 'the person has not reached the server yet')
  return pushIdempotent(ctx, op, 'PUT', `/people/${String(row.remote_id)}`, personBody(ctx.store, row))
}

async function deletePerson(ctx: PushContext, op: OutboxRow, payload: DeletePayload): Promise<void> {
  const remoteId = payload.remote_id ?? (payload.system_id ? await findPerson(ctx, payload.system_id) : null)
  if (remoteId === null) return ctx.ledger.confirm(op)
  return pushIdempotent(ctx, op, 'DELETE', `/people/${remoteId}`)
}

/** Pushes one credential operation; its person must already be on the server. */
export async function pushCredential(ctx: PushContext, op: OutboxRow): Promise<void> {
  if (op.op === 'delete') return deleteCredential(ctx, op, JSON.parse(op.payload ?? '{}') as DeletePayload)
  const row = ctx.store.legacyDb.prepare('SELECT c.*, p.remote_id AS person_remote_id FROM credentials c JOIN people p ON p.id = c.person_id WHERE c.id = ?').get(op.entity_id) as Row | undefined
  if (!row) return ctx.ledger.confirm(op)
  const personRemoteId = row.person_remote_id as string | null
  if (personRemoteId === null) return waiting(ctx, op, 'its person has not reached the server yet')
  const path = `/people/${personRemoteId}/credentials`
  if (op.op === 'create' && row.remote_id === null) {
    const [typeKey, value] = [row.credential_type_id as string, row.value as string]
    return pushCreate(ctx, op, {
      path,
      body: credentialBody(row),
      findExisting: () => findCredential(ctx, personRemoteId, typeKey, value),
      adoptRefused: (answer) => adoptInUse(ctx, answer, personRemoteId, typeKey, value)
    })
  }
  if (row.remote_id === null) return waiting(ctx, op, 'the credential has not reached the server yet')
  return pushIdempotent(ctx, op, 'PUT', `${path}/${String(row.remote_id)}`, credentialBody(row))
}

async function deleteCredential(ctx: PushContext, op: OutboxRow, payload: DeletePayload): Promise<void> {
  const person = payload.person_remote_id
  if (!person) return ctx.ledger.confirm(op)
  const remoteId = payload.remote_id ?? (payload.credential_type_id && payload.value ? await findCredential(ctx, person, payload.credential_type_id, payload.value) : null)
  if (remoteId === null) return ctx.ledger.confirm(op)
  return pushIdempotent(ctx, op, 'DELETE', `/people/${person}/credentials/${remoteId}`)
}
