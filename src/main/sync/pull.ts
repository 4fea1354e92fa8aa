import type { CredentialType } from '../../shared/domain/site'
import { idKey } from '../store/database'
import { nextNumericId } from '../store/records'
import type { Store } from '../store/store'
import type { Backoff } from './backoff'
import type { DoorFlowApi } from './doorflowApi'
import { readAll } from './lists'

export interface PullCounts {
  credential_types: number
  groups: number
  people: number
}

type Item = Record<string, unknown>

const slugOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
const TECHNOLOGY: Record<CredentialType['format'], CredentialType['technology']> = { card: 'nfc', pin: 'keypad', mobile: 'ble', other: 'nfc' }
const formatOf = (value: unknown): CredentialType['format'] => (value === 'card' || value === 'pin' || value === 'mobile' ? value : 'other')

/** Reads credential types, groups and people (changed since the last pull) from DoorFlow into the store. */
export async function pullSite(store: Store, api: DoorFlowApi, backoff: Backoff): Promise<PullCounts> {
  const types = await readAll(api, '/credential_types', 'credential_types', backoff)
  const groups = await readAll(api, '/groups', 'groups', backoff)
  const since = store.legacyDb.prepare("SELECT value FROM meta WHERE key = 'people_since'").pluck().get() as string | undefined
  const startedAt = Date.now()
  const people = await readAll(api, '/people', 'people', backoff, since ? { since } : {})
  store.write(() => {
    for (const t of types) upsertType(store, t)
    for (const g of groups) store.legacyDb.prepare('INSERT INTO groups (id, name, access, remote_id) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, remote_id = excluded.remote_id').run(idKey(localId(g.id)), String(g.name ?? ''), '[]', String(g.id))
    for (const p of people) linkPerson(store, p)
    const latest = nextSince(people, since, startedAt)
    if (latest) store.legacyDb.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('people_since', ?)").run(latest)
  })
  return { credential_types: types.length, groups: groups.length, people: people.length }
}

/**
 * The `since` of the next pull: the newest `updated_at` the server gave (its own clock). A server
 * whose people carry no `updated_at` gets this pull's start instead, 5 minutes early for clock skew
 * (people read twice are only linked again).
 */
export function nextSince(people: readonly Item[], since: string | undefined, startedAt: number): string | undefined {
  const stamps = people.map((p) => p.updated_at).filter((t): t is string => typeof t === 'string' && t !== '')
  if (stamps.length > 0) return stamps.reduce((a, b) => (b > a ? b : a), since ?? '')
  if (people.length > 0) return new Date(startedAt - 5 * 60_000).toISOString()
  return since
}

/** A remote id as a local id: numbers stay numbers. */
function localId(id: unknown): number | string {
  return typeof id === 'number' ? id : String(id)
}

function upsertType(store: Store, item: Item): void {
  const name = String(item.name ?? item.label ?? `Type ${String(item.id)}`)
  const format = formatOf(item.format)
  store.legacyDb
    .prepare('INSERT INTO credential_types (id, label, slug, format, technology) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET label = excluded.label')
    .run(idKey(localId(item.id)), name, slugOf(name), format, TECHNOLOGY[format])
}

/** Links a remote person to the local one with its system_id or email; adds people Lintel has never seen. */
function linkPerson(store: Store, item: Item): void {
  const remoteId = String(item.id)
  const systemId = typeof item.system_id === 'string' ? item.system_id : ''
  const prefix = store.systemId('')
  const byLocalId = systemId.startsWith(prefix) ? systemId.slice(prefix.length) : undefined
  const email = String(item.email ?? '')
  const find = (sql: string, value: string | undefined): string | undefined =>
    value === undefined ? undefined : (store.legacyDb.prepare(`SELECT id FROM people WHERE ${sql} = ?`).pluck().get(value) as string | undefined)
  const local = find('remote_id', remoteId) ?? find('id', byLocalId) ?? (email ? find('email_key', email.toLowerCase()) : undefined)
  if (local !== undefined) {
    store.legacyDb.prepare('UPDATE people SET remote_id = ? WHERE id = ? AND remote_id IS NULL').run(remoteId, local)
    return
  }
  if (!email) return
  store.legacyDb
    .prepare('INSERT INTO people (id, first_name, last_name, email, email_key, enabled, group_ids, remote_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(String(nextNumericId(store, 'people')), String(item.first_name ?? ''), String(item.last_name ?? ''), email, email.toLowerCase(), item.enabled === false ? 0 : 1, JSON.stringify(Array.isArray(item.group_ids) ? item.group_ids : []), remoteId)
}
