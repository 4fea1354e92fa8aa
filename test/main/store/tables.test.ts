import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LintelError } from '../../../src/shared/contract/result'
import { importPeople } from '../../../src/main/provisioning/importPeople'
import type { PersonFields } from '../../../src/main/store/people'
import { Store } from '../../../src/main/store/store'
import { demoSite } from '../../helpers/demoSite'

let dir: string
let store: Store

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-tables-'))
  store = Store.open(join(dir, 'lintel.db'), { kind: 'site', site: demoSite() })
})

afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const ada: PersonFields = { first_name: 'Ada', last_name: 'Lovelace', email: 'Ada@Example.com', enabled: true, valid_from: null, valid_to: null, group_ids: [1] }
const phone = { person_id: 2, credential_type_id: 9, value: 'PF-1A2B-3C4D', enabled: true, status: 'active', label: 'Phone', device: 'Pixel', issued_at: null } as const
const ops = (): string[] => store.outbox.states().map((r) => `${r.entity}:${r.entity_id}:${r.op}:${r.state}`)

function codeOf(work: () => unknown): string {
  try {
    work()
  } catch (error) {
    if (error instanceof LintelError) return error.code
    throw error
  }
  return 'no error'
}

describe('the outbox rule inside each write', () => {
  it('flags a new person for create in the same write, and queues nothing for a seeded one', () => {
    expect(ops()).toEqual([])
    store.transaction(() => store.people.create(41, ada))
    expect(ops()).toEqual(['person:41:create:pending'])
    expect(store.people.idByEmail('ada@example.COM')).toBe('41')
  })

  it('refuses a new person whose email another person holds, in any case, writing and queueing nothing', () => {
    expect(store.transaction(() => store.people.create(41, ada))).toBe(true)
    expect(store.transaction(() => store.people.create(42, { ...ada, first_name: 'Other', email: 'ADA@example.com' }))).toBe(false)
    expect(store.people.row(42)).toBeUndefined()
    expect(store.people.get(41)).toMatchObject({ first_name: 'Ada' })
    expect(ops()).toEqual(['person:41:create:pending'])
  })

  it('queues an update and a delete of a person the server has, with what the delete needs', () => {
    store.people.setRemoteId(2, '900')
    expect(ops()).toEqual([])
    store.transaction(() => store.people.update(2, ada))
    expect(ops()).toEqual(['person:2:update:pending'])
    store.transaction(() => store.people.remove(2))
    expect(ops()).toEqual(['person:2:delete:pending'])
    expect(JSON.parse(store.outbox.states()[0]?.payload ?? '{}')).toMatchObject({ remote_id: '900', system_id: expect.stringMatching(/-2$/) })
    expect(store.people.get(2)).toBeUndefined()
  })

  it('flags a new credential for create, queues its update and its delete with the holder\'s server id', () => {
    store.people.setRemoteId(2, '900')
    expect(store.transaction(() => store.credentials.create(500, phone))).toBe(true)
    expect(ops()).toEqual(['credential:500:create:pending'])
    store.credentials.setRemoteId(103, '7001')
    store.transaction(() => store.credentials.update(103, { ...phone, value: 'HID-0002-ED2766', credential_type_id: 8, enabled: false }))
    store.transaction(() => store.credentials.remove(103))
    expect(ops()).toEqual(['credential:103:delete:pending', 'credential:500:create:pending'])
    expect(JSON.parse(store.outbox.states()[0]?.payload ?? '{}')).toEqual({ remote_id: '7001', person_remote_id: '900', credential_type_id: '8', value: 'HID-0002-ED2766' })
  })

  it('refuses a credential value already held, writing and queueing nothing', () => {
    expect(store.transaction(() => store.credentials.create(500, { ...phone, credential_type_id: 8, value: 'HID-0002-ED2766' }))).toBe(false)
    expect(store.credentials.row(500)).toBeUndefined()
    expect(ops()).toEqual([])
  })

  it('rolls back the record and its queued operation together when the write throws', () => {
    store.people.setRemoteId(2, '900')
    expect(() =>
      store.transaction(() => {
        store.people.update(2, ada)
        throw new Error('power cut')
      })
    ).toThrow('power cut')
    expect(store.people.get(2)?.first_name).not.toBe('Ada')
    expect(ops()).toEqual([])
  })

  it('queues an imported change to a person exactly as a form edit does: one update, folded', async () => {
    store.people.setRemoteId(2, '900')
    const email = store.people.get(2)?.email ?? ''
    store.people.save({ ...ada, email, id: 2 })
    const csv = `first_name,last_name,email\nAugusta,King,${email}\n`
    const report = await importPeople(store, (async function* () { yield csv })())
    expect(report.updated).toBe(1)
    expect(ops()).toEqual(['person:2:update:pending'])
    expect(store.people.get(2)).toMatchObject({ first_name: 'Augusta', last_name: 'King', group_ids: [1] })
  })

  it('imports a new person and credential as flagged creates, like the forms', async () => {
    const csv = 'first_name,last_name,email,credential_type,credential_value\nGrace,Hopper,grace@example.com,PassFlow,PF-9Z9Z-0001\n'
    const report = await importPeople(store, (async function* () { yield csv })())
    expect(report.imported).toBe(1)
    const newest = store.credentials.remoteIds().at(-1)?.id
    expect(store.credentials.holderOf(9, 'PF-9Z9Z-0001')).toBe('41')
    expect(ops()).toEqual(['person:41:create:pending', `credential:${newest}:create:pending`])
  })
})

describe('meta', () => {
  it('gets, sets, keeps a first value and deletes keys', () => {
    expect(store.meta.get('api_url')).toBeUndefined()
    store.meta.set('api_url', 'https://a.example')
    store.meta.set('api_url', 'https://b.example')
    expect(store.meta.setIfAbsent('api_url', 'https://c.example')).toBe(false)
    expect(store.meta.get('api_url')).toBe('https://b.example')
    expect(store.meta.delete('api_url')).toBe(true)
    expect(store.meta.delete('api_url')).toBe(false)
    expect(store.meta.get('site_uid')).toMatch(/^[0-9a-f]{8}$/)
  })
})

describe('groups, doors and schedules', () => {
  it('creates and edits a group that opens existing doors, and refuses a missing door', () => {
    const group = store.groups.save({ name: 'Night shift', access: [{ door_ids: [1, 2], schedule_id: null }] })
    expect(group.id).toBe(7)
    expect(store.groups.save({ ...group, name: 'Late shift' }).name).toBe('Late shift')
    expect(store.snapshot().groups.find((g) => g.id === 7)?.name).toBe('Late shift')
    expect(codeOf(() => store.groups.save({ name: 'Ghosts', access: [{ door_ids: [99], schedule_id: null }] }))).toBe('invalid_record')
    expect(codeOf(() => store.groups.save({ id: 70, name: 'Nobody', access: [] }))).toBe('not_found')
    expect(ops()).toEqual([])
  })

  it('deletes a group and a door, and answers not_found for one that is not there', () => {
    store.groups.delete(6)
    expect(store.groups.exists(6)).toBe(false)
    expect(codeOf(() => store.groups.delete(6))).toBe('not_found')
    store.doors.delete(6)
    expect(store.doors.exists(6)).toBe(false)
    expect(codeOf(() => store.doors.delete(6))).toBe('not_found')
  })

  it('saves a door that accepts existing credential types and keeps its reader radios on edit', () => {
    const before = store.snapshot().doors.find((d) => d.id === 1)
    const door = store.doors.save({ id: 1, name: 'Main Entrance', mode: before?.mode ?? 'normal', accepts: [8, 9], requires_pin: false })
    expect(door.name).toBe('Main Entrance')
    expect(store.snapshot().doors.find((d) => d.id === 1)?.reader_radios).toEqual(before?.reader_radios)
    expect(codeOf(() => store.doors.save({ name: 'Vault', mode: 'normal', accepts: [42], requires_pin: true }))).toBe('invalid_record')
  })

  it('reads schedules as the snapshot has them', () => {
    expect(store.schedules.all()).toEqual(demoSite().schedules)
    expect(store.schedules.get(1)).toEqual(demoSite().schedules[0])
    expect(store.schedules.get(99)).toBeUndefined()
  })
})
