import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/logger'
import { ProvisioningService } from '../../../src/main/services/provisioningService'
import { SyncService } from '../../../src/main/services/syncService'
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
})
