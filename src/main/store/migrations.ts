import type Database from 'better-sqlite3'

/** One schema step. Versions are consecutive from 1; a database records the last one applied in user_version. */
export interface Migration {
  readonly version: number
  readonly summary: string
  readonly sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    summary: 'site entities, outbox and sync log',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE credential_types (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT NOT NULL, slug TEXT NOT NULL,
        format TEXT NOT NULL, technology TEXT NOT NULL) STRICT;
      CREATE TABLE schedules (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, weekly TEXT NOT NULL, holidays TEXT NOT NULL) STRICT;
      CREATE TABLE doors (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, mode TEXT NOT NULL,
        accepts TEXT NOT NULL, requires_pin INTEGER NOT NULL) STRICT;
      CREATE TABLE groups (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, access TEXT NOT NULL, remote_id TEXT) STRICT;
      CREATE TABLE people (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT NOT NULL, email_key TEXT NOT NULL UNIQUE,
        enabled INTEGER NOT NULL, valid_from TEXT, valid_to TEXT, group_ids TEXT NOT NULL, remote_id TEXT,
        pending_create INTEGER NOT NULL DEFAULT 0) STRICT;
      CREATE TABLE credentials (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE ON UPDATE CASCADE,
        credential_type_id TEXT NOT NULL, value TEXT NOT NULL, enabled INTEGER NOT NULL, status TEXT NOT NULL,
        label TEXT, issued_at TEXT, device TEXT, remote_id TEXT, pending_create INTEGER NOT NULL DEFAULT 0,
        UNIQUE (credential_type_id, value)) STRICT;
      CREATE INDEX credentials_person ON credentials(person_id);
      CREATE INDEX people_remote ON people(remote_id) WHERE remote_id IS NOT NULL;
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL,
        state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, payload TEXT, error TEXT, fields TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
      CREATE INDEX outbox_entity ON outbox(entity, entity_id);
      CREATE TABLE sync_log (
        seq INTEGER PRIMARY KEY, at TEXT NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL,
        entity TEXT, entity_id TEXT) STRICT;
    `
  },
  {
    version: 2,
    summary: "doors' reader radios (for diagnosis)",
    sql: 'ALTER TABLE doors ADD COLUMN reader_radios TEXT;'
  },
  {
    version: 3,
    summary: 'the DoorFlow replica: remote-id maps, account credential types, credentials, channels, events, sync flags',
    sql: `
      CREATE TABLE remote_ids (kind TEXT NOT NULL, local_id TEXT NOT NULL, remote_id TEXT NOT NULL, PRIMARY KEY (kind, local_id)) STRICT;
      CREATE UNIQUE INDEX remote_ids_remote ON remote_ids(kind, remote_id);
      INSERT INTO remote_ids (kind, local_id, remote_id) SELECT 'group', id, remote_id FROM groups WHERE remote_id IS NOT NULL;
      CREATE TABLE account_credential_types (remote_id TEXT PRIMARY KEY, code INTEGER, label TEXT NOT NULL, slug TEXT NOT NULL) STRICT;
      CREATE TABLE remote_credentials (
        remote_id TEXT PRIMARY KEY, person_remote_id TEXT NOT NULL, type_remote_id TEXT NOT NULL, value TEXT, status TEXT,
        url TEXT, wallet_type TEXT, enabled INTEGER, confirmed_at TEXT, active_seen_at TEXT, seen_at TEXT NOT NULL) STRICT;
      CREATE INDEX remote_credentials_person ON remote_credentials(person_remote_id);
      CREATE TABLE channels (
        remote_id TEXT PRIMARY KEY, door_id TEXT, name TEXT NOT NULL, status TEXT, mode TEXT, lockdown INTEGER NOT NULL,
        card_format TEXT, pin_format TEXT, reader_class TEXT, sync_status TEXT, last_sync_at TEXT, updated_at TEXT) STRICT;
      CREATE TABLE events (
        remote_id TEXT PRIMARY KEY, code INTEGER NOT NULL, kind TEXT NOT NULL, label TEXT, channel_remote_id TEXT,
        person_remote_id TEXT, credentials_number TEXT, created_at TEXT NOT NULL) STRICT;
      CREATE INDEX events_created ON events(created_at);
      CREATE TABLE sync_flags (
        entity TEXT NOT NULL, entity_id TEXT NOT NULL, flag TEXT NOT NULL, message TEXT NOT NULL, at TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, flag)) STRICT;
      ALTER TABLE people ADD COLUMN mobile TEXT;
      CREATE INDEX credentials_remote ON credentials(remote_id) WHERE remote_id IS NOT NULL;
    `
  },
  {
    version: 4,
    summary: "why a credential was revoked, when DoorFlow accepted it and its invitation link (helpdesk); people's mobile numbers came with version 3",
    sql: `
      ALTER TABLE credentials ADD COLUMN revoked_reason TEXT;
      ALTER TABLE credentials ADD COLUMN accepted_at TEXT;
      ALTER TABLE credentials ADD COLUMN invitation_url TEXT;
    `
  },
  {
    version: 5,
    summary: 'a mobile credential may have no value (an invitation): credentials.value nullable, never empty',
    // SQLite cannot drop NOT NULL in place: the table is rebuilt, every row copied, in this step's transaction.
    sql: `
      CREATE TABLE credentials_v5 (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE ON UPDATE CASCADE,
        credential_type_id TEXT NOT NULL, value TEXT CHECK (value IS NULL OR value <> ''), enabled INTEGER NOT NULL, status TEXT NOT NULL,
        label TEXT, issued_at TEXT, device TEXT, remote_id TEXT, pending_create INTEGER NOT NULL DEFAULT 0,
        revoked_reason TEXT, accepted_at TEXT, invitation_url TEXT,
        UNIQUE (credential_type_id, value)) STRICT;
      INSERT INTO credentials_v5 (row, id, person_id, credential_type_id, value, enabled, status, label, issued_at, device, remote_id, pending_create, revoked_reason, accepted_at, invitation_url)
        SELECT row, id, person_id, credential_type_id, NULLIF(value, ''), enabled, status, label, issued_at, device, remote_id, pending_create, revoked_reason, accepted_at, invitation_url FROM credentials;
      DROP TABLE credentials;
      ALTER TABLE credentials_v5 RENAME TO credentials;
      CREATE INDEX credentials_person ON credentials(person_id);
      CREATE INDEX credentials_remote ON credentials(remote_id) WHERE remote_id IS NOT NULL;
    `
  }
]

/**
 * Brings a database up to the latest version, each step in its own transaction, so a crash
 * leaves it at one version or the next. Refuses a database written by a newer Lintel.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) throw new Error(`the database is version ${current}; this Lintel knows up to ${latest}`)
  for (const step of migrations) {
    if (step.version <= current) continue
    db.transaction(() => {
      db.exec(step.sql)
      db.pragma(`user_version = ${step.version}`)
    }).immediate()
  }
  return latest
}
