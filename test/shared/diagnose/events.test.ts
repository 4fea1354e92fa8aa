/**
 * The door's own evidence on the diagnosis fixture: events (test/fixtures/diagnose/events.json)
 * and door status given as input, as the replica will give them through the events port.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileSite } from '../../../src/shared/decision'
import { diagnose, DiagnosisSchema, type DiagnoseInput, type Diagnosis, type EventEvidence } from '../../../src/shared/diagnose'
import { SiteSchema, type Site } from '../../../src/shared/domain/site'
import { eventKind, type DoorEvent } from '../../../src/shared/events/model'
import { expectSummaryMatchesTop } from './summaryCheck'

const SITE: Site = SiteSchema.parse(JSON.parse(readFileSync(new URL('../../fixtures/diagnose/site.json', import.meta.url), 'utf8')))
const EVENTS = (JSON.parse(readFileSync(new URL('../../fixtures/diagnose/events.json', import.meta.url), 'utf8')) as { events: DoorEvent[] }).events
const AT = '2026-12-02T10:00:00Z'

function run(events: Partial<EventEvidence>, input: Partial<DiagnoseInput> = {}): Diagnosis {
  const d = diagnose(SITE, compileSite(SITE), { person: 100, door_id: 1, at: AT, sync: null, events: { events: EVENTS, status: null, window_minutes: 15, ...events }, ...input })
  expect(DiagnosisSchema.safeParse(d).success).toBe(true)
  expectSummaryMatchesTop(d)
  return d
}
const codes = (d: Diagnosis): string[] => d.findings.map((f) => f.code)

describe('event codes', () => {
  it('classes admits 10–18 and 70, rejects 20–29 and 71–73', () => {
    expect([10, 18, 70].map(eventKind)).toEqual(['admit', 'admit', 'admit'])
    expect([20, 29, 71, 73].map(eventKind)).toEqual(['reject', 'reject', 'reject', 'reject'])
    expect([9, 19, 30, 74, 100].map(eventKind)).toEqual(['other', 'other', 'other', 'other', 'other'])
  })
})

describe("the door's own verdict", () => {
  it('outranks every inference: "Front Door saw this phone at 09:58 and rejected it: invalid credential type"', () => {
    const d = run({})
    expect(d.findings[0]).toMatchObject({ code: 'door_rejected', severity: 'error', credential_id: 1000 })
    expect(d.findings[0]!.title).toBe('Front Door saw this phone at 09:58 and rejected it: invalid credential type')
    expect(d.summary).toBe('Front Door will not open for Alice Able: Front Door saw this phone at 09:58 and rejected it: invalid credential type.')
  })

  it('names the rule that differs when the door and Lintel disagree', () => {
    const f = run({}).findings.find((x) => x.code === 'rules_disagree')!
    expect(f.title).toBe("Lintel's rules and Front Door disagree on credential_type_not_accepted")
    expect(f.evidence).toMatch(/invalid credential type/)
  })

  it('an admit while Lintel refuses is a disagreement too; an admit alone is no error', () => {
    const d = run({}, { door_id: 5 })
    expect(codes(d)).toContain('door_admitted')
    expect(d.findings.find((f) => f.code === 'rules_disagree')?.title).toMatch(/no_group_grants_door/)
  })

  it('shows recent events newest first, a PIN masked in the number and the label', () => {
    const d = run({}, { door_id: 2 })
    const pin = d.events!.items.find((e) => e.code === 24)!
    expect(pin.credential_number).toBe('••••••')
    expect(pin.label).not.toContain('583920')
    expect(JSON.stringify(d)).not.toContain('583920')
    const front = run({}).events!.items
    expect(front.map((e) => e.at)).toEqual(['2026-12-02T09:58:00Z', '2026-12-02T09:50:00Z'])
  })
})

describe('no event, door status and bad input', () => {
  it('no event from the door while they tried points to the phone-to-reader path, in the platform rules', () => {
    const d = run({ events: EVENTS.filter((e) => e.person_id !== 100) }, { platform: 'android' })
    const f = d.findings[0]!
    expect(f).toMatchObject({ code: 'door_no_event', severity: 'warning' })
    expect(f.title).toBe('No event from Front Door in the last 15 minutes while they tried')
    expect(f.fix).toMatch(/Android phones: Bluetooth \(BLE\) or NFC/)
    expect(d.summary).toContain(f.title)
  })

  it('door status: offline, lockdown, and not synced since the credential last changed', () => {
    const offline = run({ events: [], status: { door_id: 1, online: false, lockdown: null, last_sync_completed_at: null } })
    expect(offline.findings[0]!.code).toBe('door_offline')
    expect(codes(offline)).not.toContain('door_no_event')
    const locked = run({ events: [], status: { door_id: 1, online: true, lockdown: true, last_sync_completed_at: null } })
    expect(locked.findings[0]!.code).toBe('door_lockdown_reported')
    const stale = run({ events: [], status: { door_id: 1, online: true, lockdown: false, last_sync_completed_at: '2026-10-01T00:00:00Z' } })
    expect(stale.findings[0]).toMatchObject({ code: 'door_not_synced', credential_id: 1000 })
  })

  it('an unknown person or door, events out of order, in the future or undated never crash or hide a finding', () => {
    const shuffled = [...EVENTS].reverse()
    const d = run({ events: shuffled })
    expect(d.findings[0]!.code).toBe('door_rejected')
    expect(codes(d)).toContain('events_clock_off')
    expect(d.events!.items.every((e) => e.at !== 'yesterday' && e.at !== '2026-12-02T11:30:00Z')).toBe(true)
  })

  it('says so when events are not available yet', () => {
    const d = run({ events: null })
    expect(codes(d)).toContain('events_unavailable')
    expect(d.events).toBeNull()
    expect(d.findings[0]!.code).toBe('phone_radio_or_app')
  })
})
