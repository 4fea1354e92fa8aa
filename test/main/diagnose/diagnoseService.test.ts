/**
 * The diagnosis over the real services on the demo database: the contract's validation, fixes
 * through provisioning (outbox and sync log), live NFC and BLE tests on the simulated radios,
 * and reports.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandChannel, type Result } from '../../../src/shared/contract'
import type { Diagnosis, FixResult } from '../../../src/shared/diagnose'
import type { Credential } from '../../../src/shared/domain/site'
import type { RecordState } from '../../../src/shared/provisioning/contract'
import { isWeakPin } from '../../../src/shared/formats/pin'
import { demoSitePath } from '../../../src/main/paths'
import { openTestServices, type TestServices } from '../../helpers/services'

let t: TestServices
const call = <T>(capability: string, name: string, input: unknown = {}) =>
  t.services.dispatcher.invoke(commandChannel(capability as 'diagnose', name), input) as Promise<Result<T>>
const WEDNESDAY = '2026-12-02T10:00:00Z'

async function diagnose(input: Record<string, unknown>): Promise<Diagnosis> {
  const result = await call<Diagnosis>('diagnose', 'run', { at: WEDNESDAY, ...input })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

async function fix(action: Record<string, unknown>): Promise<FixResult> {
  const result = await call<FixResult>('diagnose', 'fix', action)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const codes = (d: Diagnosis) => d.findings.map((f) => f.code)
const pendingOf = async (entity: string, id: unknown) =>
  ((await call<{ records: RecordState[] }>('provisioning', 'recordStates')) as { ok: true; value: { records: RecordState[] } }).value.records.filter((r) => r.entity === entity && r.id === id && r.op !== null)
const syncLog = async () => ((await call<{ message: string; entity: string | null; id: string | null }[]>('sync', 'log', { limit: 50 })) as { ok: true; value: { message: string }[] }).value

beforeAll(async () => {
  t = await openTestServices()
})
afterAll(async () => {
  await t.services.close()
  t.dispose()
})

describe('diagnose.run through the contract', () => {
  it('rejects a malformed request and names an unknown person', async () => {
    const bad = await call('diagnose', 'run', { person: 2, door_id: 3, platform: 'windows' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    const unknown = await call('diagnose', 'run', { person: 'nobody@example.com', door_id: 3 })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/nobody@example.com/) } })
  })

  it('finds every failing check for Ben at the Server Room, each with its one-click fix', async () => {
    const d = await diagnose({ person: 'BEN.whitaker@example.com', door_id: 3 })
    expect(d.source).toBe('database')
    expect(d.findings[0]).toMatchObject({ code: 'no_group_grants_door', action: { kind: 'add_to_group', person_id: 2, group_id: 3 } })
    expect(d.findings.find((f) => f.code === 'pin_required')).toMatchObject({ severity: 'error', action: { kind: 'issue_backup_pin', person_id: 2 } })
    expect(codes(d)).not.toContain('sync_pending')
  })
})

describe('one-click fixes go through provisioning, the outbox and the sync log', () => {
  it('adds Ben to IT: recorded, queued for DoorFlow, and the finding is gone', async () => {
    const result = await fix({ kind: 'add_to_group', person_id: 2, group_id: 3 })
    expect(result.message).toBe('Added Ben Whitaker to IT.')
    expect(await pendingOf('person', 2)).toEqual([expect.objectContaining({ op: 'update', state: 'pending' })])
    expect((await syncLog())[0]!.message).toBe('helpdesk fix: Added Ben Whitaker to IT.')
    const after = await diagnose({ person: 2, door_id: 3 })
    expect(codes(after)).not.toContain('no_group_grants_door')
    expect(after.findings.find((f) => f.code === 'sync_pending')?.evidence).toMatch(/update pending/)
  })

  it('issues a backup PIN: strong, shown once, masked everywhere else', async () => {
    const result = await fix({ kind: 'issue_backup_pin', person_id: 2 })
    expect(result.pin).toMatch(/^\d{6}$/)
    expect(isWeakPin(result.pin!)).toBe(false)
    const after = await diagnose({ person: 2, door_id: 3 })
    expect(after.findings.find((f) => f.code === 'pin_required')?.severity).toBe('info')
    expect(after.opens).toBe(true)
    const pinRow = after.credentials.find((c) => c.credential_id === result.credential_id)!
    expect(pinRow.shown_value).toBe('••••••')
    expect(JSON.stringify(after)).not.toContain(result.pin!)
    expect(JSON.stringify(await syncLog())).not.toContain(result.pin!)
    expect(await pendingOf('credential', result.credential_id)).toEqual([expect.objectContaining({ op: 'create' })])
  })

  it('enables a disabled credential', async () => {
    const phone = t.services.site.snapshot().credentials.find((c) => c.id === 103) as Credential
    await t.services.provisioning.saveCredential({ ...phone, enabled: false, status: 'disabled' })
    const before = await diagnose({ person: 2, door_id: 1 })
    expect(before.findings[0]).toMatchObject({ code: 'credential_disabled', action: { kind: 'enable_credential', credential_id: 103 } })
    expect((await fix({ kind: 'enable_credential', credential_id: 103 })).message).toBe('Enabled credential 103.')
    const after = await diagnose({ person: 2, door_id: 1 })
    expect(after.opens).toBe(true)
    expect(after.findings.filter((f) => f.severity === 'error')).toEqual([])
  })

  it('refuses what is not a one-click fix, and unknown records', async () => {
    expect(await call('diagnose', 'fix', { kind: 'start_device_change', person_id: 2, credential_id: 103 })).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/workflow/) } })
    expect(await call('diagnose', 'fix', { kind: 'enable_person', person_id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await call('diagnose', 'fix', { kind: 'format_disk' })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })
})

describe('live tests on the simulated radios', () => {
  it('waits for a tap and reports what the phone presented', async () => {
    const running = diagnose({ person: 2, door_id: 1, live: { tapSeconds: 10 } })
    for (let i = 0; i < 100 && t.services.nfc.status().state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 20))
    await t.services.nfc.simulateTap({ kind: 'phone', aid: 'A0000004400001010001', credential: 'HID-0002-ED2766' })
    const d = await running
    expect(d.live.tap).toMatchObject({ outcome: 'presented', credential_type_id: 8, value: 'HID-0002-ED2766' })
    expect(d.findings.find((f) => f.code === 'nfc_presented')?.evidence).toMatch(/granted/)
  })

  it('a phone presenting a value nobody has → nfc_not_enrolled first', async () => {
    const running = diagnose({ person: 2, door_id: 1, live: { tapSeconds: 10 } })
    await new Promise((r) => setTimeout(r, 50))
    await t.services.nfc.simulateTap({ kind: 'phone', aid: 'A0000004400001010001', credential: 'HID-0099-000000' })
    expect((await running).findings[0]!.code).toBe('nfc_not_enrolled')
  })

  it('no tap in time → nfc_no_tap', async () => {
    const d = await diagnose({ person: 2, door_id: 1, live: { tapSeconds: 1 } })
    expect(d.live.tap).toEqual({ outcome: 'no_tap', seconds: 1 })
    expect(d.findings[0]!.code).toBe('nfc_no_tap')
  })

  it("hears the door's simulated BLE reader and stops the scan it started", async () => {
    const d = await diagnose({ person: 2, door_id: 1, live: { scanSeconds: 2 } })
    expect(d.live.scan).toMatchObject({ outcome: 'scanned', simulated: true, threshold_dbm: -70 })
    expect((d.live.scan as { adverts: number }).adverts).toBeGreaterThan(0)
    expect(codes(d).some((c) => c === 'ble_reader_heard' || c === 'ble_signal_weak')).toBe(true)
    expect(t.services.ble.scanState().scanning).toBe(false)
  })
})

describe('reports', () => {
  it('writes HTML and JSON under reports/, escaped and without PINs', async () => {
    const d = await diagnose({ person: 1, door_id: 3 })
    const html = await call<{ path: string; bytes: number }>('diagnose', 'exportReport', { diagnosis: d, format: 'html' })
    if (!html.ok) throw new Error(html.error.message)
    expect(html.value.path).toContain(`${t.dir}/reports/diagnosis-amira-haddad-server-room-`)
    const text = readFileSync(html.value.path, 'utf8')
    expect(text).toMatch(/^<!doctype html>/)
    expect(text).toContain('Diagnosis — Amira Haddad at Server Room')
    expect(text).not.toContain('159406')
    expect(text).not.toMatch(/<script/i)
    const json = await call<{ path: string }>('diagnose', 'exportReport', { diagnosis: d, format: 'json' })
    if (!json.ok) throw new Error(json.error.message)
    expect(JSON.parse(readFileSync(json.value.path, 'utf8'))).toEqual(d)
  })
})

describe('on a snapshot file', () => {
  it('has no sync evidence and refuses fixes', async () => {
    const file = await openTestServices({ sitePath: demoSitePath() })
    try {
      const d = (await file.services.dispatcher.invoke(commandChannel('diagnose', 'run'), { person: 2, door_id: 3, at: WEDNESDAY })) as Result<Diagnosis>
      expect(d).toMatchObject({ ok: true, value: { source: 'snapshot' } })
      const refused = await file.services.dispatcher.invoke(commandChannel('diagnose', 'fix'), { kind: 'enable_person', person_id: 2 })
      expect(refused).toMatchObject({ ok: false, error: { code: 'no_database' } })
    } finally {
      await file.services.close()
      file.dispose()
    }
  })
})
