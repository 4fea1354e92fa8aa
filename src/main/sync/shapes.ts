import type { AccountCredentialType, PulledPerson } from '../store/replica'
import type { PulledChannel, PulledCredential, PulledEvent } from '../store/replicaSite'
import type { components, operations } from './doorflow/openapi'

/**
 * DoorFlow's request bodies, generated from its published openapi.yaml (`npm run gen:doorflow-types`
 * writes ./doorflow/openapi.d.ts). Ids Lintel holds are sent as numbers when they are numeric and
 * as given otherwise (a guide-shaped server's ids), the one widening of the spec's types here.
 */
type Schemas = components['schemas']
type AnyId = number | string
export type PersonBody = Omit<Schemas['PersonInput'], 'group_ids'> & { group_ids: AnyId[] }
export type CredentialBody = { person_credential: Omit<Schemas['CredentialInput']['person_credential'], 'credential_type_id'> & { credential_type_id: AnyId } }
export type CredentialUpdateBody = Schemas['CredentialUpdateInput']
export type AdmitPersonBody = NonNullable<operations['admitPerson']['requestBody']>['content']['application/json']
export type TokenForm = operations['getAccessToken']['requestBody']['content']['application/x-www-form-urlencoded']

/**
 * DoorFlow records as Lintel reads them, accepting both sources' shapes: the guide's (`group_ids`,
 * credential types with `name` and global ids) and the published OpenAPI's (`groups`, per-account
 * credential type ids with `code`, mobile credentials with `status` and `url` and no `value`).
 */
type Item = Record<string, unknown>

const text = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null)
const idOf = (value: unknown): string | null => (value === undefined || value === null ? null : typeof value === 'object' ? idOf((value as Item).id) : String(value))
const integer = (value: unknown): number | null => (value === null || value === undefined || value === '' || !Number.isInteger(Number(value)) ? null : Number(value))

/** A credential type: the OpenAPI's `{id, label, slug, code}` or the guide's `{id, name}` (whose id is the global code). */
export function typeFromRemote(item: Item): AccountCredentialType {
  const label = text(item.label) ?? text(item.name) ?? `Type ${String(item.id)}`
  const code = 'code' in item ? integer(item.code) : integer(item.id)
  return { remote_id: String(item.id), code, label, slug: text(item.slug) ?? label.toLowerCase().replace(/[^a-z0-9]+/g, '_') }
}

/** A group: id and name. */
export function groupFromRemote(item: Item): { remote_id: string; name: string } {
  return { remote_id: String(item.id), name: text(item.name) ?? `Group ${String(item.id)}` }
}

/** A person: `groups` (OpenAPI) or `group_ids` (guide), as ids or as objects with an id. */
export function personFromRemote(item: Item): PulledPerson {
  const groups = Array.isArray(item.groups) ? item.groups : Array.isArray(item.group_ids) ? item.group_ids : []
  return {
    remote_id: String(item.id), system_id: text(item.system_id), first_name: text(item.first_name) ?? '', last_name: text(item.last_name) ?? '',
    email: text(item.email), enabled: item.enabled !== false, valid_from: text(item.valid_from), valid_to: text(item.valid_to), mobile: text(item.mobile),
    group_remote_ids: groups.map(idOf).filter((id): id is string => id !== null)
  }
}

const STATUSES: readonly NonNullable<Schemas['Credential']['status']>[] = ['invited', 'active', 'revoking', 'revoked']

/** A credential: `credential_type_id` or a nested `credential_type`; `status`, `url`, `wallet_type`; the guide's `enabled` when shown. */
export function credentialFromRemote(item: Item, personRemoteId?: string): PulledCredential {
  const status = STATUSES.find((s) => s === item.status) ?? null
  return {
    remote_id: String(item.id), person_remote_id: idOf(item.person_id) ?? personRemoteId ?? '', type_remote_id: idOf(item.credential_type_id ?? item.credential_type) ?? '',
    value: text(item.value), status, url: text(item.url), wallet_type: text(item.wallet_type), enabled: typeof item.enabled === 'boolean' ? item.enabled : null
  }
}

/** A channel: status, mode, lockdown (any part locked down), formats, reader class and sync state. */
export function channelFromRemote(item: Item): PulledChannel {
  const lockdown = item.lockdown as Record<string, { state?: unknown } | undefined> | boolean | null | undefined
  const locked = typeof lockdown === 'object' && lockdown !== null && ['card_lockdown', 'rex_lockdown', 'aux_lockdown'].some((k) => lockdown[k]?.state === true)
  const mode = (item.mode as Item | undefined)?.description ?? item.mode
  const sync = (item.sync ?? {}) as Item
  return {
    remote_id: String(item.id), name: text(item.name) ?? `Channel ${String(item.id)}`, status: text(item.status),
    mode: mode === 'unlock' || mode === 'normal' ? mode : null, lockdown: locked || lockdown === true, card_format: text(item.card_format), pin_format: text(item.pin_format),
    reader_class: text(item.reader_device_class_name), sync_status: text(sync.status), last_sync_at: text(sync.last_sync_completed_at), updated_at: text(item.updated_at)
  }
}

/** Admits are codes 10–18 and 70, rejects 20–29 and 71–73 (the OpenAPI's event-code list). */
export function eventKind(code: number): PulledEvent['kind'] {
  if ((code >= 10 && code <= 18) || code === 70) return 'admit'
  if ((code >= 20 && code <= 29) || (code >= 71 && code <= 73)) return 'reject'
  return 'other'
}

/** An event; the number of a PIN event (codes 11 and 24), or any number that is a PIN here, is masked. */
export function eventFromRemote(item: Item, pins: ReadonlySet<string>): PulledEvent {
  const code = integer(item.event_code) ?? 0
  const number = text(item.credentials_number)
  const masked = number !== null && (code === 11 || code === 24 || pins.has(number)) ? '*'.repeat(Math.max(4, number.length)) : number
  return {
    remote_id: String(item.id ?? item.event_id), code, kind: eventKind(code), label: text(item.event_label),
    channel_remote_id: idOf(item.channel_id ?? item.door_controller_id), person_remote_id: idOf(item.person_id), credentials_number: masked,
    created_at: text(item.created_at) ?? new Date(0).toISOString()
  }
}
