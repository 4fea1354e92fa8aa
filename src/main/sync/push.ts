import type { OutboxRow, DeletePayload } from '../store/outbox'
import type { Store } from '../store/store'
import { idFromKey } from '../store/database'
import { backoffDelay, type Backoff } from './backoff'
import { sleep, type Answer, type DoorFlowApi } from './doorflowApi'
import type { Ledger } from './ledger'
import { listItems, read } from './lists'

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
}

const remoteIdOf = (body: unknown): string | undefined => {
  const record = (body ?? {}) as Row
  const inner = (record.person ?? record.person_credential ?? record) as Row
  return inner.id === undefined || inner.id === null ? undefined : String(inner.id)
}

/**
 * Creates a record exactly once. Before any resend of a create whose outcome is unknown (no
 * answer, a timeout, a 5xx, or a crash while it was on the wire) the record is looked for on the
 * server, and adopted if it is there.
 */
async function pushCreate(ctx: PushContext, op: OutboxRow, spec: CreateSpec): Promise<void> {
  for (let attempt = 0; attempt <= ctx.backoff.attempts; attempt++) {
    if (op.state === 'unknown') {
      const found = await spec.findExisting()
      if (found !== null) {
        ctx.ledger.confirm(op, found)
        ctx.ledger.log('info', `${op.entity} ${op.entity_id} was already on the server (reconciled as ${found})`, op)
        ctx.stats.reconciled++
        return
      }
    }
    ctx.ledger.markSending(op)
    const answer = await ctx.api.request('POST', spec.path, spec.body)
    if (settled(ctx, op, answer, () => ctx.ledger.confirm(op, remoteIdOf(answer.kind === 'ok' ? answer.body : undefined)))) return
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

async function findPerson(ctx: PushContext, systemId: string): Promise<string | null> {
  const people = listItems(await read(ctx.api, `/people?system_id=${encodeURIComponent(systemId)}`, ctx.backoff), 'people')
  const match = people.find((p) => p.system_id === systemId)
  return match ? String(match.id) : null
}

async function findCredential(ctx: PushContext, personRemoteId: string, typeKey: string, value: string): Promise<string | null> {
  const body = await read(ctx.api, `/people/${personRemoteId}/credentials`, ctx.backoff)
  if (body === null) return null
  const typeId = String(idFromKey(typeKey))
  const match = listItems(body, 'person_credentials').find((c) => String(c.credential_type_id) === typeId && c.value === value)
  return match ? String(match.id) : null
}

/** Pushes one person operation. A create for a person the pull already linked to the server becomes an update. */
export async function pushPerson(ctx: PushContext, op: OutboxRow): Promise<void> {
  const row = ctx.store.db.prepare('SELECT * FROM people WHERE id = ?').get(op.entity_id) as Row | undefined
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
  const row = ctx.store.db.prepare('SELECT c.*, p.remote_id AS person_remote_id FROM credentials c JOIN people p ON p.id = c.person_id WHERE c.id = ?').get(op.entity_id) as Row | undefined
  if (!row) return ctx.ledger.confirm(op)
  const personRemoteId = row.person_remote_id as string | null
  if (personRemoteId === null) return waiting(ctx, op, 'its person has not reached the server yet')
  const path = `/people/${personRemoteId}/credentials`
  if (op.op === 'create' && row.remote_id === null) {
    return pushCreate(ctx, op, { path, body: credentialBody(row), findExisting: () => findCredential(ctx, personRemoteId, row.credential_type_id as string, row.value as string) })
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
