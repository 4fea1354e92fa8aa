/**
 * The helpdesk diagnosis on a fixture site (test/fixtures/diagnose/site.json) with one seeded fault
 * per case, then cases that combine faults. Alice (100) is a Staff member with an Android-friendly
 * HID Mobile Access phone and a backup PIN; Bob (101) has an iPhone credential and a card.
 * Wednesday 10:00 London time is inside Staff's office hours.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileSite } from '../../../src/shared/decision'
import { diagnose, DiagnosisSchema, type DiagnoseInput, type Diagnosis, type SyncEvidence } from '../../../src/shared/diagnose'
import { SiteSchema, type Credential, type Person, type Site } from '../../../src/shared/domain/site'
import { expectSummaryMatchesTop } from './summaryCheck'

const BASE: Site = SiteSchema.parse(JSON.parse(readFileSync(new URL('../../fixtures/diagnose/site.json', import.meta.url), 'utf8')))
const AT = '2026-12-02T10:00:00Z'

function siteWith(change: (site: Site) => void = () => undefined): Site {
  const site = structuredClone(BASE)
  change(site)
  return SiteSchema.parse(site)
}

const person = (site: Site, id: number): Person => site.people.find((p) => p.id === id)!
const credential = (site: Site, id: number): Credential => site.credentials.find((c) => c.id === id)!

function run(site: Site, input: Partial<DiagnoseInput> = {}): Diagnosis {
  const diagnosis = diagnose(site, compileSite(site), { person: 100, door_id: 1, at: AT, sync: null, ...input })
  expect(DiagnosisSchema.safeParse(diagnosis).success).toBe(true)
  expectSummaryMatchesTop(diagnosis)
  return diagnosis
}

const codes = (d: Diagnosis): string[] => d.findings.map((f) => f.code)
const errors = (d: Diagnosis): string[] => d.findings.filter((f) => f.severity === 'error').map((f) => f.code)
const finding = (d: Diagnosis, code: string) => {
  const found = d.findings.find((f) => f.code === code)
  if (!found) throw new Error(`no ${code} finding in ${codes(d).join(', ')}`)
  return found
}

describe('diagnose: no fault', () => {
  it('says the rules grant and points at the phone first', () => {
    const d = run(siteWith())
    expect(d.opens).toBe(true)
    expect(errors(d)).toEqual([])
    expect(d.findings[0]!.code).toBe('phone_radio_or_app')
    expect(d.findings[0]!.severity).toBe('warning')
    expect(d.summary).toMatch(/likely cause is on the phone/)
    expect(codes(d)).not.toContain('no_backup_credential')
  })

  it('keeps findings sorted by likelihood and every finding complete', () => {
    const d = run(siteWith((s) => (credential(s, 1000).enabled = false)))
    const likelihoods = d.findings.map((f) => f.likelihood)
    expect([...likelihoods].sort((a, b) => b - a)).toEqual(likelihoods)
    for (const f of d.findings) {
      expect(f.evidence.length).toBeGreaterThan(10)
      expect(f.fix.length).toBeGreaterThan(10)
      expect(['error', 'warning', 'info']).toContain(f.severity)
    }
  })
})

describe('diagnose: one seeded fault per case', () => {
  it('1. a switched-off credential → credential_disabled, fixed by enabling it', () => {
    const d = run(siteWith((s) => (credential(s, 1000).enabled = false)))
    expect(d.findings[0]).toMatchObject({ code: 'credential_disabled', severity: 'error', action: { kind: 'enable_credential', credential_id: 1000 }, credential_id: 1000 })
    expect(d.opens).toBe(false)
  })

  it('2. a revoked credential → credential_disabled, fixed only by a device change', () => {
    const d = run(siteWith((s) => (credential(s, 1000).status = 'revoked')))
    expect(d.findings[0]).toMatchObject({ code: 'credential_disabled', action: null })
    expect(d.findings[0]!.fix).toMatch(/new credential/)
    expect(d.findings[0]!.title).toMatch(/revoked/)
  })

  it('3. an invitation not yet accepted → credential_not_active', () => {
    const d = run(siteWith((s) => (credential(s, 1000).status = 'invited')))
    expect(d.findings[0]).toMatchObject({ code: 'credential_not_active', severity: 'error', action: null })
    expect(d.findings[0]!.fix).toMatch(/accept/)
  })

  it('3b. an invitation with no value (as DoorFlow gives it) → not accepted yet, never credential_unknown; resend offered', () => {
    const d = run(siteWith((s) => { const c = credential(s, 1000); c.status = 'invited'; delete c.value }))
    expect(d.findings[0]).toMatchObject({ code: 'credential_not_active', severity: 'error' })
    expect(d.findings[0]!.fix).toMatch(/accept/)
    expect(d.findings[0]!.fix).toMatch(/resend the invitation/)
    expect(d.findings.map((f) => f.code)).not.toContain('credential_unknown')
    expect(d.credentials.find((c) => c.credential_id === 1000)).toMatchObject({ shown_value: '— (invitation)', decision: { code: 'credential_not_active' } })
  })

  it('4. a disabled person → person_disabled, fixed by enabling them', () => {
    const d = run(siteWith((s) => (person(s, 100).enabled = false)))
    expect(d.findings[0]).toMatchObject({ code: 'person_disabled', action: { kind: 'enable_person', person_id: 100 } })
  })

  it('5. an access window that ended → person_expired', () => {
    const d = run(siteWith((s) => (person(s, 100).valid_to = '2026-12-01T00:00:00Z')))
    expect(d.findings[0]!.code).toBe('person_expired')
    expect(d.findings[0]!.evidence).toMatch(/2026-12-01/)
  })

  it('6. an access window not yet started → person_not_yet_valid', () => {
    const d = run(siteWith((s) => (person(s, 100).valid_from = '2026-12-07T00:00:00Z')))
    expect(d.findings[0]!.code).toBe('person_not_yet_valid')
  })

  it('7. no group for the door → no_group_grants_door, fixed by adding a group with access now', () => {
    const d = run(siteWith(), { door_id: 5 })
    expect(d.findings[0]).toMatchObject({ code: 'no_group_grants_door', action: { kind: 'add_to_group', person_id: 100, group_id: 11 } })
  })

  it('8. outside the schedule (Saturday) → outside_schedule, offering a group with access then', () => {
    const d = run(siteWith(), { at: '2026-12-05T10:00:00Z' })
    expect(d.findings[0]).toMatchObject({ code: 'outside_schedule', action: { kind: 'add_to_group', group_id: 12 } })
    expect(d.findings[0]!.evidence).toMatch(/Sat 10:00/)
  })

  it('8b. on a site holiday the schedule is closed → outside_schedule naming the holiday', () => {
    const d = run(siteWith(), { at: '2026-12-25T10:00:00Z' })
    expect(d.findings[0]!.code).toBe('outside_schedule')
    expect(d.findings[0]!.evidence).toMatch(/holiday/)
  })

  it('9. a door in lockdown → door_lockdown, no one-click fix', () => {
    const d = run(siteWith((s) => (person(s, 100).group_ids = [12])), { door_id: 3 })
    expect(d.findings[0]).toMatchObject({ code: 'door_lockdown', action: null })
  })

  it('10. a credential type the door does not accept → credential_type_not_accepted', () => {
    const d = run(siteWith((s) => (credential(s, 1000).credential_type_id = 9)), { door_id: 2 })
    expect(d.findings[0]!.code).toBe('credential_type_not_accepted')
    expect(d.findings[0]!.fix).toMatch(/HID Mobile Access/)
  })

  it('11. an iPhone at an NFC-only reader on a system where iPhones use BLE → reader_incompatible', () => {
    const ios = run(siteWith(), { door_id: 4, platform: 'ios' })
    expect(ios.findings[0]).toMatchObject({ code: 'reader_incompatible', severity: 'error' })
    expect(ios.findings[0]!.evidence).toMatch(/NFC/)
    const android = run(siteWith(), { door_id: 4, platform: 'android' })
    expect(codes(android)).not.toContain('reader_incompatible')
    const unknown = run(siteWith(), { door_id: 4 })
    expect(unknown.findings.find((f) => f.code === 'reader_incompatible')).toMatchObject({ severity: 'warning' })
  })

  it('11b. a site where Android phones use NFC only: an Android phone with a BLE-only type fails', () => {
    const d = run(siteWith((s) => {
        s.site.mobile_platforms = { ios: ['ble'], android: ['nfc'] }
        credential(s, 1000).credential_type_id = 9
      }), { platform: 'android' })
    expect(d.findings[0]).toMatchObject({ code: 'reader_incompatible', severity: 'error' })
  })

  it('12. issued less than 2 minutes ago → credential_recently_issued first', () => {
    const d = run(siteWith((s) => (credential(s, 1000).issued_at = '2026-12-02T09:59:15Z')))
    expect(errors(d)).toEqual([])
    expect(d.findings[0]).toMatchObject({ code: 'credential_recently_issued', severity: 'warning' })
    expect(d.findings[0]!.evidence).toMatch(/45 s/)
    const later = run(siteWith((s) => (credential(s, 1000).issued_at = '2026-12-02T09:57:59Z')))
    expect(codes(later)).not.toContain('credential_recently_issued')
  })

  it('13. no backup credential → no_backup_credential with the issue-a-PIN fix, ranked low', () => {
    const d = run(siteWith((s) => (s.credentials = s.credentials.filter((c) => c.id !== 1001))))
    const f = finding(d, 'no_backup_credential')
    expect(f).toMatchObject({ severity: 'warning', action: { kind: 'issue_backup_pin', person_id: 100 } })
    expect(d.findings.indexOf(f)).toBe(d.findings.length - 1)
  })

  it('14. a change DoorFlow refused → sync_failed; a change not yet sent → sync_pending', () => {
    const sync: SyncEvidence[] = [
      { entity: 'credential', id: 1000, state: 'failed', op: 'update', message: 'value is already in use' },
      { entity: 'person', id: 100, state: 'pending', op: 'update', message: null }
    ]
    const d = run(siteWith(), { sync })
    expect(d.findings[0]).toMatchObject({ code: 'sync_failed', severity: 'error' })
    expect(d.findings[0]!.evidence).toMatch(/value is already in use/)
    expect(finding(d, 'sync_pending').severity).toBe('warning')
    expect(d.source).toBe('database')
    const gone = run(siteWith(), { sync: [{ entity: 'credential', id: 1999, state: 'pending', op: 'delete', message: null }] })
    expect(finding(gone, 'sync_pending').evidence).toBe('credential 1999 (deleted here): delete pending.')
  })

  it('15. two phones sharing one credential value → credential_shared', () => {
    const d = run(siteWith((s) => (credential(s, 1010).value = 'HID-0001-A1A1A1')))
    const f = finding(d, 'credential_shared')
    expect(f).toMatchObject({ action: { kind: 'start_device_change', credential_id: 1000 } })
    expect(f.evidence).toMatch(/person 101/)
  })

  it('16. no phone credential at all → no_mobile_credential first', () => {
    const d = run(siteWith((s) => (s.credentials = s.credentials.filter((c) => c.id !== 1000))))
    expect(d.findings[0]!.code).toBe('no_mobile_credential')
  })

  it('17. a PIN door and no PIN → pin_required error with the issue-a-PIN fix', () => {
    const d = run(siteWith((s) => (s.credentials = s.credentials.filter((c) => c.id !== 1001))), { door_id: 2 })
    expect(d.findings[0]).toMatchObject({ code: 'pin_required', severity: 'error', action: { kind: 'issue_backup_pin' } })
    const withPin = run(siteWith(), { door_id: 2 })
    expect(finding(withPin, 'pin_required').severity).toBe('info')
    expect(withPin.opens).toBe(true)
  })

  it('18. an unlocked door opens for anyone: no credential errors', () => {
    const d = run(siteWith((s) => (credential(s, 1000).enabled = false)), { door_id: 6 })
    expect(errors(d)).toEqual([])
    expect(d.opens).toBe(true)
  })

  it('19. a half-done phone change → device_change_pending pointing at the old phone', () => {
    const d = run(
      siteWith((s) => s.credentials.push({ id: 1002, person_id: 100, credential_type_id: 8, value: 'HID-0001-C3C3C3', enabled: true, status: 'invited', device: 'Pixel 9' }))
    )
    expect(finding(d, 'device_change_pending').action).toEqual({ kind: 'start_device_change', person_id: 100, credential_id: 1000 })
    expect(d.opens).toBe(true)
    expect(d.summary).toMatch(/opens for Alice Able with HID Mobile Access HID-0001-A1A1A1 \(Pixel 8\)/)
  })
})

describe('diagnose: combined faults', () => {
  it('a disabled credential and no group: both reported, in the engine order', () => {
    const d = run(siteWith((s) => { credential(s, 1000).enabled = false; person(s, 100).group_ids = [] }))
    expect(errors(d).slice(0, 2)).toEqual(['credential_disabled', 'no_group_grants_door'])
  })

  it('expired, disabled person and an unsent change: every failing check, not only the first', () => {
    const d = run(
      siteWith((s) => { person(s, 100).enabled = false; person(s, 100).valid_to = '2026-11-30T00:00:00Z' }),
      { sync: [{ entity: 'person', id: 100, state: 'unknown', op: 'update', message: 'timed out' }] }
    )
    expect(errors(d)).toEqual(['person_disabled', 'person_expired'])
    expect(codes(d)).toContain('sync_pending')
  })

  it('an iPhone at the NFC-only Lab with no backup: incompatible reader and no backup', () => {
    const d = run(siteWith((s) => (s.credentials = s.credentials.filter((c) => c.id !== 1001))), { door_id: 4, platform: 'ios' })
    expect(d.findings[0]!.code).toBe('reader_incompatible')
    expect(codes(d)).toContain('no_backup_credential')
  })

  it('invited, issued a minute ago and outside hours', () => {
    const d = run(siteWith((s) => { credential(s, 1000).status = 'invited'; credential(s, 1000).issued_at = '2026-12-05T09:59:00Z' }), { at: '2026-12-05T10:00:00Z' })
    expect(errors(d)).toEqual(['credential_not_active', 'outside_schedule'])
    expect(codes(d)).toContain('credential_recently_issued')
  })

  it('only the credential asked about is diagnosed', () => {
    const d = run(siteWith((s) => (credential(s, 1000).enabled = false)), { person: 'BOB.baker@example.com', credential_id: 1011 })
    expect(d.person.id).toBe(101)
    expect(errors(d)).toEqual([])
  })
})

describe('diagnose: live tests', () => {
  it('a tap presenting an unknown value → nfc_not_enrolled first', () => {
    const d = run(siteWith(), { live: { tap: { outcome: 'presented', reader: 'Virtual PCD 00 00', credential_type_id: 8, value: 'HID-0001-FFFFFF', uid: null, latency_ms: 42 } } })
    expect(d.findings[0]).toMatchObject({ code: 'nfc_not_enrolled', action: { kind: 'start_device_change', credential_id: 1000 } })
  })

  it("a tap presenting someone else's credential → nfc_other_person", () => {
    const d = run(siteWith(), { live: { tap: { outcome: 'presented', reader: 'r', credential_type_id: 8, value: 'HID-0001-B2B2B2', uid: null, latency_ms: 10 } } })
    expect(d.findings[0]!.code).toBe('nfc_other_person')
  })

  it('a tap presenting their own credential → nfc_presented with the decision', () => {
    const d = run(siteWith(), { live: { tap: { outcome: 'presented', reader: 'r', credential_type_id: 8, value: 'HID-0001-A1A1A1', uid: null, latency_ms: 10 } } })
    expect(finding(d, 'nfc_presented').evidence).toMatch(/granted/)
  })

  it('no tap in time → nfc_no_tap; a reader never heard → ble_reader_not_heard; a weak one → ble_signal_weak', () => {
    const reader = { name: 'Reader · Front Door', address: 'C0:00:00:00:4C:7E' }
    expect(run(siteWith(), { live: { tap: { outcome: 'no_tap', seconds: 20 } } }).findings[0]!.code).toBe('nfc_no_tap')
    const silent = run(siteWith(), { live: { scan: { outcome: 'scanned', seconds: 5, simulated: true, reader, adverts: 0, median_rssi: null, max_rssi: null, threshold_dbm: -70 } } })
    expect(silent.findings[0]).toMatchObject({ code: 'ble_reader_not_heard', severity: 'error' })
    const weak = run(siteWith(), { live: { scan: { outcome: 'scanned', seconds: 5, simulated: true, reader, adverts: 40, median_rssi: -82, max_rssi: -75, threshold_dbm: -70 } } })
    expect(weak.findings[0]).toMatchObject({ code: 'ble_signal_weak' })
    const fine = run(siteWith(), { live: { scan: { outcome: 'scanned', seconds: 5, simulated: true, reader, adverts: 40, median_rssi: -60, max_rssi: -55, threshold_dbm: -70 } } })
    expect(finding(fine, 'ble_reader_heard').severity).toBe('info')
  })
})

describe('diagnose: bad input', () => {
  it('names the missing person, door or credential', () => {
    expect(() => run(siteWith(), { person: 999 })).toThrow(/no person 999/)
    expect(() => run(siteWith(), { person: 'nobody@example.com' })).toThrow(/nobody@example.com/)
    expect(() => run(siteWith(), { door_id: 99 })).toThrow(/no door with id 99/)
    expect(() => run(siteWith(), { credential_id: 1010 })).toThrow(/no credential with id 1010/)
    expect(() => run(siteWith(), { at: 'yesterday' })).toThrow(/ISO 8601/)
  })
})
