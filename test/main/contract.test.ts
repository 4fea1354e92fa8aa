import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelsOf, commandChannel, contract, ErrorCode, eventChannel } from '../../src/shared/contract'
import { openTestServices, type TestServices } from '../helpers/services'

/** Inputs that no command accepts: not an object, or an object with a key no schema declares. */
const MALFORMED: unknown[] = [null, 42, 'text', [], { unexpected_field_zz: true }]

let t: TestServices
beforeAll(async () => {
  t = await openTestServices()
})
afterAll(() => t.dispose())

describe('the contract', () => {
  it('derives one distinct channel per command and event', () => {
    const { commands, events } = channelsOf(contract)
    const all = [...commands, ...events].map((c) => c.channel)
    expect(new Set(all).size).toBe(all.length)
    expect(commands.map((c) => c.channel)).toContain(commandChannel('decision', 'decide'))
    expect(events.map((c) => c.channel)).toContain(eventChannel('app', 'settingsChanged'))
  })

  it('groups every capability the app will grow into', () => {
    expect(Object.keys(contract).sort()).toEqual(['app', 'ble', 'decision', 'diagnose', 'nfc', 'provisioning', 'site', 'sync'])
  })

  it('registers a handler for exactly the contract commands', () => {
    expect([...t.services.dispatcher.channels].sort()).toEqual(channelsOf(contract).commands.map((c) => c.channel).sort())
  })

  for (const { channel } of channelsOf(contract).commands) {
    it(`${channel} rejects malformed input with a typed bad_request error`, async () => {
      for (const input of MALFORMED) {
        const result = await t.services.dispatcher.invoke(channel, input)
        expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: ErrorCode.badRequest } })
        if (!result.ok) expect(result.error.message).toMatch(/^input/)
      }
    })
  }

  it('answers an unknown channel with unknown_channel, not a throw', async () => {
    expect(await t.services.dispatcher.invoke('lintel:app.rm -rf', {})).toMatchObject({ ok: false, error: { code: ErrorCode.unknownChannel } })
    expect(await t.services.dispatcher.invoke(undefined as unknown as string, {})).toMatchObject({ ok: false })
  })

  it('returns ok results that match the response schema', async () => {
    const info = await t.services.dispatcher.invoke(commandChannel('app', 'info'), {})
    expect(info).toMatchObject({ ok: true, value: { name: 'Lintel', runtime: 'test', simulated: { ble: true, nfc: true } } })
    const summary = await t.services.dispatcher.invoke(commandChannel('site', 'summary'), {})
    expect(summary).toMatchObject({ ok: true, value: { source: 'database', counts: { doors: 6 } } })
  })

  it('exposes the sync flags, revoke and the offered credential types', async () => {
    expect(await t.services.dispatcher.invoke(commandChannel('sync', 'flags'), {})).toEqual({ ok: true, value: [] })
    const offered = await t.services.dispatcher.invoke(commandChannel('sync', 'offeredCredentialTypes'), {})
    expect(offered).toMatchObject({ ok: true, value: expect.arrayContaining([expect.any(String)]) })
    expect(await t.services.dispatcher.invoke(commandChannel('sync', 'revoke'), { id: 1 })).toMatchObject({ ok: false, error: { code: 'sync_no_token' } })
    expect(await t.services.dispatcher.invoke(commandChannel('sync', 'revoke'), {})).toMatchObject({ ok: false, error: { code: ErrorCode.badRequest } })
  })

  it('turns a service failure into an error result', async () => {
    const result = await t.services.dispatcher.invoke(commandChannel('app', 'updateSettings'), { unlockThresholdDbm: 5 })
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.badRequest } })
  })

  it('emits settingsChanged with the saved settings', async () => {
    const seen: unknown[] = []
    const stop = t.services.hub.subscribe(eventChannel('app', 'settingsChanged'), (p) => seen.push(p))
    const result = await t.services.dispatcher.invoke(commandChannel('app', 'updateSettings'), { unlockThresholdDbm: -75 })
    stop()
    expect(result).toMatchObject({ ok: true, value: { unlockThresholdDbm: -75 } })
    expect(seen).toEqual([expect.objectContaining({ unlockThresholdDbm: -75 })])
    await t.services.dispatcher.invoke(commandChannel('app', 'updateSettings'), { unlockThresholdDbm: -70 })
    expect(seen).toHaveLength(1)
  })
})
