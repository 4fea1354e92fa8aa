import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LintelError } from '../../../src/shared/contract/result'
import { MIGRATIONS } from '../../../src/main/store/migrations'
import { Store } from '../../../src/main/store/store'
import { demoSite } from '../../helpers/demoSite'

let dir: string
let stores: Store[] = []
const open = (name = 'lintel.db', seed: Parameters<typeof Store.open>[1] = { kind: 'site', site: demoSite() }): Store => {
  const store = Store.open(join(dir, name), seed)
  stores.push(store)
  return store
}
const withoutNulls = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === null ? undefined : v)))
const person = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', enabled: true, group_ids: [1] }

function errorOf(work: () => unknown): LintelError {
  try {
    work()
  } catch (error) {
    if (error instanceof LintelError) return error
    throw error
  }
  throw new Error('expected a LintelError')
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-store-'))
})

afterEach(() => {
  for (const store of stores) store.close()
  stores = []
  rmSync(dir, { recursive: true, force: true })
})

describe('Store', () => {
  it('seeds a new database with the demo site and exports the same snapshot', () => {
    expect(withoutNulls(open().snapshot())).toEqual(withoutNulls(demoSite()))
  })

  it('keeps a mobile credential with no value (an invitation) as none, not an invented one', () => {
    const site = demoSite()
    const mobile = site.credentials.find((c) => site.credential_types.find((t) => t.id === c.credential_type_id)?.format === 'mobile')!
    delete mobile.value
    mobile.status = 'invited'
    const stored = open('invitation.db', { kind: 'site', site }).snapshot().credentials.find((c) => c.id === mobile.id)
    expect(stored).toMatchObject({ status: 'invited' })
    expect(stored).not.toHaveProperty('value')
  })

  it('starts a database elsewhere with only the standard credential types', () => {
    const site = open('other.db', { kind: 'standard', name: 'Other' }).snapshot()
    expect(site.credential_types.map((t) => t.id)).toEqual([2, 3, 6, 8, 9])
    expect([site.people, site.credentials, site.groups, site.doors, site.schedules].every((list) => list.length === 0)).toBe(true)
  })

  it('records where a new database\'s time zone came from: the machine (DoorFlow\'s account may replace it) or the user', () => {
    expect(open('machine.db', { kind: 'standard', name: 'A' }).meta.get('timezone_source')).toBe('machine')
    const given = open('given.db', { kind: 'standard', name: 'B', timezone: 'Europe/Berlin' })
    expect(given.meta.get('timezone_source')).toBe('given')
    expect(given.snapshot().site.timezone).toBe('Europe/Berlin')
    expect(open().meta.get('timezone_source')).toBeUndefined()
  })

  it('uses WAL, records its schema version and seeds only once', () => {
    open().close()
    const again = open('lintel.db', { kind: 'standard', name: 'ignored' })
    expect(again.fileInfo()).toEqual({ journalMode: 'wal', schemaVersion: MIGRATIONS.at(-1)?.version })
    expect(again.snapshot().people).toHaveLength(40)
  })

  it('refuses a database written by a newer Lintel', () => {
    const path = join(dir, 'future.db')
    const db = new Database(path)
    db.pragma('user_version = 99')
    db.close()
    expect(errorOf(() => open('future.db')).code).toBe('db_unreadable')
  })

  it('keeps 3 and "3" as different ids', () => {
    const site = demoSite()
    site.groups.push({ id: '3', name: 'Text id', access: [] })
    const groups = open('ids.db', { kind: 'site', site }).snapshot().groups
    expect(groups.filter((g) => g.id === 3 || g.id === '3').map((g) => g.name)).toEqual(['IT', 'Text id'])
  })
})

describe('people and credentials', () => {
  it('creates a person with a new id and queues the create', () => {
    const store = open()
    const saved = store.people.save(person)
    expect(saved).toMatchObject({ id: 41, email: 'ada@example.com' })
    expect(store.outbox.states()).toMatchObject([{ entity: 'person', entity_id: '41', op: 'create', state: 'pending' }])
  })

  it('puts field errors on the fields: a used email, a missing group', () => {
    const store = open()
    expect(errorOf(() => store.people.save({ ...person, email: 'AMIRA.haddad@example.com' })).fields).toEqual({ email: 'Another person already has this email address.' })
    expect(errorOf(() => store.people.save({ ...person, group_ids: [77] })).fields).toEqual({ group_ids: 'There is no group 77.' })
    expect(store.snapshot().people).toHaveLength(40)
  })

  it('refuses a weak PIN unless overridden, and a value already in use', () => {
    const store = open()
    const pin = { person_id: 2, credential_type_id: 6, value: '1234', enabled: true }
    expect(errorOf(() => store.credentials.save(pin)).fields?.value).toMatch(/easy to guess/)
    expect(store.credentials.save({ ...pin, allow_weak_pin: true })).toMatchObject({ person_id: 2, value: '1234', status: 'active' })
    expect(errorOf(() => store.credentials.save({ ...pin, person_id: 3, value: '159406' })).fields).toEqual({ value: 'This PIN value is already in use.' })
  })

  it('stores card values in their text form', () => {
    const store = open()
    expect(store.credentials.save({ person_id: 2, credential_type_id: 2, value: '04:aa:bb:cc:dd:ee:01', enabled: true }).value).toBe('04AABBCCDDEE01')
  })

  it('folds edits into a create not yet sent, and forgets a record deleted before it was sent', () => {
    const store = open()
    const saved = store.people.save(person)
    store.people.save({ ...person, id: saved.id, first_name: 'Augusta' })
    const credential = store.credentials.save({ person_id: saved.id, credential_type_id: 9, value: 'PF-1234-ABCD', enabled: true })
    expect(store.outbox.states().map((r) => `${r.entity}:${r.op}`)).toEqual(['person:create', 'credential:create'])
    store.credentials.delete(credential.id)
    store.people.delete(saved.id)
    expect(store.outbox.states()).toEqual([])
  })

  it('queues updates and deletes of records the server has; a delete replaces an unsent update', () => {
    const store = open()
    store.people.setRemoteId(2, '900')
    store.people.save({ ...person, id: 2, email: 'ben.whitaker@example.com' })
    expect(store.outbox.states().map((r) => r.op)).toEqual(['update'])
    store.people.delete(2)
    const rows = store.outbox.states()
    expect(rows.map((r) => r.op)).toEqual(['delete'])
    expect(JSON.parse(rows[0]?.payload ?? '{}')).toMatchObject({ remote_id: '900', system_id: expect.stringMatching(/^lintel-[0-9a-f]{8}-2$/) })
  })
})
