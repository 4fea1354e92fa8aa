import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Store } from '../../../src/main/store/store'
import { demoSite } from '../../helpers/demoSite'

let dir: string
let store: Store

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-revocation-'))
  store = Store.open(join(dir, 'lintel.db'), { kind: 'site', site: demoSite() })
})

afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('why a credential was revoked, in the store', () => {
  it('keeps the seeded reason (the demo: Farhan lost his Pixel 7)', () => {
    expect(store.credentials.get(191)).toMatchObject({ status: 'revoked', revoked_reason: 'lost' })
    expect(store.snapshot().credentials.find((c) => c.id === 191)?.revoked_reason).toBe('lost')
  })

  it('records the reason when a credential is revoked, and drops it when it is active again', () => {
    const phone = store.credentials.get(111)!
    store.credentials.save({ ...phone, status: 'revoked', revoked_reason: 'stolen' })
    expect(store.credentials.get(111)).toMatchObject({ status: 'revoked', revoked_reason: 'stolen' })
    store.credentials.save({ ...store.credentials.get(111)!, status: 'active', revoked_reason: null })
    expect(store.credentials.get(111)?.revoked_reason).toBeUndefined()
  })

  it('refuses a reason outside lost, stolen, replaced, left and other', () => {
    const phone = store.credentials.get(111)!
    expect(() => store.credentials.save({ ...phone, status: 'revoked', revoked_reason: 'dropped' })).toThrow()
  })
})

describe("when DoorFlow accepted a credential", () => {
  it('keeps the later of the push confirmation and the first active pull', () => {
    store.credentials.markAccepted(111, '2026-12-02T10:00:30Z')
    store.credentials.markAccepted(111, '2026-12-02T10:00:10+00:00')
    expect(store.credentials.get(111)?.accepted_at).toBe('2026-12-02T10:00:30.000Z')
    store.credentials.markAccepted(111, '2026-12-02T11:00:00+01:00')
    expect(store.credentials.get(111)?.accepted_at).toBe('2026-12-02T10:00:30.000Z')
    store.credentials.markAccepted(111, '2026-12-02T10:01:00Z')
    expect(store.credentials.get(111)?.accepted_at).toBe('2026-12-02T10:01:00.000Z')
  })
})

describe('mobile numbers on people', () => {
  it('stores a mobile number as E.164, keeps it when a save leaves it out, and clears it with null', () => {
    const ben = store.people.get(2)!
    expect(store.people.save({ ...ben, mobile: '+44 7700 900123' }).mobile).toBe('+447700900123')
    expect(store.people.save({ ...store.people.get(2)!, mobile: undefined, last_name: 'Whitaker-Jones' }).mobile).toBe('+447700900123')
    expect(store.snapshot().people.find((p) => p.id === 2)?.mobile).toBe('+447700900123')
    expect(store.people.save({ ...store.people.get(2)!, mobile: null }).mobile).toBeUndefined()
  })

  it('refuses a local-format number with a clear message on the mobile field', () => {
    const ben = store.people.get(2)!
    try {
      store.people.save({ ...ben, mobile: '07700 900123' })
      throw new Error('saved')
    } catch (error) {
      expect((error as { fields?: Record<string, string> }).fields?.mobile).toMatch(/local format/)
    }
  })
})
