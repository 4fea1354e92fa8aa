import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PulledPersonFields } from '../../../src/main/store/people'
import { Store } from '../../../src/main/store/store'

let dir: string
let store: Store

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-pulled-'))
  store = Store.open(join(dir, 'lintel.db'), { kind: 'standard', name: 'Pulled' })
})

afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const grace: PulledPersonFields = {
  first_name: 'Grace',
  last_name: 'Hopper',
  email: 'Grace@Example.com',
  email_key: 'grace@example.com',
  enabled: true,
  valid_from: null,
  valid_to: null,
  group_ids: [1],
  mobile: null,
  remote_id: 'p-1'
}

describe('writes that come from DoorFlow queue nothing', () => {
  it('adds, refreshes and removes pulled people, groups, doors, types and credentials without an outbox operation', () => {
    store.transaction(() => {
      expect(store.credentialTypes.addFromAccount({ id: 99, label: 'Card 99', slug: 'card-99', format: 'card', technology: 'nfc' })).toBe(true)
      expect(store.credentialTypes.addFromAccount({ id: 99, label: 'Other', slug: 'other', format: 'card', technology: 'nfc' })).toBe(false)
      store.groups.addPulled('1', 'Staff', 'g-1')
      store.groups.applyPulled('1', 'All staff', 'g-1')
      store.doors.addPulled('1', 'Front', 'normal', [99])
      store.doors.applyPulledMode('1', 'lockdown')
      store.people.addPulled('1', grace)
      store.people.applyPulled('1', { ...grace, first_name: 'Amazing Grace', enabled: false })
      store.credentials.addPulled('1', { person_key: '1', type_key: '99', value: '1234', enabled: true, status: 'active', remote_id: 'c-1' })
      store.credentials.applyPulledState('1', { status: 'revoked' })
      store.credentials.applyPulledState('1', { enabled: false })
    })
    const site = store.snapshot()
    expect(site.credential_types.find((t) => t.id === 99)?.label).toBe('Card 99')
    expect(site.groups).toEqual([{ id: 1, name: 'All staff', access: [] }])
    expect(site.doors).toEqual([expect.objectContaining({ id: 1, name: 'Front', mode: 'lockdown', accepts: [99], requires_pin: false })])
    expect(store.people.get(1)).toMatchObject({ first_name: 'Amazing Grace', enabled: false, group_ids: [1] })
    expect(store.people.remoteId(1)).toBe('p-1')
    expect(store.credentials.get(1)).toMatchObject({ status: 'revoked', enabled: false, value: '1234' })
    expect(store.outbox.states()).toEqual([])

    store.transaction(() => store.groups.unlink('1'))
    store.transaction(() => store.credentials.removePulled('1'))
    expect(store.credentials.count()).toBe(0)
    store.transaction(() => store.people.removePulled('1'))
    expect(store.people.count()).toBe(0)
    expect(store.outbox.states()).toEqual([])
  })
})
