import { PersonSchema, type Id, type Person } from '../../shared/domain/site'
import { PersonInputSchema } from '../../shared/provisioning/schemas'
import { idFromKey, idKey } from './database'
import { invalid, nextWholeId, notFound, parseOrThrow, type Row } from './records'
import { personOf } from './siteRows'
import type { Statements } from './statements'
import type { Store } from './store'

/** A person's stored fields (ids as stored keys, lists as values). */
export interface PersonFields {
  first_name: string
  last_name: string
  email: string
  enabled: boolean
  valid_from: string | null
  valid_to: string | null
  group_ids: readonly Id[]
  /** E.164; null clears it; absent keeps what is stored. */
  mobile?: string | null
}

/** An import's update: a null field keeps what is stored. */
export type PersonPatch = Pick<PersonFields, 'first_name' | 'last_name' | 'email'> & {
  [K in 'enabled' | 'valid_from' | 'valid_to' | 'group_ids']: PersonFields[K] | null
}

/**
 * A person as DoorFlow gives them, ready to store. The pull picks `email_key` (it stands in for an
 * email another person holds here) and the local group ids its remote-id map knows.
 */
export interface PulledPersonFields {
  first_name: string
  last_name: string
  email: string
  email_key: string
  enabled: boolean
  valid_from: string | null
  valid_to: string | null
  group_ids: readonly unknown[]
  mobile: string | null
  remote_id: string
}

const flag = (value: boolean): number => (value ? 1 : 0)

/**
 * The one writer of `people`. Every local write applies the outbox rule in the same transaction:
 * a new person is flagged for create (`pending_create = 1`), an update or delete is queued.
 * Changes that come from DoorFlow (`…Pulled`, `setRemoteId`) queue nothing.
 */
export class People {
  constructor(
    private readonly sql: Statements,
    private readonly store: Pick<Store, 'transaction' | 'outbox' | 'groups' | 'systemId'>
  ) {}

  /** The stored row of a person (`id` as its key), or undefined. */
  row(id: Id): Row | undefined {
    return this.sql.rows('SELECT * FROM people WHERE id = ?').get(idKey(id)) as Row | undefined
  }

  /** The person as the snapshot shows them, or undefined. */
  get(id: Id): Person | undefined {
    const row = this.row(id)
    return row && PersonSchema.parse(personOf(row))
  }

  /** The key of the person with this email (any case), or undefined. */
  idByEmail(email: string): string | undefined {
    return this.sql.value('SELECT id FROM people WHERE email_key = ?').get(email.toLowerCase()) as string | undefined
  }

  /** How many people there are. */
  count(): number {
    return this.sql.value('SELECT COUNT(*) FROM people').get() as number
  }

  /** The next whole-number id for a new person. */
  nextId(): number {
    return nextWholeId(this.sql, 'people')
  }

  /** The server's id for a person: null if never synced, undefined if there is no such person. */
  remoteId(id: Id): string | null | undefined {
    return this.sql.value('SELECT remote_id FROM people WHERE id = ?').get(idKey(id)) as string | null | undefined
  }

  /** Every person's key and server id, in insertion order. */
  remoteIds(): { id: string; remote_id: string | null }[] {
    return this.sql.rows('SELECT id, remote_id FROM people ORDER BY row').all() as { id: string; remote_id: string | null }[]
  }

  /** Records the server's id for a person (the server's own change: nothing is queued). */
  setRemoteId(id: Id, remoteId: string | null): void {
    this.sql.rows('UPDATE people SET remote_id = ? WHERE id = ?').run(remoteId, idKey(id))
  }

  /** Inserts a person as the snapshot gives them, queueing nothing: a seeded record is local, never sent. */
  seed(p: Person): void {
    this.sql
      .rows('INSERT INTO people (id, first_name, last_name, email, email_key, enabled, valid_from, valid_to, group_ids, mobile) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(idKey(p.id), p.first_name, p.last_name, p.email, p.email.toLowerCase(), flag(p.enabled), p.valid_from ?? null, p.valid_to ?? null, JSON.stringify(p.group_ids), p.mobile ?? null)
  }

  /**
   * Inserts a new local person with the given id and flags their create for the server. False (and
   * nothing written) when another person already has the email, in any case.
   */
  create(id: Id, person: PersonFields): boolean {
    const p = person
    const insert = this.sql.rows(`INSERT INTO people (id, first_name, last_name, email, email_key, enabled, valid_from, valid_to, group_ids, mobile, pending_create)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (email_key) DO NOTHING`)
    return insert.run(idKey(id), p.first_name, p.last_name, p.email, p.email.toLowerCase(), flag(p.enabled), p.valid_from, p.valid_to, JSON.stringify(p.group_ids), p.mobile ?? null).changes === 1
  }

  /** Replaces a person's fields and queues the update. */
  update(id: Id, person: PersonFields): void {
    const p = person
    this.sql
      .rows('UPDATE people SET first_name=?, last_name=?, email=?, email_key=?, enabled=?, valid_from=?, valid_to=?, group_ids=?, mobile=CASE WHEN ? THEN ? ELSE mobile END WHERE id=?')
      .run(p.first_name, p.last_name, p.email, p.email.toLowerCase(), flag(p.enabled), p.valid_from, p.valid_to, JSON.stringify(p.group_ids), flag(p.mobile !== undefined), p.mobile ?? null, idKey(id))
    this.store.outbox.enqueue('person', idKey(id), 'update')
  }

  /** Updates the fields an import row gives (null keeps the stored value) and queues the update. */
  merge(id: Id, patch: PersonPatch): void {
    const p = patch
    this.sql
      .rows(`UPDATE people SET first_name = ?, last_name = ?, email = ?, email_key = ?, enabled = COALESCE(?, enabled),
        valid_from = COALESCE(?, valid_from), valid_to = COALESCE(?, valid_to), group_ids = COALESCE(?, group_ids) WHERE id = ?`)
      .run(p.first_name, p.last_name, p.email, p.email.toLowerCase(), p.enabled === null ? null : flag(p.enabled), p.valid_from, p.valid_to, p.group_ids === null ? null : JSON.stringify(p.group_ids), idKey(id))
    this.store.outbox.enqueue('person', idKey(id), 'update')
  }

  /** Removes a person and their credentials, queueing the delete if the server may have them. False if absent. */
  remove(id: Id): boolean {
    const row = this.row(id)
    if (!row) return false
    const key = row.id as string
    this.store.outbox.enqueue('person', key, 'delete', { remote_id: (row.remote_id as string | null) ?? null, system_id: this.store.systemId(key) })
    this.store.outbox.forgetUnsentCredentialsOf(key)
    this.sql.rows('DELETE FROM people WHERE id = ?').run(key)
    return true
  }

  /** Inserts a person DoorFlow has and Lintel has never seen, under the stored key `key`; nothing is queued. */
  addPulled(key: string, p: PulledPersonFields): void {
    this.sql
      .rows('INSERT INTO people (id, first_name, last_name, email, email_key, enabled, valid_from, valid_to, group_ids, mobile, remote_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)')
      .run(key, p.first_name, p.last_name, p.email, p.email_key, flag(p.enabled), p.valid_from, p.valid_to, JSON.stringify(p.group_ids), p.mobile, p.remote_id)
  }

  /** Replaces a linked person's fields with DoorFlow's (stored key `key`); nothing is queued. */
  applyPulled(key: string, p: PulledPersonFields): void {
    this.sql
      .rows('UPDATE people SET first_name=?, last_name=?, email=?, email_key=?, enabled=?, valid_from=?, valid_to=?, group_ids=?, mobile=?, remote_id=? WHERE id=?')
      .run(p.first_name, p.last_name, p.email, p.email_key, flag(p.enabled), p.valid_from, p.valid_to, JSON.stringify(p.group_ids), p.mobile, p.remote_id, key)
  }

  /** Removes a person DoorFlow no longer has (stored key `key`; their credentials go with them); nothing is queued. */
  removePulled(key: string): void {
    this.sql.rows('DELETE FROM people WHERE id = ?').run(key)
  }

  /** Creates or updates a person from the form (matched by id), checked against the site. */
  save(input: unknown): Person {
    const person = parseOrThrow(PersonInputSchema, input)
    return this.store.transaction(() => {
      const existing = person.id === undefined ? undefined : this.row(person.id)
      if (person.id !== undefined && !existing) notFound('person', person.id)
      const clash = this.idByEmail(person.email)
      if (clash !== undefined && clash !== existing?.id) invalid({ email: 'Another person already has this email address.' })
      const missing = person.group_ids.find((groupId) => !this.store.groups.exists(groupId))
      if (missing !== undefined) invalid({ group_ids: `There is no group ${JSON.stringify(missing)}.` })
      const id = existing ? idFromKey(existing.id as string) : this.nextId()
      const fields = { ...person, valid_from: person.valid_from ?? null, valid_to: person.valid_to ?? null }
      if (existing) this.update(id, fields)
      else this.create(id, fields)
      return this.get(id) as Person
    })
  }

  /** Deletes a person from the form; not_found if there is none. */
  delete(id: Id): void {
    this.store.transaction(() => this.remove(id) || notFound('person', id))
  }
}
