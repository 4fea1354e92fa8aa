import type { z } from 'zod'
import { LintelError } from '../../shared/contract/result'
import { CredentialSchema, PersonSchema, type Credential, type CredentialType, type Id, type Person } from '../../shared/domain/site'
import { checkCredentialValue } from '../../shared/formats/validate'
import {
  CredentialInputSchema,
  credentialRules,
  fieldErrorsOf,
  PersonInputSchema,
  type FieldErrors
} from '../../shared/provisioning/schemas'
import { idFromKey, idKey, StoreErrorCode } from './database'
import { credentialOf, personOf, typeOf } from './siteRows'
import type { Store } from './store'

type Row = Record<string, unknown>

/** Throws the store's invalid-record error carrying field errors for the form. */
export function invalid(fields: FieldErrors): never {
  const first = Object.entries(fields)[0]
  throw new LintelError(StoreErrorCode.invalid, first ? `${first[0]}: ${first[1]}` : 'invalid record', fields)
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) invalid(fieldErrorsOf(parsed.error))
  return parsed.data
}

/** The next free numeric id of a table (new records get whole-number ids). */
export function nextNumericId(store: Store, table: 'people' | 'credentials' | 'groups' | 'doors'): number {
  const row = store.db.prepare(`SELECT MAX(CAST(id AS INTEGER)) AS n FROM ${table} WHERE id GLOB '[0-9]*'`).get() as { n: number | null }
  return (row.n ?? 0) + 1
}

export function personRow(store: Store, id: Id): Row | undefined {
  return store.db.prepare('SELECT * FROM people WHERE id = ?').get(idKey(id)) as Row | undefined
}

export function credentialRow(store: Store, id: Id): Row | undefined {
  return store.db.prepare('SELECT * FROM credentials WHERE id = ?').get(idKey(id)) as Row | undefined
}

function notFound(what: string, id: Id): never {
  throw new LintelError(StoreErrorCode.notFound, `There is no ${what} ${JSON.stringify(id)}.`)
}

function checkGroups(store: Store, groupIds: readonly Id[]): void {
  const exists = store.db.prepare('SELECT 1 FROM groups WHERE id = ?')
  const missing = groupIds.find((id) => !exists.get(idKey(id)))
  if (missing !== undefined) invalid({ group_ids: `There is no group ${JSON.stringify(missing)}.` })
}

/** Creates or updates a person (matched by id) and queues the change for the server. */
export function savePerson(store: Store, input: unknown): Person {
  const person = parseOrThrow(PersonInputSchema, input)
  return store.write(() => {
    const existing = person.id === undefined ? undefined : personRow(store, person.id)
    if (person.id !== undefined && !existing) notFound('person', person.id)
    const clash = store.db.prepare('SELECT id FROM people WHERE email_key = ?').get(person.email.toLowerCase()) as { id: string } | undefined
    if (clash && clash.id !== existing?.id) invalid({ email: 'Another person already has this email address.' })
    checkGroups(store, person.group_ids)
    const id = existing ? (existing.id as string) : idKey(nextNumericId(store, 'people'))
    const values = [person.first_name, person.last_name, person.email, person.email.toLowerCase(), person.enabled ? 1 : 0, person.valid_from ?? null, person.valid_to ?? null, JSON.stringify(person.group_ids)]
    if (existing) {
      store.db.prepare('UPDATE people SET first_name=?, last_name=?, email=?, email_key=?, enabled=?, valid_from=?, valid_to=?, group_ids=? WHERE id=?').run(...values, id)
    } else {
      store.db.prepare('INSERT INTO people (first_name, last_name, email, email_key, enabled, valid_from, valid_to, group_ids, id) VALUES (?,?,?,?,?,?,?,?,?)').run(...values, id)
    }
    store.outbox.enqueue('person', id, existing ? 'update' : 'create')
    return PersonSchema.parse(personOf(personRow(store, idFromKey(id)) as Row))
  })
}

/** Deletes a person and their credentials, queueing the delete for the server if it ever reached it. */
export function deletePerson(store: Store, id: Id): void {
  store.write(() => {
    const row = personRow(store, id) ?? notFound('person', id)
    store.outbox.enqueue('person', row.id as string, 'delete', { remote_id: (row.remote_id as string | null) ?? null, system_id: store.systemId(row.id as string) })
    store.db.prepare("DELETE FROM outbox WHERE entity = 'credential' AND state = 'pending' AND attempts = 0 AND entity_id IN (SELECT id FROM credentials WHERE person_id = ?)").run(row.id)
    store.db.prepare('DELETE FROM people WHERE id = ?').run(row.id)
  })
}

function credentialTypes(store: Store): CredentialType[] {
  return (store.db.prepare('SELECT * FROM credential_types').all() as Row[]).map(typeOf)
}

/** Creates or updates a credential: value format per type, unique per type, weak PINs refused unless overridden. */
export function saveCredential(store: Store, input: unknown): Credential {
  const draft = parseOrThrow(CredentialInputSchema, input)
  return store.write(() => {
    const existing = draft.id === undefined ? undefined : credentialRow(store, draft.id)
    if (draft.id !== undefined && !existing) notFound('credential', draft.id)
    if (!personRow(store, draft.person_id)) invalid({ person_id: `There is no person ${JSON.stringify(draft.person_id)}.` })
    const types = credentialTypes(store)
    const type = types.find((t) => t.id === draft.credential_type_id)
    const normal = type ? checkCredentialValue(type, draft.value, { allowWeakPin: true }) : undefined
    const clashes = normal?.ok
      ? (store.db.prepare('SELECT id, credential_type_id, value FROM credentials WHERE credential_type_id = ? AND value = ?').all(idKey(draft.credential_type_id), normal.value) as Row[])
      : []
    const others = clashes.map((r) => ({ id: idFromKey(r.id as string), credential_type_id: draft.credential_type_id, value: r.value as string }))
    const keepsValue = existing !== undefined && normal?.ok === true && normal.value === existing.value
    const ruled = credentialRules({ ...draft, allow_weak_pin: draft.allow_weak_pin === true || keepsValue }, { types, credentials: others })
    if (!ruled.ok) invalid(ruled.fields)
    const id = existing ? (existing.id as string) : idKey(nextNumericId(store, 'credentials'))
    writeCredential(store, id, draft, ruled.value, existing)
    store.outbox.enqueue('credential', id, existing ? 'update' : 'create')
    return CredentialSchema.parse(credentialOf(credentialRow(store, idFromKey(id)) as Row))
  })
}

function writeCredential(store: Store, id: string, draft: z.output<typeof CredentialInputSchema>, value: string, existing: Row | undefined): void {
  const status = draft.status ?? (existing?.status as string | undefined) ?? 'active'
  const values = [idKey(draft.person_id), idKey(draft.credential_type_id), value, draft.enabled ? 1 : 0, status, draft.label ?? null, draft.device ?? null]
  if (existing) {
    store.db.prepare('UPDATE credentials SET person_id=?, credential_type_id=?, value=?, enabled=?, status=?, label=?, device=? WHERE id=?').run(...values, id)
  } else {
    store.db.prepare('INSERT INTO credentials (person_id, credential_type_id, value, enabled, status, label, device, id, issued_at) VALUES (?,?,?,?,?,?,?,?,?)').run(...values, id, new Date().toISOString())
  }
}

/** Deletes a credential, queueing the delete for the server if it ever reached it. */
export function deleteCredential(store: Store, id: Id): void {
  store.write(() => {
    const row = credentialRow(store, id) ?? notFound('credential', id)
    const person = store.db.prepare('SELECT remote_id FROM people WHERE id = ?').get(row.person_id) as { remote_id: string | null } | undefined
    store.outbox.enqueue('credential', row.id as string, 'delete', {
      remote_id: (row.remote_id as string | null) ?? null,
      person_remote_id: person?.remote_id ?? null,
      credential_type_id: row.credential_type_id as string,
      value: row.value as string
    })
    store.db.prepare('DELETE FROM credentials WHERE id = ?').run(row.id)
  })
}
