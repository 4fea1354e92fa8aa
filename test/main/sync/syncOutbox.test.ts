import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/logger'
import { importPeople } from '../../../src/main/provisioning/importPeople'
import { idFromKey } from '../../../src/main/store/database'
import { Store } from '../../../src/main/store/store'
import { syncOutbox, type SyncOptions } from '../../../src/main/sync/syncOutbox'
import { peopleCsvChunks } from '../../fixtures/csv/peopleCsv'
import { startDoorFlowFixture, type DoorFlowFixture, type DoorFlowFixtureOptions } from '../../fixtures/doorflow/server'

let dir: string
let store: Store
let server: DoorFlowFixture | undefined

const FAST = { baseMs: 1, maxMs: 20, attempts: 12 }

async function load(people: number, from = 0): Promise<void> {
  async function* chunks(): AsyncGenerator<string> {
    yield* peopleCsvChunks(people, { from })
  }
  await importPeople(store, chunks())
}

async function serve(options: DoorFlowFixtureOptions = {}): Promise<DoorFlowFixture> {
  server = await startDoorFlowFixture(options)
  return server
}

const sync = (fixture: DoorFlowFixture, options: Partial<SyncOptions> = {}) =>
  syncOutbox(store, { baseUrl: fixture.url, tokens: { access_token: fixture.tokens.access }, backoff: FAST, log: silentLogger, ...options })

/** Every credential on the server once and only once, and every person once. */
function expectExactlyOnce(fixture: DoorFlowFixture, people: number, credentials: number): void {
  const remote = [...fixture.state.credentials.values()]
  expect(remote).toHaveLength(credentials)
  expect(new Set(remote.map((c) => `${c.credential_type_id}:${c.value}`)).size).toBe(credentials)
  const systemIds = [...fixture.state.people.values()].map((p) => p.system_id)
  expect(systemIds).toHaveLength(people)
  expect(new Set(systemIds).size).toBe(people)
  expect(store.credentials.remoteIds().filter((c) => c.remote_id === null)).toEqual([])
  expect(store.outbox.states()).toEqual([])
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-sync-'))
  store = Store.open(join(dir, 'lintel.db'), { kind: 'standard', name: 'Sync test' })
})

afterEach(async () => {
  // Every request the client sent must be one DoorFlow's published OpenAPI accepts.
  expect(server?.violations ?? []).toEqual([])
  await server?.stop()
  server = undefined
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('syncOutbox', () => {
  it('pushes 10,000 credentials exactly once through 5xx, dropped-after-commit and 429 faults', async () => {
    await load(5_000)
    const fixture = await serve({ seed: 7, faults: { serverErrorRate: 0.1, dropAfterCommitRate: 0.05, tooManyEvery: 97, retryIn: 0.005 } })
    const report = await sync(fixture)
    expect(report.failed).toEqual([])
    expect(fixture.counts.dropped).toBeGreaterThan(500)
    expect(fixture.counts.serverErrors).toBeGreaterThan(1000)
    expect(fixture.counts.tooMany).toBeGreaterThan(100)
    expect(report.reconciled).toBeGreaterThan(0)
    expect(report.pushed + report.reconciled).toBe(15_000)
    expectExactlyOnce(fixture, 5_000, 10_000)
  }, 120_000)

  it('reads lists wrapped or as plain arrays, and pulls credential types and groups', async () => {
    for (const [i, listShape] of (['wrapped', 'plain'] as const).entries()) {
      const fixture = await serve({ listShape, faults: { dropAfterCommitRate: 1 } })
      await load(3, i * 3)
      const report = await sync(fixture)
      expect(report).toMatchObject({ failed: [], reconciled: 9, pulled: { credential_types: 3, groups: 2 } })
      expect(store.snapshot().groups.map((g) => g.name)).toEqual(['Staff', 'IT'])
      await fixture.stop()
    }
  })

  it('shows a 422 next to the record and never retries it blindly', async () => {
    const fixture = await serve()
    await load(2)
    await sync(fixture)
    // The value is in use on another person: DoorFlow refuses it.
    fixture.state.addCredential([...fixture.state.people.keys()][1] ?? 0, { credential_type_id: fixture.state.typeId(9), value: 'PF-AAAA-0001' })
    store.credentials.save({ person_id: 1, credential_type_id: 9, value: 'PF-AAAA-0001', enabled: true })
    const report = await sync(fixture)
    expect(report.failed).toEqual([
      { entity: 'credential', id: '5', op: 'create', code: 'rejected', message: 'DoorFlow refused it: value is already in use', fields: { value: 'value is already in use' } }
    ])
    const writes = fixture.counts.writes
    // Not sent again, but still open: listed so that `lintel sync` exits 1 (CONVENTIONS.md).
    expect((await sync(fixture)).failed).toEqual(report.failed)
    expect(fixture.counts.writes).toBe(writes)
    expect(store.outbox.states()).toMatchObject([{ state: 'failed', fields: '{"value":"value is already in use"}' }])
  })

  it('adopts the existing credential when a create answers 409 (already on this person)', async () => {
    const fixture = await serve()
    await load(1)
    await sync(fixture)
    const existing = fixture.state.addCredential([...fixture.state.people.keys()][0] ?? 0, { credential_type_id: fixture.state.typeId(9), value: 'PF-AAAA-0001' })
    store.credentials.save({ person_id: 1, credential_type_id: 9, value: 'PF-AAAA-0001', enabled: true })
    const report = await sync(fixture)
    expect(report).toMatchObject({ failed: [], reconciled: 1 })
    expect(store.credentials.remoteId(3)).toBe(existing.id)
    expectExactlyOnce(fixture, 1, 3)
  })

  it('creates a value-less mobile credential as an invitation: no value sent, linked by remote id, its url kept', async () => {
    const fixture = await serve()
    await load(1)
    await sync(fixture)
    const saved = store.credentials.save({ person_id: 1, credential_type_id: 9, value: '', enabled: true })
    expect(saved).toMatchObject({ status: 'invited' })
    expect(saved).not.toHaveProperty('value')
    expect(await sync(fixture)).toMatchObject({ failed: [] })
    const remoteId = store.credentials.remoteId(saved.id)
    const remote = fixture.state.credentials.get(remoteId ?? '')
    expect(remote).toMatchObject({ status: 'invited', value: null })
    await sync(fixture)
    expect(store.credentials.get(saved.id)).toMatchObject({ status: 'invited', invitation_url: remote?.url })
    expect(store.credentials.get(saved.id)).not.toHaveProperty('value')
    expect(store.snapshot().credentials.filter((c) => store.credentials.remoteId(c.id) === remoteId)).toHaveLength(1)
  })

  it('reads every page when the server caps per_page, when pulling and when reconciling', async () => {
    const fixture = await serve({ maxPerPage: 2, faults: { dropAfterCommitRate: 1 } })
    await load(3)
    store.credentials.save({ person_id: 1, credential_type_id: 9, value: 'PF-AAAA-0002', enabled: true })
    const report = await sync(fixture, { concurrency: 1 })
    expect(report).toMatchObject({ failed: [], reconciled: 10, pulled: { credential_types: 3, groups: 2 } })
    expectExactlyOnce(fixture, 3, 7)
  })

  it('adopts a PIN whose create was dropped after commit although the server masks PIN values', async () => {
    const fixture = await serve({ maskPins: true, faults: { dropAfterCommitRate: 1 } })
    await load(3)
    const report = await sync(fixture)
    expect(report).toMatchObject({ failed: [], reconciled: 9 })
    expectExactlyOnce(fixture, 3, 6)
  })

  it('reads the id back when a create answers 2xx without one', async () => {
    const fixture = await serve({ bareCreates: true })
    await load(2)
    const report = await sync(fixture)
    expect(report).toMatchObject({ failed: [], pushed: 6, reconciled: 0 })
    expectExactlyOnce(fixture, 2, 4)
  })

  it('refreshes an expired token once, saving the rotated tokens', async () => {
    const fixture = await serve({ faults: { expireTokenEvery: 5 } })
    await load(5)
    const saved: unknown[] = []
    const tokenStore = { encrypted: false, read: () => undefined, write: (t: unknown) => void saved.push(t) }
    const report = await sync(fixture, { tokens: { access_token: fixture.tokens.access, refresh_token: 'refresh-0', client_id: 'lintel-test' }, tokenStore })
    expect(report.failed).toEqual([])
    expect(fixture.counts.refreshes).toBeGreaterThan(1)
    // The fixture marks an expired token by renaming the one it expects (`access-3` → `access-3-expired`).
    expect(saved.at(-1)).toMatchObject({ access_token: fixture.tokens.access.replace(/-expired$/, ''), refresh_token: fixture.tokens.refresh, client_id: 'lintel-test' })
  })

  it('keeps going when tokens expire faster than the workers use them, and saves the last rotation', async () => {
    const fixture = await serve({ faults: { expireTokenEvery: 3 } })
    await load(20)
    const saved: { refresh_token?: string }[] = []
    const tokenStore = { encrypted: false, read: () => undefined, write: (t: { refresh_token?: string }) => void saved.push(t) }
    const report = await sync(fixture, { tokens: { access_token: fixture.tokens.access, refresh_token: 'refresh-0', client_id: 'lintel-test' }, tokenStore, concurrency: 4 })
    expect(report.failed).toEqual([])
    expect(fixture.counts.refreshes).toBeGreaterThan(5)
    expect(saved.at(-1)?.refresh_token).toBe(fixture.tokens.refresh)
    expectExactlyOnce(fixture, 20, 40)
  })

  it('stops with sync_unauthorized when the token is refused and cannot be refreshed', async () => {
    const fixture = await serve()
    await load(1)
    await expect(sync(fixture, { tokens: { access_token: 'wrong' } })).rejects.toMatchObject({ code: 'sync_unauthorized' })
  })

  it('waits retry_in seconds on 429 before asking again', async () => {
    const fixture = await serve({ faults: { tooManyEvery: 2, retryIn: 0.2 } })
    await load(2)
    const started = Date.now()
    expect((await sync(fixture, { concurrency: 1, pull: false })).failed).toEqual([])
    expect(fixture.counts.tooMany).toBeGreaterThanOrEqual(5)
    expect(Date.now() - started).toBeGreaterThanOrEqual(fixture.counts.tooMany * 195)
  })
})

describe('pulling people', () => {
  it('links people the server already has by email and adds the ones Lintel has never seen', async () => {
    const fixture = await serve()
    await load(2)
    const known = fixture.state.addPerson({ first_name: 'Amy', last_name: 'Known', email: 'PERSON0@example.com' })
    fixture.state.addPerson({ first_name: 'Nina', last_name: 'New', email: 'nina@example.com' })
    const report = await sync(fixture)
    expect(report).toMatchObject({ failed: [], pulled: { people: 2 } })
    const people = store.snapshot().people
    expect(people.map((p) => p.email)).toEqual(['person0@example.com', 'person1@example.com', 'nina@example.com'])
    expect(store.people.remoteId(idFromKey(store.people.idByEmail('person0@example.com') ?? '0'))).toBe(String(known.id))
    expect([...fixture.state.people.values()].filter((p) => p.email?.toLowerCase() === 'person0@example.com')).toHaveLength(1)
  })
})
