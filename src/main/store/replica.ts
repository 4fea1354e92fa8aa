import type { CredentialType } from '../../shared/domain/site'
import { idFromKey, idKey } from './database'
import { nextWholeId, type NumberedTable, type Row } from './records'
import type { Statements } from './statements'
import type { Store } from './store'

/** What a remote-id map links: a local record kind to DoorFlow's id for it. */
export type RemoteKind = 'credential_type' | 'group' | 'door'

/** A credential type of the DoorFlow account: its per-account id and the global `code` it stands for. */
export interface AccountCredentialType {
  remote_id: string
  code: number | null
  label: string
  slug: string
}

/** A person as pulled from DoorFlow, in one shape whichever source's shape it came in. */
export interface PulledPerson {
  remote_id: string
  system_id: string | null
  first_name: string
  last_name: string
  email: string | null
  enabled: boolean
  valid_from: string | null
  valid_to: string | null
  mobile: string | null
  group_remote_ids: string[]
}

/** What applying pulled people did; `warnings` go to the sync log. */
export interface PeopleOutcome {
  added: number
  refreshed: number
  keptLocal: number
  warnings: { message: string; personId: string | null }[]
}

const FORMAT_OF_CODE: Record<number, [CredentialType['format'], CredentialType['technology']]> = { 6: ['pin', 'keypad'], 8: ['mobile', 'ble+nfc'], 9: ['mobile', 'ble'] }

/**
 * The store's side of sync for types, groups and people: remote-id maps matched by DoorFlow's
 * `code` and ids, and pulled values written through each table's writer without queueing them to
 * be pushed back. The one writer of `remote_ids` and `account_credential_types`.
 */
export class Replica {
  constructor(
    private readonly sql: Statements,
    private readonly store: Pick<Store, 'people' | 'credentials' | 'groups' | 'credentialTypes' | 'meta'>
  ) {}

  /** DoorFlow's id for a local record, or null when it is not linked. */
  remoteIdOf(kind: RemoteKind, localId: string): string | null {
    return (this.sql.value('SELECT remote_id FROM remote_ids WHERE kind = ? AND local_id = ?').get(kind, localId) as string | undefined) ?? null
  }

  /** The local id linked to DoorFlow's id, or null. */
  localIdOf(kind: RemoteKind, remoteId: string): string | null {
    return (this.sql.value('SELECT local_id FROM remote_ids WHERE kind = ? AND remote_id = ?').get(kind, remoteId) as string | undefined) ?? null
  }

  /** Links a local record to DoorFlow's id (replacing an earlier link of either side). */
  link(kind: RemoteKind, localId: string, remoteId: string): void {
    this.sql.rows('DELETE FROM remote_ids WHERE kind = ? AND remote_id = ?').run(kind, remoteId)
    this.sql.rows('INSERT OR REPLACE INTO remote_ids (kind, local_id, remote_id) VALUES (?, ?, ?)').run(kind, localId, remoteId)
  }

  /** True while a record has an operation waiting for the server (its local value wins over a pulled one). */
  hasUnpushedChanges(entity: 'person' | 'credential', localId: string): boolean {
    if (this.sql.value('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? LIMIT 1').get(entity, localId) !== undefined) return true
    const table = entity === 'person' ? 'people' : 'credentials'
    return this.sql.value(`SELECT pending_create FROM ${table} WHERE id = ?`).get(localId) === 1
  }

  /** True while a person or any of its credentials has changes not yet pushed (removing it would lose them). */
  hasUnpushedChangesWithin(personId: string): boolean {
    if (this.hasUnpushedChanges('person', personId)) return true
    const credentials = this.sql.rows('SELECT id, pending_create FROM credentials WHERE person_id = ?').all(personId) as { id: string; pending_create: number }[]
    return credentials.some((c) => c.pending_create === 1 || this.hasUnpushedChanges('credential', c.id))
  }

  /** Unlinks groups DoorFlow no longer lists; the local groups and their rules stay. Returns the local ids unlinked. */
  unlinkMissingGroups(present: ReadonlySet<string>): string[] {
    const linked = this.sql.rows("SELECT local_id, remote_id FROM remote_ids WHERE kind = 'group'").all() as { local_id: string; remote_id: string }[]
    const gone = linked.filter((g) => !present.has(g.remote_id))
    for (const g of gone) {
      this.sql.rows("DELETE FROM remote_ids WHERE kind = 'group' AND local_id = ?").run(g.local_id)
      this.store.groups.unlink(g.local_id)
    }
    return gone.map((g) => g.local_id)
  }

  /** Remembers DoorFlow's id of a pushed person or credential. */
  setRemoteId(entity: 'person' | 'credential', localId: string, remoteId: string): void {
    if (entity === 'person') this.store.people.setRemoteId(idFromKey(localId), remoteId)
    else this.store.credentials.setRemoteId(idFromKey(localId), remoteId)
  }

  /**
   * Replaces the account's credential types. Each is linked to the local type whose id is its
   * `code` (a type Lintel lacks is added under that code); local types the account lacks are unlinked.
   */
  saveAccountTypes(types: readonly AccountCredentialType[]): void {
    this.sql.rows('DELETE FROM account_credential_types').run()
    this.sql.rows("DELETE FROM remote_ids WHERE kind = 'credential_type'").run()
    const insert = this.sql.rows('INSERT OR REPLACE INTO account_credential_types (remote_id, code, label, slug) VALUES (?, ?, ?, ?)')
    for (const type of types) {
      insert.run(type.remote_id, type.code, type.label, type.slug)
      if (type.code === null) continue
      const local = idKey(type.code)
      const [format, technology] = FORMAT_OF_CODE[type.code] ?? ['card', 'nfc']
      this.store.credentialTypes.addFromAccount({ id: type.code, label: type.label, slug: type.slug, format, technology })
      this.link('credential_type', local, type.remote_id)
    }
  }

  /**
   * The local credential type ids (global codes) a form may offer: those the DoorFlow account has,
   * or every local type while the account has never been pulled.
   */
  offeredTypeIds(): string[] {
    const linked = this.sql.value("SELECT local_id FROM remote_ids WHERE kind = 'credential_type' ORDER BY local_id").all() as string[]
    if (linked.length > 0 || this.accountTypes().length > 0) return linked
    return this.sql.value('SELECT id FROM credential_types ORDER BY row').all() as string[]
  }

  /** The account's credential types as last pulled. */
  accountTypes(): AccountCredentialType[] {
    return this.sql.rows('SELECT remote_id, code, label, slug FROM account_credential_types ORDER BY code').all() as AccountCredentialType[]
  }

  /** Links each pulled group to a local one (by link, then by name) or adds it; names follow DoorFlow. */
  saveGroups(groups: readonly { remote_id: string; name: string }[]): void {
    let next = this.nextId('groups')
    for (const group of groups) {
      let local = this.localIdOf('group', group.remote_id)
      local ??= (this.sql.value("SELECT id FROM groups WHERE lower(name) = lower(?) AND id NOT IN (SELECT local_id FROM remote_ids WHERE kind = 'group')").get(group.name) as string | undefined) ?? null
      if (local === null) {
        local = idKey(next++)
        this.store.groups.addPulled(local, group.name, group.remote_id)
      } else this.store.groups.applyPulled(local, group.name, group.remote_id)
      this.link('group', local, group.remote_id)
    }
  }

  /** A person's row as pushed: its fields and group ids. */
  personRow(localId: string): Row | undefined {
    return this.store.people.row(idFromKey(localId))
  }

  /** A credential's row as pushed, with its person's DoorFlow id. */
  credentialRow(localId: string): Row | undefined {
    return this.sql.rows('SELECT c.*, p.remote_id AS person_remote_id FROM credentials c JOIN people p ON p.id = c.person_id WHERE c.id = ?').get(localId) as Row | undefined
  }

  /** True when the local credential type is a mobile one (its value, if any, DoorFlow does not show). */
  isMobileType(typeKey: string): boolean {
    return this.sql.value('SELECT format FROM credential_types WHERE id = ?').get(typeKey) === 'mobile'
  }

  /**
   * The local key of the value-less credential the pull made for this DoorFlow id (a mobile
   * invitation Lintel had not seen, with no unpushed changes), or undefined.
   */
  pulledInvitationOf(remoteId: string): string | undefined {
    const key = this.sql.value('SELECT id FROM credentials WHERE remote_id = ? AND value IS NULL').get(remoteId) as string | undefined
    return key !== undefined && !this.hasUnpushedChanges('credential', key) ? key : undefined
  }

  /**
   * Lets a local create adopt a DoorFlow credential the pull had already copied as a value-less
   * invitation: the copy is removed (nothing queued), so the adopting credential alone holds the id. False when there is no such copy.
   */
  releasePulledInvitation(remoteId: string): boolean {
    const key = this.pulledInvitationOf(remoteId)
    if (key === undefined) return false
    this.store.credentials.removePulled(key)
    return true
  }

  /** True when a local credential holds this DoorFlow id. */
  holdsRemoteCredential(remoteId: string): boolean {
    return this.sql.rows('SELECT 1 FROM credentials WHERE remote_id = ?').get(remoteId) !== undefined
  }

  /**
   * Applies pulled people: each is linked (by DoorFlow id, then the system_id Lintel gave it, then
   * email) and refreshed, unless it has unpushed local changes (those win until pushed); people
   * Lintel has never seen are added. Group ids DoorFlow did not list are left out with a warning.
   */
  applyPeople(people: readonly PulledPerson[], systemIdPrefix: string): PeopleOutcome {
    const outcome: PeopleOutcome = { added: 0, refreshed: 0, keptLocal: 0, warnings: [] }
    let next = this.nextId('people')
    for (const person of people) {
      const local = this.findPerson(person, systemIdPrefix)
      const groups = this.localGroups(person, outcome)
      if (local && this.hasUnpushedChanges('person', String(local.id))) {
        if (local.remote_id === null) this.store.people.setRemoteId(idFromKey(String(local.id)), person.remote_id)
        outcome.keptLocal++
        continue
      }
      const id = local ? String(local.id) : idKey(next++)
      const email = this.emailFor(person, id, local, outcome)
      const { first_name, last_name, enabled, valid_from, valid_to, mobile, remote_id } = person
      const fields = { first_name, last_name, email: email.email, email_key: email.key, enabled, valid_from, valid_to, group_ids: groups, mobile, remote_id }
      if (local) {
        this.store.people.applyPulled(id, fields)
        outcome.refreshed++
      } else {
        this.store.people.addPulled(id, fields)
        outcome.added++
      }
    }
    return outcome
  }

  private findPerson(person: PulledPerson, prefix: string): Row | undefined {
    const byRemote = this.sql.rows('SELECT * FROM people WHERE remote_id = ?').get(person.remote_id) as Row | undefined
    if (byRemote) return byRemote
    const unlinked = (row: Row | undefined): Row | undefined => (row && row.remote_id === null ? row : undefined)
    const bySystemId = person.system_id?.startsWith(prefix) ? unlinked(this.personRow(person.system_id.slice(prefix.length))) : undefined
    return bySystemId ?? (person.email ? unlinked(this.personByEmail(person.email)) : undefined)
  }

  /**
   * The person's email, unless another local person holds it: then a person already here keeps its
   * own (with a warning), and a new one gets none and a key of its DoorFlow id.
   */
  private emailFor(person: PulledPerson, id: string, local: Row | undefined, outcome: PeopleOutcome): { email: string; key: string } {
    const email = person.email ?? ''
    const holder = email ? this.personByEmail(email) : undefined
    if (email && (!holder || holder.id === id)) return { email, key: email.toLowerCase() }
    if (holder) outcome.warnings.push({ message: `DoorFlow person ${person.remote_id} has the email ${email}, which person ${String(holder.id)} has here; ${local ? 'its email here is kept' : 'added without it'}`, personId: local ? id : null })
    if (local) return { email: String(local.email), key: String(local.email_key) }
    return { email: '', key: `doorflow:${person.remote_id}` }
  }

  private localGroups(person: PulledPerson, outcome: PeopleOutcome): unknown[] {
    const ids: unknown[] = []
    const unknown: string[] = []
    for (const remote of person.group_remote_ids) {
      const local = this.localIdOf('group', remote)
      if (local === null) unknown.push(remote)
      else ids.push(JSON.parse(local) as unknown)
    }
    if (unknown.length) outcome.warnings.push({ message: `DoorFlow person ${person.remote_id} (${person.first_name} ${person.last_name}) is in groups ${unknown.join(', ')}, which DoorFlow did not list; they are left out here`, personId: null })
    return ids
  }

  /** DoorFlow ids of the people linked here. */
  linkedPeople(): Map<string, string> {
    const rows = this.sql.rows('SELECT remote_id, id FROM people WHERE remote_id IS NOT NULL').all() as { remote_id: string; id: string }[]
    return new Map(rows.map((r) => [r.remote_id, r.id]))
  }

  /** The row of the person whose email (any case) is this one, or undefined. */
  private personByEmail(email: string): Row | undefined {
    return this.sql.rows('SELECT * FROM people WHERE email_key = ?').get(email.toLowerCase()) as Row | undefined
  }

  /** Removes a person DoorFlow no longer has (and its credentials), queueing nothing. */
  removePulledPerson(localId: string): void {
    this.store.people.removePulled(localId)
  }

  /** The next free numeric id of a table (ids are JSON keys). */
  nextId(table: NumberedTable): number {
    return nextWholeId(this.sql, table)
  }

  /** Sets the site's time zone (an IANA name), e.g. from DoorFlow's account. */
  setSiteTimeZone(zone: string): void {
    const site = JSON.parse(this.store.meta.get('site') ?? '{}') as Record<string, unknown>
    this.store.meta.set('site', JSON.stringify({ ...site, timezone: zone }))
  }

  /** Marks a credential revoked on DoorFlow: disabled and `revoked` here, nothing queued. */
  markRevoked(localId: string): void {
    this.store.credentials.applyPulledState(localId, { status: 'revoked', enabled: false })
  }
}
