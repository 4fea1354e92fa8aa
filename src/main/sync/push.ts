import { idFromKey, idKey } from '../store/database'
import type { DeletePayload, OutboxRow } from '../store/outbox'
import type { Answer } from './doorflowApi'
import { findInList, read, readAll } from './lists'
import { block, pushCreate, pushIdempotent, sendSafely, waiting, type PushContext } from './pushOps'
import { credentialFromRemote, type CredentialBody, type CredentialUpdateBody, type PersonBody } from './shapes'

export type { PushContext, SyncFailure } from './pushOps'

type Row = Record<string, unknown>

/** A value the server does not show: absent (mobile credentials) or masked ("******"). */
const hidden = (value: unknown): boolean => value === undefined || value === null || String(value) === '' || /[*•]/.test(String(value))
const asNumber = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

/** Local groups already warned about in a run (one warning per group, not one per person). */
const warnedGroups = new WeakMap<PushContext, Set<string>>()

/**
 * A person as DoorFlow's published `PersonInput` takes it (the guide's fields are a subset).
 * `group_ids` are DoorFlow's ids through the remote-id map; a local group DoorFlow lacks is left out, with a warning.
 */
function personBody(ctx: PushContext, op: OutboxRow, row: Row): PersonBody {
  const groupIds: (number | string)[] = []
  for (const id of JSON.parse(row.group_ids as string) as unknown[]) {
    const remote = ctx.store.replica.remoteIdOf('group', idKey(id as number | string))
    if (remote !== null) {
      groupIds.push(asNumber(remote))
      continue
    }
    const warned = warnedGroups.get(ctx) ?? new Set<string>()
    warnedGroups.set(ctx, warned)
    if (!warned.has(String(id))) ctx.ledger.log('warn', `group ${String(id)} is not on DoorFlow (groups are made there): people in it are sent without it`, op)
    warned.add(String(id))
  }
  const email = row.email === '' ? null : row.email
  return {
    first_name: row.first_name, last_name: row.last_name, email, enabled: row.enabled === 1, system_id: ctx.store.systemId(row.id as string),
    group_ids: groupIds, valid_from: row.valid_from ?? null, valid_to: row.valid_to ?? null
  }
}

/** The server's id of the person with this system_id, or null (every page is read and the filter checked here too). */
async function findPerson(ctx: PushContext, systemId: string): Promise<string | null> {
  const match = await findInList(ctx.api, `/people?system_id=${encodeURIComponent(systemId)}`, 'people', ctx.backoff, (p) => p.system_id === systemId)
  return match ? String(match.id) : null
}

/** Pushes one person operation. A create for a person the pull already linked to the server becomes an update. */
export async function pushPerson(ctx: PushContext, op: OutboxRow): Promise<void> {
  if (op.op === 'delete') return deletePerson(ctx, op, JSON.parse(op.payload ?? '{}') as DeletePayload)
  const row = ctx.store.replica.personRow(op.entity_id)
  if (!row) return ctx.ledger.confirm(op)
  if (op.op === 'create' && row.remote_id === null) {
    const systemId = ctx.store.systemId(op.entity_id)
    return pushCreate(ctx, op, { path: '/people', body: personBody(ctx, op, row), findExisting: () => findPerson(ctx, systemId) })
  }
  if (row.remote_id === null) return waiting(ctx, op, 'the person has not reached the server yet')
  await pushIdempotent(ctx, op, 'PUT', `/people/${String(row.remote_id)}`, personBody(ctx, op, row))
}

async function deletePerson(ctx: PushContext, op: OutboxRow, payload: DeletePayload): Promise<void> {
  const remoteId = payload.remote_id ?? (payload.system_id ? await findPerson(ctx, payload.system_id) : null)
  if (remoteId === null) return ctx.ledger.confirm(op)
  await pushIdempotent(ctx, op, 'DELETE', `/people/${remoteId}`)
}

const CREDENTIAL_LIST_KEYS = ['person_credentials', 'credentials'] as const
const typeIdOf = (c: Row): string => credentialFromRemote(c).type_remote_id

/**
 * The server's id of this person's credential of this type with this value. Where DoorFlow does not
 * show values (mobile credentials, masked PINs), the one credential of the type on the person that no
 * local record holds is taken.
 */
async function findCredential(ctx: PushContext, personRemoteId: string, typeRemoteId: string, value: string | null): Promise<string | null> {
  const ofType = (await readAll(ctx.api, `/people/${personRemoteId}/credentials`, CREDENTIAL_LIST_KEYS, ctx.backoff)).filter((c) => typeIdOf(c) === typeRemoteId)
  const exact = value === null ? undefined : ofType.find((c) => String(c.value) === value)
  if (exact) return String(exact.id)
  const free = (id: string): boolean => !ctx.store.replica.holdsRemoteCredential(id) || ctx.store.replica.pulledInvitationOf(id) !== undefined
  const candidates = ofType.filter((c) => hidden(c.value) && free(String(c.id)))
  if (candidates.length !== 1) return null
  // A value-less copy the pull made of it gives way to the credential that adopts it.
  const found = String(candidates[0]?.id)
  ctx.store.replica.releasePulledInvitation(found)
  return found
}

/** A refused create after an unknown outcome: if the value is in use on this person, the earlier try made it. */
async function adoptInUse(ctx: PushContext, answer: Extract<Answer, { kind: 'rejected' }>, personRemoteId: string, typeRemoteId: string, value: string | null): Promise<string | null> {
  if (answer.fields.value === undefined) return null
  return findCredential(ctx, personRemoteId, typeRemoteId, value)
}

/** DoorFlow's id of the credential's type, or null (with the operation left queued) when the account lacks the type. */
function accountType(ctx: PushContext, op: OutboxRow, typeKey: string): string | null {
  const remote = ctx.store.replica.remoteIdOf('credential_type', typeKey)
  if (remote !== null) return remote
  const message = `the DoorFlow account has no credential type with code ${String(idFromKey(typeKey))}; it waits until the account has one`
  block(ctx, op, 'rejected', message, { credential_type_id: message })
  return null
}

/** Pushes one credential operation; its person must already be on the server. */
export async function pushCredential(ctx: PushContext, op: OutboxRow): Promise<void> {
  if (op.op === 'delete') return deleteCredential(ctx, op, JSON.parse(op.payload ?? '{}') as DeletePayload)
  const row = ctx.store.replica.credentialRow(op.entity_id)
  if (!row) return ctx.ledger.confirm(op)
  const personRemoteId = row.person_remote_id as string | null
  if (personRemoteId === null) return waiting(ctx, op, 'its person has not reached the server yet')
  const typeRemoteId = accountType(ctx, op, row.credential_type_id as string)
  if (typeRemoteId === null) return
  const path = `/people/${personRemoteId}/credentials`
  const value = hidden(row.value) ? null : (row.value as string)
  if (op.op === 'create' && row.remote_id === null) {
    // DoorFlow's CredentialInput: a mobile credential without a value starts an invitation; a value given is sent as the guide shows.
    const body: CredentialBody = { person_credential: { credential_type_id: asNumber(typeRemoteId), ...(value === null ? {} : { value }) } }
    await pushCreate(ctx, op, {
      path, body,
      findExisting: () => findCredential(ctx, personRemoteId, typeRemoteId, value),
      adoptRefused: (answer) => adoptInUse(ctx, answer, personRemoteId, typeRemoteId, value)
    })
    const remote = ctx.store.replica.credentialRow(op.entity_id)?.remote_id
    if (typeof remote === 'string') ctx.store.replicaSite.markCredentialConfirmed(remote, personRemoteId, typeRemoteId)
    return
  }
  if (row.remote_id === null) return waiting(ctx, op, 'the credential has not reached the server yet')
  await updateCredential(ctx, op, row, `${path}/${String(row.remote_id)}`, value, typeRemoteId)
}

/**
 * An update: the value as the OpenAPI's `CredentialUpdateInput` takes it, then, for a disabled
 * credential (or one DoorFlow last showed disabled), `enabled` as the guide documents it, read back.
 */
async function updateCredential(ctx: PushContext, op: OutboxRow, row: Row, path: string, value: string | null, typeRemoteId: string): Promise<void> {
  const mobile = ctx.store.replica.isMobileType(row.credential_type_id as string)
  if (!mobile && value !== null && (await sendSafely(ctx, op, 'PUT', path, { person_credential: { value } } satisfies CredentialUpdateBody)) === null) return
  const remoteId = String(row.remote_id)
  const wanted = row.enabled === 1
  if (!wanted || ctx.store.replicaSite.remoteCredential(remoteId)?.enabled === 0) {
    if ((await sendSafely(ctx, op, 'PUT', path, { person_credential: { enabled: wanted } })) === null) return
    ctx.store.replicaSite.recordEnabledSent(remoteId, String(row.person_remote_id), typeRemoteId, wanted)
    await confirmEnabled(ctx, op, path, wanted)
  }
  ctx.ledger.confirm(op)
  ctx.stats.pushed++
}

/** Reads the credential back: a disable DoorFlow does not show is recorded as "not confirmed", with revoke offered. */
async function confirmEnabled(ctx: PushContext, op: OutboxRow, path: string, wanted: boolean): Promise<void> {
  const body = await read(ctx.api, path, ctx.backoff).catch(() => null)
  const seen = body && typeof body === 'object' ? credentialFromRemote(((body as Row).person_credential ?? body) as Row) : null
  const confirmed = seen !== null && (seen.enabled === wanted || (!wanted && (seen.status === 'revoking' || seen.status === 'revoked')))
  // Confirmed, or enabled again: an earlier unconfirmed disable no longer matters.
  if (confirmed || wanted) ctx.store.syncState.clearFlag('credential', op.entity_id, 'disable_not_confirmed')
  if (confirmed) return
  if (wanted) return ctx.ledger.log('warn', `credential ${op.entity_id}: DoorFlow did not confirm the re-enable on reading back`, op)
  const message = `DoorFlow did not confirm the disable on reading back (not confirmed): the old phone may still open doors; revoke it with \`lintel sync --revoke ${String(idFromKey(op.entity_id))}\``
  ctx.store.syncState.flag('credential', op.entity_id, 'disable_not_confirmed', message)
  ctx.ledger.log('warn', `credential ${op.entity_id}: ${message}`, op)
  ctx.unconfirmed.push({ entity: 'credential', id: op.entity_id, op: op.op, code: 'not_confirmed', message })
}

async function deleteCredential(ctx: PushContext, op: OutboxRow, payload: DeletePayload): Promise<void> {
  const person = payload.person_remote_id
  if (!person) return ctx.ledger.confirm(op)
  const typeRemote = payload.credential_type_id ? ctx.store.replica.remoteIdOf('credential_type', payload.credential_type_id) : null
  const remoteId = payload.remote_id ?? (typeRemote && payload.value ? await findCredential(ctx, person, typeRemote, payload.value) : null)
  if (remoteId === null) return ctx.ledger.confirm(op)
  const answer = await pushIdempotent(ctx, op, 'DELETE', `/people/${person}/credentials/${remoteId}`)
  if (answer?.status === 202) {
    ctx.store.replicaSite.setRemoteStatus(remoteId, 'revoking')
    ctx.ledger.log('info', `credential ${op.entity_id}: DoorFlow accepted the delete and is revoking it (202)`, op)
  }
}
