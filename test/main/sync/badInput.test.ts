import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SyncHarness } from './syncHarness'

let h: SyncHarness
beforeEach(() => {
  h = new SyncHarness()
})
afterEach(async () => {
  expect(await h.close()).toEqual([])
})

/** What must survive any bad answer: every local record and every queued operation (statuses may follow DoorFlow). */
function localState() {
  const site = h.store.snapshot()
  return { people: site.people, credentials: site.credentials.map((c) => [c.id, c.person_id, c.credential_type_id, c.value, c.enabled]), open: h.store.outbox.states().length }
}

describe('bad input from DoorFlow: a clear error or a sync-log warning, and nothing local lost', () => {
  it('a server that answers HTML stops the sync with sync_bad_answer', async () => {
    await h.serve({ misbehave: { path: '/api/3/', kind: 'html' } })
    await h.load(2)
    const before = localState()
    await expect(h.sync()).rejects.toMatchObject({ code: 'sync_bad_answer', message: expect.stringMatching(/HTML page, not JSON/) })
    expect(h.log().join('\n')).toMatch(/people not pulled: .*HTML page/)
    expect(localState()).toEqual(before)
  })

  it('a truncated JSON page: that part is not pulled (a warning), and nothing is deleted', async () => {
    const server = await h.serve()
    await h.load(2)
    await h.sync()
    await server.stop()
    const bad = await h.serve({ misbehave: { path: '/api/3/credentials', kind: 'truncated' } })
    for (const c of server.state.credentials.values()) bad.state.credentials.set(c.id, c)
    const before = localState()
    const report = await h.sync()
    expect(report.pulled?.warnings).toEqual([expect.stringMatching(/^credentials not pulled: GET \/credentials.*JSON that cannot be read/)])
    expect(localState()).toEqual(before)
  })

  it('a page repeating the previous page forever: reading stops with a warning, the cursor stays, nothing is deleted', async () => {
    const server = await h.serve({ maxPerPage: 2 })
    await h.load(5)
    await h.sync()
    await server.stop()
    const bad = await h.serve({ maxPerPage: 2, misbehave: { path: '/api/3/credentials', kind: 'repeat' } })
    for (const c of server.state.credentials.values()) bad.state.credentials.set(c.id, c)
    const before = localState()
    const report = await h.sync()
    expect(report.pulled?.warnings).toEqual([expect.stringMatching(/DoorFlow sent page 2 again .*stopped after 2 of 10 records/)])
    expect(localState()).toEqual(before)
  })

  it('a credential type the account lacks: a clear error, kept queued, pushed once the account has the type', async () => {
    const server = await h.serve()
    await h.load(1)
    h.store.credentials.save({ person_id: 1, credential_type_id: 2, value: '04A1B2C3D4E5F6', enabled: true })
    const report = await h.sync()
    expect(report.failed).toEqual([expect.objectContaining({ entity: 'credential', id: '3', message: expect.stringMatching(/no credential type with code 2/) })])
    expect(server.state.credentials.size).toBe(2)
    server.state.credentialTypes.push({ id: 42, label: 'MIFARE DESFire EV3', slug: 'desfire', code: 2 })
    expect((await h.sync()).failed).toEqual([])
    expect([...server.state.credentials.values()].map((c) => c.credential_type_id)).toContain(42)
  })

  it('a person whose groups name unknown ids: a warning, and the known groups kept', async () => {
    const server = await h.serve()
    server.state.addPerson({ first_name: 'Gil', last_name: 'Ghost', email: 'gil@example.com', group_ids: [77, 999] })
    const report = await h.sync()
    expect(report.pulled?.warnings).toEqual([expect.stringMatching(/is in groups 999, which DoorFlow did not list/)])
    const staff = h.store.snapshot().groups.find((g) => g.name === 'Staff')
    expect(h.store.snapshot().people[0]?.group_ids).toEqual([staff?.id])
  })

  it('a token with the wrong scopes: the 403 names the missing scope, and the records go once the token is fixed', async () => {
    const server = await h.serve({ scopes: ['account.person.readonly', 'account.credential_type.readonly', 'account.group.readonly'] })
    await h.load(3)
    const report = await h.sync()
    expect(report.failed).toHaveLength(9)
    expect(report.failed[0]).toMatchObject({ code: 'forbidden', fields: { scope: 'account.person' }, message: expect.stringMatching(/lacks the scope account\.person/) })
    // Only the requests already in flight (4 at once) when the first 403 came back were sent.
    expect(server.counts.writes).toBeLessThanOrEqual(4)
    expect(report.pulled?.warnings.join('\n')).toMatch(/doors \(channels\) not pulled: .*account\.channel\.readonly/)
    server.scopes?.add('account.person')
    expect((await h.sync()).failed).toEqual([])
    expect(server.state.people.size).toBe(3)
    expect(server.state.credentials.size).toBe(6)
  })

  it('a clock 10 minutes off: a warning, and pulls follow DoorFlow\'s time so nothing is skipped', async () => {
    const server = await h.serve()
    const ahead = () => Date.now() + 10 * 60_000
    const leah = server.state.addPerson({ first_name: 'Leah', last_name: 'Morgan', email: 'leah@example.com' })
    // 13 days 23 h 55 min old by DoorFlow's clock: inside the 14 days, although this computer's clock says otherwise.
    server.state.addEvent(10, server.state.now() - 14 * 86_400_000 + 5 * 60_000)
    const first = await h.sync({ now: ahead })
    expect(first.pulled).toMatchObject({ people: 1, events: 1 })
    expect(first.pulled?.warnings).toEqual([expect.stringMatching(/clock is 10 min ahead of DoorFlow's/)])
    server.state.updatePerson(leah, { last_name: 'Morgan-Hale' })
    expect((await h.sync({ now: ahead })).pulled).toMatchObject({ people: 1 })
    expect(h.store.snapshot().people[0]?.last_name).toBe('Morgan-Hale')
  })
})
