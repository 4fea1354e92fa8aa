import type Database from 'better-sqlite3'
import { SiteSchema, type CredentialType, type Id, type Site, type SiteInfo } from '../../shared/domain/site'
import { idFromKey, idKey } from './database'
import { randomUUID } from 'node:crypto'

/** DoorFlow's documented credential types plus the demo's card types: what a new database starts with. */
export const STANDARD_CREDENTIAL_TYPES: readonly CredentialType[] = [
  { id: 2, label: 'MIFARE DESFire EV3', slug: 'mifare-desfire-ev3', format: 'card', technology: 'nfc' },
  { id: 3, label: 'HID Prox 26-bit (H10301)', slug: 'hid-prox-26', format: 'card', technology: 'prox' },
  { id: 6, label: 'PIN', slug: 'pin', format: 'pin', technology: 'keypad' },
  { id: 8, label: 'HID Mobile Access', slug: 'hid-mobile-access', format: 'mobile', technology: 'ble+nfc' },
  { id: 9, label: 'PassFlow', slug: 'passflow', format: 'mobile', technology: 'ble' }
]

const json = (value: unknown): string => JSON.stringify(value)
const flag = (value: boolean): number => (value ? 1 : 0)

/** Writes a whole site into an empty database (one transaction; the caller owns it). */
export function writeSite(db: Database.Database, site: Site): void {
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('site', ?)").run(json(site.site))
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('site_uid', ?)").run(randomUUID().slice(0, 8))
  const type = db.prepare('INSERT INTO credential_types (id, label, slug, format, technology) VALUES (?, ?, ?, ?, ?)')
  for (const t of site.credential_types) type.run(idKey(t.id), t.label, t.slug, t.format, t.technology)
  const schedule = db.prepare('INSERT INTO schedules (id, name, weekly, holidays) VALUES (?, ?, ?, ?)')
  for (const s of site.schedules) schedule.run(idKey(s.id), s.name, json(s.weekly), s.holidays)
  const door = db.prepare('INSERT INTO doors (id, name, mode, accepts, requires_pin, reader_radios) VALUES (?, ?, ?, ?, ?, ?)')
  for (const d of site.doors) door.run(idKey(d.id), d.name, d.mode, json(d.accepts), flag(d.requires_pin), d.reader_radios ? json(d.reader_radios) : null)
  const group = db.prepare('INSERT INTO groups (id, name, access) VALUES (?, ?, ?)')
  for (const g of site.groups) group.run(idKey(g.id), g.name, json(g.access))
  const person = db.prepare(`INSERT INTO people (id, first_name, last_name, email, email_key, enabled, valid_from, valid_to, group_ids)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  for (const p of site.people) {
    person.run(idKey(p.id), p.first_name, p.last_name, p.email, p.email.toLowerCase(), flag(p.enabled), p.valid_from ?? null, p.valid_to ?? null, json(p.group_ids))
  }
  const credential = db.prepare(`INSERT INTO credentials (id, person_id, credential_type_id, value, enabled, status, label, issued_at, device)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  for (const c of site.credentials) {
    credential.run(idKey(c.id), idKey(c.person_id), idKey(c.credential_type_id), c.value, flag(c.enabled), c.status, c.label ?? null, c.issued_at ?? null, c.device ?? null)
  }
}

/** Site information for a new, empty database: the machine's time zone and no holidays. */
export function emptySiteInfo(name: string): SiteInfo {
  return { name, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', holidays: [] }
}

type Row = Record<string, unknown>
const str = (row: Row, key: string): string => row[key] as string
const opt = (row: Row, key: string): string | undefined => (row[key] === null ? undefined : (row[key] as string))
const parsed = <T>(row: Row, key: string): T => JSON.parse(row[key] as string) as T

/** The lists rows are checked against: credential types, group names and the site's time zone. */
export function readCatalog(db: Database.Database): { types: CredentialType[]; groups: { id: Id; name: string }[]; timezone: string } {
  const site = rawSite(db, true) as Pick<Site, 'credential_types' | 'groups' | 'site'>
  return { types: site.credential_types, groups: site.groups, timezone: site.site.timezone }
}

/** The whole database as a site snapshot, read in one consistent transaction and validated. */
export function readSite(db: Database.Database): Site {
  return db.transaction(() => SiteSchema.parse(rawSite(db)))()
}

function all(db: Database.Database, sql: string): Row[] {
  return db.prepare(sql).all() as Row[]
}

function rawSite(db: Database.Database, catalogOnly = false): unknown {
  const meta = db.prepare("SELECT value FROM meta WHERE key = 'site'").get() as { value: string } | undefined
  const info: unknown = meta ? JSON.parse(meta.value) : emptySiteInfo('Lintel')
  if (catalogOnly) {
    return {
      site: info,
      credential_types: all(db, 'SELECT * FROM credential_types ORDER BY row').map(typeOf),
      groups: all(db, 'SELECT id, name FROM groups ORDER BY row').map((r) => ({ id: idFromKey(str(r, 'id')), name: str(r, 'name') }))
    }
  }
  return {
    site: info,
    credential_types: all(db, 'SELECT * FROM credential_types ORDER BY row').map(typeOf),
    people: all(db, 'SELECT * FROM people ORDER BY row').map(personOf),
    credentials: all(db, 'SELECT * FROM credentials ORDER BY row').map(credentialOf),
    groups: all(db, 'SELECT * FROM groups ORDER BY row').map((r) => ({ id: idFromKey(str(r, 'id')), name: str(r, 'name'), access: parsed(r, 'access') })),
    doors: all(db, 'SELECT * FROM doors ORDER BY row').map((r) => ({
      id: idFromKey(str(r, 'id')), name: str(r, 'name'), mode: str(r, 'mode'), accepts: parsed(r, 'accepts'), requires_pin: r.requires_pin === 1,
      ...(r.reader_radios === null ? {} : { reader_radios: parsed(r, 'reader_radios') })
    })),
    schedules: all(db, 'SELECT * FROM schedules ORDER BY row').map((r) => ({
      id: idFromKey(str(r, 'id')), name: str(r, 'name'), weekly: parsed(r, 'weekly'), holidays: str(r, 'holidays')
    }))
  }
}

/** A credential_types row in the snapshot's shape. */
export function typeOf(r: Row): CredentialType {
  return {
    id: idFromKey(str(r, 'id')), label: str(r, 'label'), slug: str(r, 'slug'),
    format: str(r, 'format') as CredentialType['format'], technology: str(r, 'technology') as CredentialType['technology']
  }
}

/** A people row in the snapshot's shape. */
export function personOf(r: Row): unknown {
  const person: Row = {
    id: idFromKey(str(r, 'id')), first_name: str(r, 'first_name'), last_name: str(r, 'last_name'), email: str(r, 'email'),
    enabled: r.enabled === 1, group_ids: parsed(r, 'group_ids')
  }
  if (r.valid_from !== null) person.valid_from = r.valid_from
  if (r.valid_to !== null) person.valid_to = r.valid_to
  return person
}

/** A credentials row in the snapshot's shape. */
export function credentialOf(r: Row): unknown {
  const credential: Row = {
    id: idFromKey(str(r, 'id')), person_id: idFromKey(str(r, 'person_id')), credential_type_id: idFromKey(str(r, 'credential_type_id')),
    value: str(r, 'value'), enabled: r.enabled === 1, status: str(r, 'status')
  }
  for (const key of ['label', 'issued_at', 'device'] as const) {
    const value = opt(r, key)
    if (value !== undefined) credential[key] = value
  }
  return credential
}
