import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/logger'
import { ProvisioningService } from '../../../src/main/services/provisioningService'
import { createDispatcher } from '../../../src/main/contract/dispatcher'
import { syncHandlers } from '../../../src/main/services/provisioningWiring'
import { SyncService } from '../../../src/main/services/syncService'
import { commandChannel } from '../../../src/shared/contract'
import { syncCapability } from '../../../src/shared/provisioning/contract'
import type { Tokens } from '../../../src/main/sync/tokens'
import { SyncHarness } from './syncHarness'

let h: SyncHarness
beforeEach(() => {
  h = new SyncHarness()
})
afterEach(async () => {
  expect(await h.close()).toEqual([])
})

describe('SyncService', () => {
  it('lists a disable DoorFlow did not confirm as a flag, and revokes the credential', async () => {
    const server = await h.serve({ disable: 'ignored' })
    await h.load(1)
    let saved: Tokens | undefined
    const tokens = { encrypted: false, read: () => saved, write: (t: Tokens) => void (saved = t) }
    const service = new SyncService({ store: h.store, tokens, provisioning: new ProvisioningService(h.store, { siteChanged: () => {}, importProgress: () => {} }), log: silentLogger, progress: () => {}, siteChanged: () => {} })
    service.saveConnection({ api: server.url, token: server.tokens.access, refreshToken: 'refresh-0', clientId: 'lintel-test' })
    expect(saved).toEqual({ access_token: server.tokens.access, refresh_token: 'refresh-0', client_id: 'lintel-test' })
    expect(service.offeredCredentialTypes()).toEqual(['2', '3', '6', '8', '9'])
    await service.run({})
    // The account has PIN, HID Mobile Access and PassFlow only: the two card types are not offered.
    expect(service.offeredCredentialTypes()).toEqual(['6', '8', '9'])
    const phone = h.store.snapshot().credentials.find((c) => c.credential_type_id === 8)
    h.store.credentials.save({ ...phone, enabled: false })
    await service.run({})
    expect(service.flags()).toEqual([expect.objectContaining({ entity: 'credential', entity_id: '1', flag: 'disable_not_confirmed' })])
    expect(await service.revoke('1')).toEqual({ credential: '1', status: 'revoked' })
    expect(service.flags()).toEqual([])
    expect(service.log(5).map((l) => l.message)).toContain('credential 1: revoked on DoorFlow')
  })

  it('through the contract: an unconfirmed disable shows as a flag, revoke clears it and DoorFlow sees the DELETE', async () => {
    const server = await h.serve({ disable: 'ignored' })
    await h.load(1)
    let saved: Tokens | undefined
    const tokens = { encrypted: false, read: () => saved, write: (t: Tokens) => void (saved = t) }
    const service = new SyncService({ store: h.store, tokens, provisioning: new ProvisioningService(h.store, { siteChanged: () => {}, importProgress: () => {} }), log: silentLogger, progress: () => {}, siteChanged: () => {} })
    const dispatcher = createDispatcher({ sync: syncCapability }, { sync: syncHandlers(service) }, silentLogger)
    const call = (name: string, input: unknown) => dispatcher.invoke(commandChannel('sync', name), input)
    expect(await call('saveConnection', { api: server.url, token: server.tokens.access })).toMatchObject({ ok: true })
    expect(await call('run', {})).toMatchObject({ ok: true })
    expect(await call('offeredCredentialTypes', {})).toEqual({ ok: true, value: ['6', '8', '9'] })
    const phone = h.store.snapshot().credentials.find((c) => c.credential_type_id === 8)
    h.store.credentials.save({ ...phone, enabled: false })
    const remoteId = h.store.credentials.remoteId(phone?.id ?? 0) as string
    expect(await call('run', {})).toMatchObject({ ok: true, value: { unconfirmed: [expect.objectContaining({ id: '1' })] } })
    expect(await call('flags', {})).toEqual({ ok: true, value: [expect.objectContaining({ entity: 'credential', entity_id: '1', flag: 'disable_not_confirmed', message: expect.stringMatching(/not confirmed/) })] })
    expect(server.state.credentials.has(remoteId)).toBe(true)
    expect(await call('revoke', { id: 1 })).toEqual({ ok: true, value: { credential: '1', status: 'revoked' } })
    expect(server.state.credentials.has(remoteId)).toBe(false)
    expect(await call('flags', {})).toEqual({ ok: true, value: [] })
  })
})
