import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { revokeCredential } from '../../../src/main/sync/revoke'
import { SyncHarness } from './syncHarness'

let h: SyncHarness
beforeEach(() => {
  h = new SyncHarness()
})
afterEach(async () => {
  expect(await h.close()).toEqual([])
})

describe('pushing as DoorFlow publishes it', () => {
  it('sends DoorFlow\'s group ids through the remote-id map, never local ids, and makes no second Staff group', async () => {
    const server = await h.serve()
    await h.sync()
    const staff = h.store.snapshot().groups.find((g) => g.name === 'Staff')
    expect(staff?.id).not.toBe(77)
    h.store.people.save({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', enabled: true, group_ids: [staff?.id ?? 0] })
    expect((await h.sync()).failed).toEqual([])
    expect([...server.state.people.values()][0]?.groups).toEqual([77])
    expect(h.store.snapshot().groups.filter((g) => g.name === 'Staff')).toHaveLength(1)
  })

  it('sends people without a local group DoorFlow lacks, warning once per group', async () => {
    const server = await h.serve()
    await h.sync()
    const lab = h.store.groups.save({ name: 'Lab', access: [] })
    for (const name of ['Ada', 'Bea']) h.store.people.save({ first_name: name, last_name: 'X', email: `${name}@example.com`, enabled: true, group_ids: [lab.id] })
    expect((await h.sync()).failed).toEqual([])
    expect([...server.state.people.values()].map((p) => p.groups)).toEqual([[], []])
    expect(h.log().filter((l) => l.includes('group'))).toEqual([`warn: group ${String(lab.id)} is not on DoorFlow (groups are made there): people in it are sent without it`])
  })

  it('sends credential types as the account\'s ids matched by code, and keeps the PassFlow invitation url', async () => {
    const server = await h.serve()
    await h.load(1)
    h.store.credentials.save({ person_id: 1, credential_type_id: 9, value: 'PF-1A2B-3C4D', enabled: true })
    expect((await h.sync()).failed).toEqual([])
    const remote = [...server.state.credentials.values()]
    expect(remote.map((c) => c.credential_type_id).sort()).toEqual([41, 48, 49])
    const passflow = remote.find((c) => c.credential_type_id === 49)
    await h.sync()
    expect(h.store.replicaSite.remoteCredential(passflow?.id ?? '')).toMatchObject({ status: 'invited', url: `https://passflow.example/invite/${passflow?.id}`, confirmed_at: expect.any(String) })
  })

  it('sends a disable as the guide documents it; where DoorFlow does not confirm it on reading back, says so and offers revoke', async () => {
    const server = await h.serve({ disable: 'ignored' })
    await h.load(1)
    await h.sync()
    const phone = h.store.snapshot().credentials.find((c) => c.credential_type_id === 8)
    h.store.credentials.save({ ...phone, enabled: false })
    const report = await h.sync()
    expect(server.guideOnly).toEqual([expect.stringMatching(/^PUT .*\{"person_credential":\{"enabled":false\}\}$/)])
    expect(report.unconfirmed).toEqual([expect.objectContaining({ id: '1', code: 'not_confirmed', message: expect.stringMatching(/not confirmed.*lintel sync --revoke 1/) })])
    expect(h.store.syncState.flags()).toEqual([expect.objectContaining({ entity_id: '1', flag: 'disable_not_confirmed' })])
    // Re-enabled before revoking: the guide's enable is sent too (DoorFlow may have applied the disable without showing it).
    h.store.credentials.save({ ...phone, enabled: true })
    expect((await h.sync()).unconfirmed).toEqual([])
    expect(server.guideOnly).toHaveLength(2)
    expect(server.guideOnly[1]).toMatch(/\{"person_credential":\{"enabled":true\}\}$/)
    expect(h.store.syncState.flags()).toEqual([])
    const revoked = await revokeCredential(h.store, { baseUrl: server.url, tokens: { access_token: server.tokens.access } }, '1')
    expect(revoked).toEqual({ credential: '1', status: 'revoked' })
    expect(h.store.syncState.flags()).toEqual([])
    expect(h.store.snapshot().credentials.find((c) => c.id === 1)).toMatchObject({ status: 'revoked', enabled: false })
    expect([...server.state.credentials.values()].filter((c) => c.credential_type_id === 48)).toEqual([])
  })

  it('records a disable DoorFlow confirms on reading back as confirmed', async () => {
    const server = await h.serve({ disable: 'guide' })
    await h.load(1)
    await h.sync()
    const phone = h.store.snapshot().credentials.find((c) => c.credential_type_id === 8)
    h.store.credentials.save({ ...phone, enabled: false })
    const report = await h.sync()
    expect(report).toMatchObject({ failed: [], unconfirmed: [] })
    expect([...server.state.credentials.values()].find((c) => c.credential_type_id === 48)?.enabled).toBe(false)
    expect(h.store.syncState.flags()).toEqual([])
  })

  it('takes a 202 on delete as "revoking"', async () => {
    const server = await h.serve({ asyncMobileDeletes: true })
    await h.load(1)
    await h.sync()
    const remoteId = h.store.credentials.remoteId(1) as string
    h.store.credentials.delete(1)
    expect((await h.sync({ pull: false })).failed).toEqual([])
    expect(h.store.replicaSite.remoteCredential(remoteId)?.status).toBe('revoking')
    expect(server.state.credentials.get(remoteId)?.status).toBe('revoking')
    expect(h.log().join('\n')).toMatch(/revoking it \(202\)/)
  })

  it('shows a 422 {error, errors} per field', async () => {
    const server = await h.serve()
    await h.load(1)
    await h.sync()
    server.state.addCredential([...server.state.people.keys()][0] ?? 0, { credential_type_id: 41, value: '7391046' })
    server.state.people.clear()
    const other = server.state.addPerson({ first_name: 'O', last_name: 'P', email: 'o@example.com' })
    h.store.people.setRemoteId(1, String(other.id))
    h.store.credentials.save({ person_id: 1, credential_type_id: 6, value: '7391046', enabled: true })
    const report = await h.sync({ pull: false })
    expect(report.failed).toEqual([expect.objectContaining({ code: 'rejected', fields: { value: 'value is already in use' } })])
  })
})

describe('OAuth', () => {
  it('sends client_id on refresh and renews the token before expires_in runs out (no 401 needed)', async () => {
    const server = await h.serve()
    await h.load(2)
    const saved: { expires_at?: string }[] = []
    const tokenStore = { encrypted: false, read: () => undefined, write: (t: { expires_at?: string }) => void saved.push(t) }
    const soon = new Date(Date.now() + 30_000).toISOString()
    const report = await h.sync({ tokens: { access_token: server.tokens.access, refresh_token: 'refresh-0', client_id: 'lintel-test', expires_at: soon }, tokenStore })
    expect(report.failed).toEqual([])
    expect(server.counts.unauthorized).toBe(0)
    expect(server.counts.refreshes).toBe(1)
    expect(server.refreshForms[0]).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'refresh-0', client_id: 'lintel-test' })
    expect(Date.parse(saved.at(-1)?.expires_at ?? '') - Date.now()).toBeGreaterThan(3_500_000)
  })

  it('a refresh without the client_id DoorFlow needs is refused: the sync stops with sync_unauthorized', async () => {
    const server = await h.serve({ faults: { expireTokenEvery: 2 } })
    await h.load(1)
    await expect(h.sync({ tokens: { access_token: server.tokens.access, refresh_token: 'refresh-0' } })).rejects.toMatchObject({ code: 'sync_unauthorized', message: expect.stringMatching(/refused to refresh it \(invalid_client: pass the OAuth client id with --client-id\)/) })
  })
})
