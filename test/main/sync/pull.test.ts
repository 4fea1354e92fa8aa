import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SyncHarness } from './syncHarness'
import { idFromKey } from '../../../src/main/store/database'
import { replicaEventSource } from '../../../src/main/services/replicaEvents'

let h: SyncHarness
beforeEach(() => {
  h = new SyncHarness()
})
afterEach(async () => {
  expect(await h.close()).toEqual([])
})

const DAY = 86_400_000

/** A DoorFlow account with people, every kind of credential, two channels and events. */
async function account() {
  const server = await h.serve()
  const s = server.state
  const leah = s.addPerson({ first_name: 'Leah', last_name: 'Morgan', email: 'leah@example.com', group_ids: [77], enabled: false, valid_from: '2026-01-01T00:00:00Z', valid_to: '2027-01-01T00:00:00Z', mobile: '+447700900123' })
  const pin = s.addCredential(leah.id, { credential_type_id: s.typeId(6), value: '482913' })
  const hid = s.addCredential(leah.id, { credential_type_id: s.typeId(8) })
  const passflow = s.addCredential(leah.id, { credential_type_id: s.typeId(9) })
  s.addChannel('Front Entrance')
  s.addChannel('Server Room', { lockdown: { message: 'locked', card_lockdown: { state: true } } })
  s.addChannel('Lobby', { mode: { description: 'unlock', relock_at: null, change_stamp: null } })
  const now = s.now()
  s.addEvent(10, now - DAY, { channel_id: server.state.channels[0]?.id, person_id: leah.id, credentials_number: '12345678' })
  s.addEvent(11, now - 2 * DAY, { person_id: leah.id, credentials_number: '482913' })
  s.addEvent(20, now - 3 * DAY, { credentials_number: '482913' })
  s.addEvent(10, now - 20 * DAY)
  return { server, leah, pin, hid, passflow }
}

describe('the replica as the diagnosis\'s evidence', () => {
  it('answers "not available" before any pull, then the door\'s events by local ids and its channel status', async () => {
    const source = replicaEventSource(h.store)
    const window = { since: new Date(Date.now() - 30 * DAY).toISOString(), until: new Date(Date.now() + DAY).toISOString(), limit: 50 }
    expect(source.events({ door_id: 1, ...window })).toBeNull()
    const { leah } = await account()
    await h.sync()
    const site = h.store.snapshot()
    const front = site.doors.find((d) => d.name === 'Front Entrance')!
    const server = site.doors.find((d) => d.name === 'Server Room')!
    const person = site.people.find((p) => p.first_name === 'Leah')!
    expect(source.events({ door_id: front.id, ...window })).toEqual([expect.objectContaining({ code: 10, door_id: front.id, person_id: person.id, credential_number: '12345678' })])
    expect(source.events({ door_id: front.id, person_id: person.id, ...window })).toHaveLength(1)
    expect(source.events({ door_id: server.id, ...window })).toEqual([])
    expect(source.status(server.id)).toMatchObject({ door_id: server.id, lockdown: true })
    expect(source.status(front.id)).toMatchObject({ lockdown: false })
    expect(leah.id).toBeDefined()
  })
})

describe('the first pull', () => {
  it('brings people, every credential, channels as doors, events of the last 14 days and the account into the replica', async () => {
    const { passflow, hid } = await account()
    const zone = h.store.snapshot().site.timezone
    const report = await h.sync()
    // The harness's database was given its zone: the site's zone is not DoorFlow's to change.
    expect(h.store.snapshot().site.timezone).toBe(zone)
    expect(report.pulled).toMatchObject({ credential_types: 3, groups: 2, people: 1, credentials: 3, doors: 3, events: 3, warnings: [] })
    const site = h.store.snapshot()
    const staff = site.groups.find((g) => g.name === 'Staff')
    expect(site.people).toEqual([expect.objectContaining({ first_name: 'Leah', enabled: false, group_ids: [staff?.id], valid_from: '2026-01-01T00:00:00Z', valid_to: '2027-01-01T00:00:00Z' })])
    expect(h.store.people.row(idFromKey(h.store.people.remoteIds()[0]?.id ?? '0'))?.mobile).toBe('+447700900123')
    // The PIN comes into the site with its value; the mobile credentials come with none (DoorFlow gives them none), linked by remote id,
    // invited, with PassFlow's url kept for resending; the replica keeps their status and url too.
    expect(site.credentials).toEqual([
      expect.objectContaining({ credential_type_id: 6, value: '482913', status: 'active' }),
      expect.objectContaining({ credential_type_id: 8, status: 'invited' }),
      expect.objectContaining({ credential_type_id: 9, status: 'invited', invitation_url: `https://passflow.example/invite/${passflow.id}` })
    ])
    expect(site.credentials.filter((c) => c.credential_type_id !== 6).every((c) => c.value === undefined)).toBe(true)
    expect(h.store.credentials.remoteIds().map((r) => r.remote_id).sort()).toEqual(expect.arrayContaining([String(passflow.id), String(hid.id)]))
    expect(h.store.replicaSite.remoteCredential(passflow.id)).toMatchObject({ status: 'invited', url: `https://passflow.example/invite/${passflow.id}` })
    expect(h.store.replicaSite.remoteCredential(hid.id)).toMatchObject({ status: 'invited', url: null })
    expect(site.doors.map((d) => [d.name, d.mode])).toEqual([['Front Entrance', 'normal'], ['Server Room', 'lockdown'], ['Lobby', 'unlocked']])
    expect(site.doors[0]?.accepts).toEqual([6, 8, 9])
    expect(h.store.replicaSite.channels().map((c) => c.reader_class)).toEqual(['hid_signo', 'hid_signo', 'hid_signo'])
    const events = h.store.replicaSite.events().map(({ code, kind, credentials_number }) => ({ code, kind, credentials_number }))
    expect(events).toEqual([
      { code: 20, kind: 'reject', credentials_number: '******' },
      { code: 11, kind: 'admit', credentials_number: '******' },
      { code: 10, kind: 'admit', credentials_number: '12345678' }
    ])
    expect(JSON.parse(h.store.syncState.meta('doorflow_account') ?? '{}')).toMatchObject({ time_zone: 'America/New_York', sync: { status: 'complete' } })
  })

  it('gives a database whose zone came only from the machine the account\'s time zone, and leaves a chosen zone alone', async () => {
    await account()
    expect(h.store.syncState.meta('timezone_source')).toBe('given')
    h.store.syncState.setMeta('timezone_source', 'machine')
    await h.sync()
    expect(h.store.snapshot().site.timezone).toBe('America/New_York')
    expect(h.store.syncState.meta('timezone_source')).toBe('doorflow')
  })

  it('maps a pulled channel onto the site door of the same name, keeping the door and its local rules', async () => {
    const { server } = await account()
    await h.sync()
    const doors = h.store.snapshot().doors.length
    server.state.channels[1] = { ...server.state.channels[1], lockdown: null }
    await h.sync()
    expect(h.store.snapshot().doors).toHaveLength(doors)
    expect(h.store.snapshot().doors.find((d) => d.name === 'Server Room')?.mode).toBe('normal')
  })
})

describe('incremental pulls', () => {
  it('read only people changed since the last pull (since_utc), and refresh them', async () => {
    const { server, leah, passflow } = await account()
    await h.sync()
    expect((await h.sync()).pulled).toMatchObject({ people: 0, events: 0 })
    server.state.updatePerson(leah, { enabled: true, group_ids: [77, 78] })
    passflow.status = 'active'
    const report = await h.sync()
    expect(report.pulled).toMatchObject({ people: 1 })
    expect(h.store.snapshot().people[0]).toMatchObject({ enabled: true, group_ids: [expect.anything(), expect.anything()] })
    expect(h.store.replicaSite.remoteCredential(passflow.id)).toMatchObject({ status: 'active', active_seen_at: expect.any(String), url: null })
    // The 2-minute wait starts at the first pull that saw it active (it was never pushed from here).
    expect(h.store.replicaSite.waitStartsAt(passflow.id)).toBe(h.store.replicaSite.remoteCredential(passflow.id)?.active_seen_at)
  })

  it('puts the invitation link and DoorFlow\'s acceptance (the 2-minute wait\'s start) on a credential pushed from here', async () => {
    const { server } = await account()
    await h.sync()
    const person = h.store.snapshot().people[0]!
    const saved = h.store.credentials.save({ person_id: person.id, credential_type_id: 9, value: 'PF-7Q2K-0001', enabled: true })
    await h.sync()
    await h.sync()
    expect(h.store.credentials.row(saved.id)?.accepted_at ?? null).toBeNull()
    expect(h.store.credentials.row(saved.id)?.invitation_url).toMatch(/^https:\/\/passflow\.example\/invite\//)
    const remote = [...server.state.credentials.values()].find((c) => String(c.id) === h.store.credentials.remoteId(saved.id))!
    remote.status = 'active'
    await h.sync()
    const row = h.store.credentials.row(saved.id)!
    expect(row.accepted_at).toBe(h.store.replicaSite.waitStartsAt(String(remote.id)))
    // DoorFlow stops showing the link once it is accepted; the one it gave is kept for resending.
    expect(row.invitation_url).toBe(`https://passflow.example/invite/${remote.id}`)
  })

  it('keep a local change not yet pushed over the pulled value, then push it', async () => {
    const { server, leah } = await account()
    await h.sync({ pull: true })
    const local = h.store.snapshot().people[0]
    // Both sides change the name; the local change wins until it is pushed.
    server.state.updatePerson(leah, { first_name: 'Leia' })
    h.store.people.save({ ...local, email: local?.email ?? '', first_name: 'Lea', group_ids: local?.group_ids ?? [] })
    const report = await h.sync()
    expect(report.failed).toEqual([])
    expect(h.store.snapshot().people[0]?.first_name).toBe('Lea')
    expect(server.state.people.get(leah.id)?.first_name).toBe('Lea')
  })

  it('remove what DoorFlow deleted, with a sync-log line', async () => {
    const { server, leah } = await account()
    const other = server.state.addPerson({ first_name: 'Omar', last_name: 'Other', email: 'omar@example.com' })
    await h.sync()
    expect(h.store.snapshot().people).toHaveLength(2)
    server.state.deletePerson(other.id)
    server.state.deleteCredential([...server.state.credentials.values()].find((c) => c.person_id === leah.id && c.value === '482913')?.id ?? '')
    await h.sync()
    expect(h.store.snapshot().people.map((p) => p.first_name)).toEqual(['Leah'])
    // Leah's two mobile invitations stay: DoorFlow still has them.
    expect(h.store.snapshot().credentials.map((c) => [c.credential_type_id, c.value])).toEqual(expect.arrayContaining([[9, undefined], [8, undefined]]))
    expect(h.store.snapshot().credentials).toHaveLength(2)
    expect(h.log().join('\n')).toMatch(/person .* was deleted on DoorFlow; removed here/)
    expect(h.log().join('\n')).toMatch(/1 credentials deleted on DoorFlow were removed here/)
  })

  it('keep and flag a record DoorFlow deleted while it has changes not yet pushed', async () => {
    const { server, leah } = await account()
    await h.sync()
    const local = h.store.snapshot().people[0]
    h.store.people.save({ ...local, email: local?.email ?? '', first_name: 'Lea', group_ids: local?.group_ids ?? [] })
    server.state.deletePerson(leah.id)
    const report = await h.sync()
    expect(h.store.snapshot().people.map((p) => p.first_name)).toEqual(['Lea'])
    expect(h.store.syncState.flags()).toEqual([expect.objectContaining({ entity: 'person', flag: 'deleted_on_doorflow' })])
    expect(report.pulled?.warnings).toEqual([expect.stringMatching(/was deleted on DoorFlow but has changes not yet pushed; kept here and flagged/)])
    // The update itself is refused (404) and shown, never lost.
    expect(report.failed).toEqual([expect.objectContaining({ entity: 'person', code: 'rejected', message: expect.stringMatching(/404/) })])
  })

  it('keep a person DoorFlow deleted whose credential has a change not yet pushed', async () => {
    const { server, leah } = await account()
    await h.sync()
    h.store.credentials.save({ person_id: h.store.snapshot().people[0]?.id ?? 0, credential_type_id: 6, value: '5829104', enabled: true })
    server.state.deletePerson(leah.id)
    const report = await h.sync()
    expect(h.store.snapshot().credentials.map((c) => c.value)).toContain('5829104')
    expect(report.pulled?.warnings).toEqual([expect.stringMatching(/was deleted on DoorFlow but has changes not yet pushed; kept here and flagged/)])
  })

  it('keep a person\'s own email when DoorFlow gives it one another person has here, with a warning', async () => {
    const server = await h.serve()
    const ann = server.state.addPerson({ first_name: 'Ann', last_name: 'A', email: 'ann@example.com' })
    server.state.addPerson({ first_name: 'Bob', last_name: 'B', email: 'bob@example.com' })
    await h.sync()
    // On DoorFlow, Ann takes Bob's address (Bob's own change is not pulled yet: it is the same pull).
    server.state.updatePerson(ann, { email: 'BOB@example.com' })
    const report = await h.sync()
    expect(h.store.snapshot().people.map((p) => p.email)).toEqual(['ann@example.com', 'bob@example.com'])
    expect(report.pulled?.warnings).toEqual([expect.stringMatching(/has the email BOB@example.com, which person .* has here; its email here is kept/)])
  })

  it('unlink a group DoorFlow no longer lists: kept here with its rules, and no longer sent', async () => {
    const server = await h.serve()
    await h.sync()
    const it = h.store.snapshot().groups.find((g) => g.name === 'IT')
    server.state.groups.splice(1, 1)
    await h.sync()
    expect(h.store.snapshot().groups.map((g) => g.name)).toEqual(['Staff', 'IT'])
    expect(h.store.replica.remoteIdOf('group', JSON.stringify(it?.id))).toBeNull()
    expect(h.log().join('\n')).toMatch(/group .* is no longer on DoorFlow: kept here with its rules, no longer sent/)
  })
})
