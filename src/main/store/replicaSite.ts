import { idFromKey, idKey, nowIso } from './database'
import type { Replica } from './replica'
import type { Statements } from './statements'
import type { Store } from './store'

/** A credential as pulled from `GET /api/3/credentials`, in one shape whichever source's shape it came in. */
export interface PulledCredential {
  remote_id: string
  person_remote_id: string
  type_remote_id: string
  /** Absent for mobile credentials (DoorFlow's invitation decides) and masked PINs. */
  value: string | null
  status: 'invited' | 'active' | 'revoking' | 'revoked' | null
  url: string | null
  wallet_type: string | null
  /** Only where the guide's `enabled` is shown. */
  enabled: boolean | null
}

/** A channel (door controller) as pulled. */
export interface PulledChannel {
  remote_id: string
  name: string
  status: string | null
  mode: 'normal' | 'unlock' | null
  lockdown: boolean
  card_format: string | null
  pin_format: string | null
  reader_class: string | null
  sync_status: string | null
  last_sync_at: string | null
  updated_at: string | null
}

/** An event as pulled, classed by its code. */
export interface PulledEvent {
  remote_id: string
  code: number
  kind: 'admit' | 'reject' | 'other'
  label: string | null
  channel_remote_id: string | null
  person_remote_id: string | null
  credentials_number: string | null
  created_at: string
}

/** A credential's state in the replica (`enabled` 0/1 only where DoorFlow shows the guide's field). */
export interface RemoteCredentialState {
  status: string | null
  url: string | null
  wallet_type: string | null
  enabled: number | null
  confirmed_at: string | null
  active_seen_at: string | null
}

/** What applying pulled credentials did; `warnings` go to the sync log. */
export interface CredentialsOutcome {
  linked: number
  added: number
  removed: number
  flagged: { localId: string; message: string }[]
  warnings: string[]
}

const LOCAL_STATUS = { invited: 'invited', active: 'active', revoked: 'revoked' } as const

/** What a replica row holds that a pull can change (an active credential's first-seen time counts once it is set). */
function fingerprint(c: PulledCredential, enabled: number | null): string {
  const active = c.status === 'active' ? 'seen' : NONE
  return [c.person_remote_id, c.type_remote_id, c.value ?? NONE, c.status ?? NONE, c.url ?? NONE, c.wallet_type ?? NONE, enabled ?? NONE, active].join(SEP)
}

const NONE = '\u2205'
const SEP = '\u0001'
/** {@link fingerprint} computed by SQLite over a stored row. */
const STORED_FINGERPRINT = ['person_remote_id', 'type_remote_id', 'value', 'status', 'url', 'wallet_type', 'CAST(enabled AS TEXT)', "CASE WHEN active_seen_at IS NULL THEN NULL ELSE 'seen' END"]
  .map((column) => `COALESCE(${column}, '${NONE}')`)
  .join(` || char(1) || `)

/**
 * The store's side of sync for credentials, channels (as doors) and events; pulled credentials and
 * doors are written through their tables' writers. The one writer of `remote_credentials`,
 * `channels` and `events`.
 */
export class ReplicaSite {
  constructor(
    private readonly sql: Statements,
    private readonly store: Pick<Store, 'credentials' | 'doors'>,
    private readonly replica: Replica
  ) {}

  /**
   * Applies every credential of the account. Each is kept in the replica (status, url, wallet
   * type); a linked local credential without unpushed changes takes its status; one Lintel has never
   * seen is added when its person and type are known here and its value is (a mobile one is added with none). With `complete` (the whole list
   * was read), local credentials DoorFlow no longer has are removed, or flagged if they have unpushed changes.
   */
  applyCredentials(list: readonly PulledCredential[], complete: boolean): CredentialsOutcome {
    const outcome: CredentialsOutcome = { linked: 0, added: 0, removed: 0, flagged: [], warnings: [] }
    const upsert = this.sql.rows(`INSERT INTO remote_credentials (remote_id, person_remote_id, type_remote_id, value, status, url, wallet_type, enabled, active_seen_at, seen_at)
      VALUES (@remote_id, @person_remote_id, @type_remote_id, @value, @status, @url, @wallet_type, @enabled, @active, @seen)
      ON CONFLICT(remote_id) DO UPDATE SET person_remote_id = excluded.person_remote_id, type_remote_id = excluded.type_remote_id, value = excluded.value, status = excluded.status,
        url = excluded.url, wallet_type = excluded.wallet_type, enabled = COALESCE(excluded.enabled, remote_credentials.enabled), seen_at = excluded.seen_at,
        active_seen_at = COALESCE(remote_credentials.active_seen_at, excluded.active_seen_at)`)
    const seen = nowIso()
    const stored = this.storedRemoteCredentials()
    const linked = this.linkedCredentials()
    let next = this.replica.nextId('credentials')
    for (const c of list) {
      const enabled = c.enabled === null ? null : c.enabled ? 1 : 0
      const changed = stored.get(c.remote_id) !== fingerprint(c, enabled)
      if (changed) upsert.run({ ...c, enabled, active: c.status === 'active' ? seen : null, seen })
      const local = linked.get(c.remote_id)
      let localKey: string | undefined = local?.id
      if (local) {
        outcome.linked++
        if (this.differs(local, c) && !this.replica.hasUnpushedChanges('credential', local.id)) this.refreshCredential(local.id, c)
      } else if (this.addPulledCredential(idKey(next), c)) {
        localKey = idKey(next++)
        outcome.added++
      }
      if (changed && localKey !== undefined) this.noteAcceptance(localKey, c)
    }
    if (complete) this.removeMissingCredentials(new Set(list.map((c) => c.remote_id)), outcome)
    return outcome
  }

  /** The invitation link, and when DoorFlow accepted it (the 2-minute wait's start), onto the local credential. */
  private noteAcceptance(localKey: string, c: PulledCredential): void {
    const id = idFromKey(localKey)
    if (c.url) this.store.credentials.setInvitationUrl(id, c.url)
    const start = this.waitStartsAt(c.remote_id)
    if (start) this.store.credentials.markAccepted(id, start)
  }

  private storedRemoteCredentials(): Map<string, string> {
    const rows = this.sql.rows(`SELECT remote_id, ${STORED_FINGERPRINT} AS print FROM remote_credentials`).all() as { remote_id: string; print: string }[]
    return new Map(rows.map((r) => [r.remote_id, r.print]))
  }

  private linkedCredentials(): Map<string, { id: string; status: string; enabled: number }> {
    const rows = this.sql.rows('SELECT id, remote_id, status, enabled FROM credentials WHERE remote_id IS NOT NULL').all() as { id: string; remote_id: string; status: string; enabled: number }[]
    return new Map(rows.map((r) => [r.remote_id, r]))
  }

  private differs(local: { status: string; enabled: number }, c: PulledCredential): boolean {
    const status = c.status && c.status !== 'revoking' ? LOCAL_STATUS[c.status] : local.status
    return status !== local.status || (c.enabled !== null && (c.enabled ? 1 : 0) !== local.enabled)
  }

  private refreshCredential(localId: string, c: PulledCredential): void {
    const status = c.status && c.status !== 'revoking' ? LOCAL_STATUS[c.status] : undefined
    this.store.credentials.applyPulledState(localId, { status, enabled: c.enabled ?? undefined })
  }

  private addPulledCredential(id: string, c: PulledCredential): boolean {
    const person = this.sql.value('SELECT id FROM people WHERE remote_id = ?').get(c.person_remote_id) as string | undefined
    const type = this.replica.localIdOf('credential_type', c.type_remote_id)
    if (person === undefined || type === null) return false
    // DoorFlow gives a mobile credential no value: it is kept with none, linked by its remote id (never an invented value).
    // A masked value of another type (a PIN shown as "******") is not stored: Lintel cannot know it.
    const hidden = c.value === null || /^[*•]+$/.test(c.value)
    if (hidden && !this.replica.isMobileType(type)) return false
    const value = hidden ? null : c.value
    if (value !== null && this.sql.rows('SELECT 1 FROM credentials WHERE credential_type_id = ? AND value = ?').get(type, value)) return false
    const status = c.status && c.status !== 'revoking' ? LOCAL_STATUS[c.status] : 'active'
    this.store.credentials.addPulled(id, { person_key: person, type_key: type, value, enabled: c.enabled !== false, status, remote_id: c.remote_id })
    return true
  }

  private removeMissingCredentials(present: Set<string>, outcome: CredentialsOutcome): void {
    const linked = this.sql.rows('SELECT id, remote_id FROM credentials WHERE remote_id IS NOT NULL').all() as { id: string; remote_id: string }[]
    for (const row of linked) {
      if (present.has(row.remote_id)) continue
      if (this.replica.hasUnpushedChanges('credential', row.id)) {
        outcome.flagged.push({ localId: row.id, message: `credential ${row.id} was deleted on DoorFlow but has changes not yet pushed; kept here, flagged` })
        continue
      }
      this.store.credentials.removePulled(row.id)
      outcome.removed++
    }
    for (const remote of this.sql.value('SELECT remote_id FROM remote_credentials').all() as string[]) {
      if (!present.has(remote)) this.sql.rows('DELETE FROM remote_credentials WHERE remote_id = ?').run(remote)
    }
  }

  /** A credential's state in the replica: DoorFlow's status, PassFlow url, and when it was confirmed and first seen active. */
  remoteCredential(remoteId: string): RemoteCredentialState | undefined {
    return this.sql.rows('SELECT status, url, wallet_type, enabled, confirmed_at, active_seen_at FROM remote_credentials WHERE remote_id = ?').get(remoteId) as RemoteCredentialState | undefined
  }

  /**
   * When the 2-minute wait for a credential starts: the later of the push's confirmation and the
   * first pull that saw it `active`; null until a pull has seen it active.
   */
  waitStartsAt(remoteId: string): string | null {
    const row = this.remoteCredential(remoteId)
    if (!row?.active_seen_at) return null
    return row.confirmed_at && row.confirmed_at > row.active_seen_at ? row.confirmed_at : row.active_seen_at
  }

  /**
   * Records the `enabled` last sent for a credential (the guide's field), so a later change of it is
   * sent too. A pull that does not show the field keeps it.
   */
  recordEnabledSent(remoteId: string, personRemoteId: string, typeRemoteId: string, enabled: boolean): void {
    this.sql.rows('INSERT OR IGNORE INTO remote_credentials (remote_id, person_remote_id, type_remote_id, seen_at) VALUES (?, ?, ?, ?)').run(remoteId, personRemoteId, typeRemoteId, nowIso())
    this.sql.rows('UPDATE remote_credentials SET enabled = ? WHERE remote_id = ?').run(enabled ? 1 : 0, remoteId)
  }

  /** The instant a credential was confirmed pushed (for the 2-minute wait). */
  markCredentialConfirmed(remoteId: string, personRemoteId: string, typeRemoteId: string): void {
    this.sql
      .rows('INSERT INTO remote_credentials (remote_id, person_remote_id, type_remote_id, confirmed_at, seen_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(remote_id) DO UPDATE SET confirmed_at = excluded.confirmed_at')
      .run(remoteId, personRemoteId, typeRemoteId, nowIso(), nowIso())
  }

  /** Records DoorFlow's status of a credential (e.g. `revoking` after a 202 on delete). */
  setRemoteStatus(remoteId: string, status: string): void {
    this.sql.rows('UPDATE remote_credentials SET status = ? WHERE remote_id = ?').run(status, remoteId)
  }

  /**
   * Saves channels and maps each onto a local door (by link, then by name, else a new door that
   * accepts the account's types). DoorFlow's mode and lockdown set the door's mode; which groups
   * open it stays a local rule.
   */
  applyChannels(channels: readonly PulledChannel[]): { doorsAdded: number } {
    let next = this.replica.nextId('doors')
    let doorsAdded = 0
    const accepts = this.sql.value("SELECT local_id FROM remote_ids WHERE kind = 'credential_type'").all().map((k) => JSON.parse(k as string) as unknown)
    for (const ch of channels) {
      const mode = ch.lockdown ? 'lockdown' : ch.mode === 'unlock' ? 'unlocked' : 'normal'
      let door = this.replica.localIdOf('door', ch.remote_id)
      door ??= (this.sql.value("SELECT id FROM doors WHERE lower(name) = lower(?) AND id NOT IN (SELECT local_id FROM remote_ids WHERE kind = 'door')").get(ch.name) as string | undefined) ?? null
      if (door === null) {
        door = idKey(next++)
        this.store.doors.addPulled(door, ch.name, mode, accepts)
        doorsAdded++
      } else this.store.doors.applyPulledMode(door, mode)
      this.replica.link('door', door, ch.remote_id)
      this.sql
        .rows('INSERT OR REPLACE INTO channels (remote_id, door_id, name, status, mode, lockdown, card_format, pin_format, reader_class, sync_status, last_sync_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)')
        .run(ch.remote_id, door, ch.name, ch.status, ch.mode, ch.lockdown ? 1 : 0, ch.card_format, ch.pin_format, ch.reader_class, ch.sync_status, ch.last_sync_at, ch.updated_at)
    }
    return { doorsAdded }
  }

  /** The channels as last pulled. */
  channels(): (PulledChannel & { door_id: string | null })[] {
    const rows = this.sql.rows('SELECT * FROM channels ORDER BY name').all() as (Omit<PulledChannel, 'lockdown'> & { door_id: string | null; lockdown: number })[]
    return rows.map((r) => ({ ...r, lockdown: r.lockdown === 1 }))
  }

  /** Adds pulled events (an event seen again is kept once). */
  addEvents(events: readonly PulledEvent[]): void {
    const insert = this.sql.rows('INSERT OR IGNORE INTO events (remote_id, code, kind, label, channel_remote_id, person_remote_id, credentials_number, created_at) VALUES (@remote_id, @code, @kind, @label, @channel_remote_id, @person_remote_id, @credentials_number, @created_at)')
    for (const event of events) insert.run(event)
  }

  /**
   * Pulled events, oldest first, with the local door and person they name where the remote-id
   * maps know them; optionally only those since an instant (ISO), at a door or of a person (local ids).
   */
  events(filter: { since?: string; until?: string; doorId?: string; personId?: string; limit?: number } = {}): (PulledEvent & { door_id: string | null; person_id: string | null })[] {
    const rows = this.sql.rows(
      `SELECT e.*, d.local_id AS door_id, p.id AS person_id FROM events e
       LEFT JOIN remote_ids d ON d.kind = 'door' AND d.remote_id = e.channel_remote_id
       LEFT JOIN people p ON p.remote_id = e.person_remote_id
       WHERE (@since IS NULL OR e.created_at >= @since) AND (@until IS NULL OR e.created_at <= @until) AND (@door IS NULL OR d.local_id = @door) AND (@person IS NULL OR p.id = @person)
       ORDER BY e.created_at DESC LIMIT @limit`
    ).all({ since: filter.since ?? null, until: filter.until ?? null, door: filter.doorId ?? null, person: filter.personId ?? null, limit: filter.limit ?? 1000 })
    return (rows as (PulledEvent & { door_id: string | null; person_id: string | null })[]).reverse()
  }

  /** Drops events older than `before` (ISO); returns how many. */
  pruneEvents(before: string): number {
    return this.sql.rows('DELETE FROM events WHERE created_at < ?').run(before).changes
  }

  /** The newest event's time, or null. */
  newestEventAt(): string | null {
    return (this.sql.value('SELECT MAX(created_at) FROM events').get() as string | null) ?? null
  }

  /** How many events are kept. */
  eventCount(): number {
    return this.sql.value('SELECT COUNT(*) FROM events').get() as number
  }

  /** Values of PIN credentials, so an event's number that matches one is masked. */
  pinValues(): Set<string> {
    return new Set(this.sql.value("SELECT c.value FROM credentials c JOIN credential_types t ON t.id = c.credential_type_id WHERE t.format = 'pin'").all() as string[])
  }
}
