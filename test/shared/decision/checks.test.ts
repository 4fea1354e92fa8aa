import { describe, expect, it } from 'vitest'
import { compileSite, decide, DECISION_CODES, DecisionSchema, type DecisionRequest } from '../../../src/shared/decision'
import { fixtureSite } from './support/fixtureSite'
import { randomRequests } from './support/randomRequests'
import { randomSite } from './support/randomSite'

const snapshot = fixtureSite()
const site = compileSite(snapshot)
const at = '2026-12-21T10:00:00Z'
const listed = (req: DecisionRequest) => decide(site, req).checks.map((c) => c.check)
const failing = (req: DecisionRequest) => decide(site, req).checks.filter((c) => !c.passed).map((c) => c.check)

describe('decision checks: which are listed', () => {
  it('lists only checks 1–3 at an unlocked door, all passed', () => {
    const decision = decide(site, { door_id: 4, credential_type_id: 8, value: 'HID-ALICE', at })
    expect(decision.checks.map((c) => [c.check, c.passed])).toEqual([
      ['door_unknown', true],
      ['door_lockdown', true],
      ['door_unlocked', true]
    ])
  })

  it('lists every check for a full evaluation, in the order of the issue', () => {
    expect(listed({ door_id: 2, credential_type_id: 8, value: 'HID-ALICE', at, pin: '482913' })).toEqual([
      'door_unknown', 'door_lockdown', 'door_unlocked', 'credential_unknown', 'credential_type_not_accepted',
      'credential_disabled', 'credential_not_active', 'person_disabled', 'person_not_yet_valid', 'person_expired',
      'no_group_grants_door', 'outside_schedule', 'pin_required', 'pin_mismatch'
    ])
  })

  it('leaves out the door checks it cannot evaluate for an unknown door, but still checks the credential and person', () => {
    expect(listed({ door_id: 99, credential_type_id: 8, value: 'HID-ALICE', at })).toEqual([
      'door_unknown', 'credential_unknown', 'credential_disabled', 'credential_not_active',
      'person_disabled', 'person_not_yet_valid', 'person_expired'
    ])
  })

  it('leaves out the credential, person and schedule checks for an unknown credential', () => {
    expect(listed({ door_id: 2, credential_type_id: 8, value: 'NOBODY', at, pin: '1234' })).toEqual([
      'door_unknown', 'door_lockdown', 'door_unlocked', 'credential_unknown', 'credential_type_not_accepted', 'pin_required'
    ])
  })

  it('leaves out validity, groups, schedule and PIN match when the person does not exist', () => {
    expect(listed({ door_id: 2, credential_type_id: 8, value: 'HID-ORPHAN', at, pin: '482913' })).toEqual([
      'door_unknown', 'door_lockdown', 'door_unlocked', 'credential_unknown', 'credential_type_not_accepted',
      'credential_disabled', 'credential_not_active', 'person_disabled', 'pin_required'
    ])
  })

  it('leaves out the schedule check when no group grants the door', () => {
    expect(listed({ door_id: 1, credential_type_id: 8, value: 'HID-DAVE', at })).not.toContain('outside_schedule')
  })

  it('lists pin_mismatch only when a PIN was needed and entered', () => {
    expect(listed({ door_id: 1, credential_type_id: 8, value: 'HID-ALICE', at, pin: '482913' })).not.toContain('pin_mismatch')
    expect(listed({ door_id: 2, credential_type_id: 8, value: 'HID-ALICE', at })).not.toContain('pin_mismatch')
  })

  it('shows every reason, not only the first: lockdown, a revoked credential and a time outside the schedule', () => {
    const roof = { ...snapshot, groups: [...snapshot.groups, { id: 9, name: 'Roof', access: [{ door_ids: [3], schedule_id: 'office' }] }] }
    roof.people = roof.people.map((p) => (p.id === 1 ? { ...p, group_ids: [9] } : p))
    const decision = decide(compileSite(roof), { door_id: 3, credential_type_id: 8, value: 'HID-REVOKED', at: '2026-12-26T10:00:00Z' })
    expect(decision.code).toBe('door_lockdown')
    expect(decision.checks.filter((c) => !c.passed).map((c) => c.check)).toEqual(['door_lockdown', 'credential_disabled', 'outside_schedule'])
  })

  it('fails both credential checks for a switched-off invitation', () => {
    const invitedOff = fixtureSite()
    invitedOff.credentials.push({ id: 99, person_id: 1, credential_type_id: 8, value: 'HID-X', enabled: false, status: 'invited' })
    const decision = decide(compileSite(invitedOff), { door_id: 1, credential_type_id: 8, value: 'HID-X', at })
    expect(decision.checks.filter((c) => !c.passed).map((c) => c.check)).toEqual(['credential_disabled', 'credential_not_active'])
  })

  it('fails no check for an ordinary grant', () => {
    expect(failing({ door_id: 1, credential_type_id: 8, value: 'HID-ALICE', at })).toEqual([])
  })
})

describe('decision checks: details', () => {
  const random = randomSite({ seed: 3, timezone: 'Europe/London', people: 200, credentialsPerPerson: 3, doors: 30, groups: 20, schedules: 10, holidays: 8, messy: true })
  const compiled = compileSite(random)
  const requests = randomRequests(random, 3000, 4)
  const pinTypes = new Set(random.credential_types.filter((t) => t.format === 'pin').map((t) => t.id))
  const pins = new Set(random.credentials.filter((c) => pinTypes.has(c.credential_type_id)).map((c) => c.value))

  it('never prints a PIN, whether entered or used as the credential', () => {
    for (const req of requests) {
      for (const c of decide(compiled, req).checks) {
        if (req.pin) expect(c.detail).not.toContain(req.pin)
        if (pinTypes.has(req.credential_type_id)) expect(c.detail).not.toContain(req.value)
      }
    }
    expect(pins.size).toBeGreaterThan(50)
  })

  it('gives every check one short sentence', () => {
    for (const req of requests.slice(0, 500)) {
      for (const c of decide(compiled, req).checks) expect(c.detail).toMatch(/^[A-Z].{5,140}\.$/)
    }
  })

  it('produces decisions that match DecisionSchema, with codes from DECISION_CODES', () => {
    for (const req of requests.slice(0, 200)) {
      const decision = decide(compiled, req)
      expect(DecisionSchema.parse(decision)).toEqual(decision)
      expect(DECISION_CODES).toContain(decision.code)
    }
  })

  it('shares frozen check objects, so a caller cannot corrupt later decisions', () => {
    const decision = decide(site, { door_id: 1, credential_type_id: 8, value: 'HID-ALICE', at })
    expect(Object.isFrozen(decision.checks[0])).toBe(true)
  })
})
