import { CredentialSchema, type Credential, type Id, type RevokedReason } from '../../shared/domain/site'
import { checkCredentialValue } from '../../shared/formats/validate'
import { CredentialInputSchema, credentialRules, type CredentialDraft } from '../../shared/provisioning/schemas'
import { idFromKey, idKey, nowIso } from './database'
import { invalid, nextWholeId, notFound, parseOrThrow, type Row } from './records'
import { credentialOf } from './siteRows'
import type { Statements } from './statements'
import type { Store } from './store'

/** A credential's stored fields. */
export interface CredentialFields {
  person_id: Id
  credential_type_id: Id
  /** Null only for a mobile credential: an invitation, which DoorFlow gives no value. */
  value: string | null
  enabled: boolean
  status: Credential['status']
  label: string | null
  device: string | null
  issued_at: string | null
  /** Why it was revoked; kept only while `status` is `revoked`. */
  revoked_reason?: RevokedReason | null
}

/** A credential as DoorFlow gives it, ready to store (its person and type as stored keys). */
export interface PulledCredentialFields {
  person_key: string
  type_key: string
  /** Null for a mobile credential: DoorFlow gives it no value. */
  value: string | null
  enabled: boolean
  status: Credential['status']
  remote_id: string
}

const flag = (value: boolean): number => (value ? 1 : 0)
const reasonOf = (c: Pick<CredentialFields, 'status' | 'revoked_reason'>): string | null => (c.status === 'revoked' ? (c.revoked_reason ?? null) : null)

/**
 * The one writer of `credentials`. Every local write applies the outbox rule in the same
 * transaction: a new credential is flagged for create, an update or delete is queued. Changes that
 * come from DoorFlow (`…Pulled…`, `setRemoteId`) queue nothing.
 */
export class Credentials {
  constructor(
    private readonly sql: Statements,
    private readonly store: Pick<Store, 'transaction' | 'outbox' | 'people' | 'credentialTypes'>
  ) {}

  /** The stored row of a credential (`id` as its key), or undefined. */
  row(id: Id): Row | undefined {
    return this.sql.rows('SELECT * FROM credentials WHERE id = ?').get(idKey(id)) as Row | undefined
  }

  /** The credential as the snapshot shows it, or undefined. */
  get(id: Id): Credential | undefined {
    const row = this.row(id)
    return row && CredentialSchema.parse(credentialOf(row))
  }

  /** The key of the person holding this value of this type, or undefined when it is free. */
  holderOf(credentialTypeId: Id, value: string): string | undefined {
    return this.sql.value('SELECT person_id FROM credentials WHERE credential_type_id = ? AND value = ?').get(idKey(credentialTypeId), value) as string | undefined
  }

  /** Whether the person (stored key) already has a value-less credential (an invitation) of this type. */
  hasInvitation(personKey: string, credentialTypeId: Id): boolean {
    return this.sql.value('SELECT COUNT(*) FROM credentials WHERE person_id = ? AND credential_type_id = ? AND value IS NULL').get(personKey, idKey(credentialTypeId)) !== 0
  }

  /** How many credentials there are. */
  count(): number {
    return this.sql.value('SELECT COUNT(*) FROM credentials').get() as number
  }

  /** The next whole-number id for a new credential. */
  nextId(): number {
    return nextWholeId(this.sql, 'credentials')
  }

  /** The server's id for a credential: null if never synced, undefined if there is no such credential. */
  remoteId(id: Id): string | null | undefined {
    return this.sql.value('SELECT remote_id FROM credentials WHERE id = ?').get(idKey(id)) as string | null | undefined
  }

  /** Every credential's key and server id, in insertion order. */
  remoteIds(): { id: string; remote_id: string | null }[] {
    return this.sql.rows('SELECT id, remote_id FROM credentials ORDER BY row').all() as { id: string; remote_id: string | null }[]
  }

  /** Records the server's id for a credential (the server's own change: nothing is queued). */
  setRemoteId(id: Id, remoteId: string | null): void {
    this.sql.rows('UPDATE credentials SET remote_id = ? WHERE id = ?').run(remoteId, idKey(id))
  }

  /** Inserts a credential as the snapshot gives it, queueing nothing: a seeded record is local, never sent. */
  seed(c: Credential): void {
    this.sql
      .rows('INSERT INTO credentials (id, person_id, credential_type_id, value, enabled, status, label, issued_at, device, revoked_reason, accepted_at, invitation_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(idKey(c.id), idKey(c.person_id), idKey(c.credential_type_id), c.value ?? null, flag(c.enabled), c.status, c.label ?? null, c.issued_at ?? null, c.device ?? null, reasonOf(c), c.accepted_at ?? null, c.invitation_url ?? null)
  }

  /**
   * Inserts a new local credential and flags its create for the server. False (and nothing
   * written) when another credential of the type already holds the value.
   */
  create(id: Id, c: CredentialFields): boolean {
    const insert = this.sql.rows(`INSERT INTO credentials (id, person_id, credential_type_id, value, enabled, status, label, issued_at, device, revoked_reason, pending_create)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (credential_type_id, value) DO NOTHING`)
    return insert.run(idKey(id), idKey(c.person_id), idKey(c.credential_type_id), c.value, flag(c.enabled), c.status, c.label, c.issued_at, c.device, reasonOf(c)).changes === 1
  }

  /** Replaces a credential's fields (its issue date stays) and queues the update. */
  update(id: Id, c: Omit<CredentialFields, 'issued_at'>): void {
    this.sql
      .rows('UPDATE credentials SET person_id=?, credential_type_id=?, value=?, enabled=?, status=?, label=?, device=?, revoked_reason=? WHERE id=?')
      .run(idKey(c.person_id), idKey(c.credential_type_id), c.value, flag(c.enabled), c.status, c.label, c.device, reasonOf(c), idKey(id))
    this.store.outbox.enqueue('credential', idKey(id), 'update')
  }

  /** Records DoorFlow's invitation link for a credential (the server's news: nothing is queued). */
  setInvitationUrl(id: Id, url: string | null): void {
    this.sql.rows('UPDATE credentials SET invitation_url = ? WHERE id = ?').run(url, idKey(id))
  }

  /**
   * Notes that DoorFlow accepted the credential at `at` (the push's confirmation, or the first pull
   * that saw it active), keeping the later of the two: the 2-minute wait counts from there. The
   * server's own news: nothing is queued.
   */
  markAccepted(id: Id, at: string): void {
    const iso = new Date(at).toISOString()
    this.sql.rows('UPDATE credentials SET accepted_at = CASE WHEN accepted_at IS NULL OR accepted_at < ? THEN ? ELSE accepted_at END WHERE id = ?').run(iso, iso, idKey(id))
  }

  /** Removes a credential, queueing the delete if the server may have it. False if absent. */
  remove(id: Id): boolean {
    const row = this.row(id)
    if (!row) return false
    this.store.outbox.enqueue('credential', row.id as string, 'delete', {
      remote_id: (row.remote_id as string | null) ?? null,
      person_remote_id: this.store.people.remoteId(idFromKey(row.person_id as string)) ?? null,
      credential_type_id: row.credential_type_id as string,
      value: row.value as string
    })
    this.sql.rows('DELETE FROM credentials WHERE id = ?').run(row.id)
    return true
  }

  /** Inserts a credential DoorFlow has and Lintel has never seen, under the stored key `key`; nothing is queued. */
  addPulled(key: string, c: PulledCredentialFields): void {
    this.sql
      .rows('INSERT INTO credentials (id, person_id, credential_type_id, value, enabled, status, remote_id, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(key, c.person_key, c.type_key, c.value, flag(c.enabled), c.status, c.remote_id, nowIso())
  }

  /** Takes DoorFlow's status and enabled flag for a credential (stored key `key`); an undefined one stays. Nothing is queued. */
  applyPulledState(key: string, state: { status?: Credential['status']; enabled?: boolean }): void {
    const enabled = state.enabled === undefined ? null : flag(state.enabled)
    this.sql.rows('UPDATE credentials SET status = COALESCE(?, status), enabled = COALESCE(?, enabled) WHERE id = ?').run(state.status ?? null, enabled, key)
  }

  /** Removes a credential DoorFlow no longer has (stored key `key`); nothing is queued. */
  removePulled(key: string): void {
    this.sql.rows('DELETE FROM credentials WHERE id = ?').run(key)
  }

  /** Creates or updates a credential from the form: value format per type, unique per type, weak PINs refused unless overridden. */
  save(input: unknown): Credential {
    const draft = parseOrThrow(CredentialInputSchema, input)
    return this.store.transaction(() => {
      const existing = draft.id === undefined ? undefined : this.row(draft.id)
      if (draft.id !== undefined && !existing) notFound('credential', draft.id)
      if (!this.store.people.row(draft.person_id)) invalid({ person_id: `There is no person ${JSON.stringify(draft.person_id)}.` })
      const value = this.checkedValue(draft, existing)
      const status = draft.status ?? (existing?.status as Credential['status'] | undefined) ?? (value === null ? 'invited' : 'active')
      const revoked_reason = draft.revoked_reason ?? (existing?.revoked_reason as RevokedReason | null | undefined) ?? null
      const fields = { ...draft, value, status, revoked_reason, label: draft.label ?? null, device: draft.device ?? null }
      const id = existing ? idFromKey(existing.id as string) : this.nextId()
      if (existing) this.update(id, fields)
      else if (!this.create(id, { ...fields, issued_at: nowIso() })) invalid({ value: 'This value is already in use.' })
      return this.get(id) as Credential
    })
  }

  /** The value in its stored form, or the form's field errors. */
  private checkedValue(draft: CredentialDraft, existing: Row | undefined): string | null {
    const types = this.store.credentialTypes.all()
    const type = types.find((t) => t.id === draft.credential_type_id)
    const normal = type && draft.value ? checkCredentialValue(type, draft.value, { allowWeakPin: true }) : undefined
    const clashes = normal?.ok
      ? (this.sql.rows('SELECT id, value FROM credentials WHERE credential_type_id = ? AND value = ?').all(idKey(draft.credential_type_id), normal.value) as Row[])
      : []
    const others = clashes.map((r) => ({ id: idFromKey(r.id as string), credential_type_id: draft.credential_type_id, value: r.value as string }))
    const keepsValue = existing !== undefined && normal?.ok === true && normal.value === existing.value
    const ruled = credentialRules({ ...draft, allow_weak_pin: draft.allow_weak_pin === true || keepsValue }, { types, credentials: others })
    if (!ruled.ok) invalid(ruled.fields)
    return ruled.value
  }

  /** Deletes a credential from the form; not_found if there is none. */
  delete(id: Id): void {
    this.store.transaction(() => this.remove(id) || notFound('credential', id))
  }
}
