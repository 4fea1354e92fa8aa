import type Database from 'better-sqlite3'
import { SiteSchema, type CredentialType, type Id, type Site, type SiteInfo } from '../../shared/domain/site'
import { idFromKey } from './database'
import { randomUUID } from 'node:crypto'
import type { Store } from './store'

/** DoorFlow's documented credential types plus the demo's card types: what a new database starts with. */
export const STANDARD_CREDENTIAL_TYPES: readonly CredentialType[] = [
  { id: 2, label: 'MIFARE DESFire EV3', slug: 'mifare-desfire-ev3', format: 'card', technology: 'nfc' },
  { id: 3, label: 'HID Prox 26-bit (H10301)', slug: 'hid-prox-26', format: 'card', technology: 'prox' },
  { id: 6, label: 'PIN', slug: 'pin', format: 'pin', technology: 'keypad' },
  { id: 8, label: 'HID Mobile Access', slug: 'hid-mobile-access', format: 'mobile', technology: 'ble+nfc' },
  { id: 9, label: 'PassFlow', slug: 'passflow', format: 'mobile', technology: 'ble' }
]


/** The table writers a site is seeded through. */
export type SiteWriters = Pick<Store, 'meta' | 'credentialTypes' | 'schedules' | 'doors' | 'groups' | 'people' | 'credentials'>

/** Writes a whole site into an empty database through each table's writer (one transaction; the caller owns it). */
export function writeSite(store: SiteWriters, site: Site): void {
  store.meta.set('site', JSON.stringify(site.site))
  store.meta.setIfAbsent('site_uid', randomUUID().slice(0, 8))
  for (const t of site.credential_types) store.credentialTypes.add(t)
  for (const s of site.schedules) store.schedules.add(s)
  for (const d of site.doors) store.doors.add(d)
  for (const g of site.groups) store.groups.add(g)
  for (const p of site.people) store.people.seed(p)
  for (const c of site.credentials) store.credentials.seed(c)
}

/** The machine's time zone: what a new database takes when none is given. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** Site information for a new, empty database: the zone given (else the machine's) and no holidays. */
export function emptySiteInfo(name: string, timezone = machineTimeZone()): SiteInfo {
  return { name, timezone, holidays: [] }
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
  if (r.mobile !== null && r.mobile !== undefined) person.mobile = r.mobile
  return person
}

/** A credentials row in the snapshot's shape. */
export function credentialOf(r: Row): unknown {
  const credential: Row = {
    id: idFromKey(str(r, 'id')), person_id: idFromKey(str(r, 'person_id')), credential_type_id: idFromKey(str(r, 'credential_type_id')),
    enabled: r.enabled === 1, status: str(r, 'status')
  }
  for (const key of ['value', 'label', 'issued_at', 'device', 'revoked_reason', 'accepted_at', 'invitation_url'] as const) {
    const value = opt(r, key)
    if (value !== undefined) credential[key] = value
  }
  return credential
}
