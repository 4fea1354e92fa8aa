import { describe, expect, it } from 'vitest'
import { compileSite, decide, decisionValueOf, DECISION_CODES, type DecisionRequest } from '../../../src/shared/decision'
import type { Id } from '../../../src/shared/domain/site'
import { fixtureSite } from './support/fixtureSite'

const site = compileSite(fixtureSite())
const MONDAY_10 = '2026-12-21T10:00:00Z'

function request(door_id: Id, credential_type_id: Id, value: string, at = MONDAY_10, pin?: string): DecisionRequest {
  return pin === undefined ? { door_id, credential_type_id, value, at } : { door_id, credential_type_id, value, at, pin }
}

describe('decide: the decision code is the first failing check', () => {
  const cases: [string, DecisionRequest, string][] = [
    ['door_unknown for a door id the site does not have', request(99, 8, 'HID-ALICE'), 'door_unknown'],
    ['door_lockdown even for someone with 24/7 access', request(3, 8, 'HID-ERIN'), 'door_lockdown'],
    ['door_unlocked for an unknown credential without the PIN the door wants', request(4, 8, 'NOBODY'), 'door_unlocked'],
    ['credential_unknown for a value nobody holds', request(1, 8, 'HID-NOBODY'), 'credential_unknown'],
    ['credential_unknown when the value exists under another type', request(1, 2, 'HID-ALICE'), 'credential_unknown'],
    ['credential_type_not_accepted for a card at a mobile-only door', request('1', 2, '04A1B2C3D4E5F6'), 'credential_type_not_accepted'],
    ['credential_disabled when enabled is false', request(1, 8, 'HID-OFF'), 'credential_disabled'],
    ['credential_disabled when the status is disabled', request(1, 8, 'HID-DISABLED'), 'credential_disabled'],
    ['credential_disabled when the status is revoked', request(1, 8, 'HID-REVOKED'), 'credential_disabled'],
    ['credential_not_active when the invitation is not accepted', request(1, 8, 'HID-INVITED'), 'credential_not_active'],
    ['person_disabled when the person is disabled', request(1, 8, 'HID-BOB'), 'person_disabled'],
    ['person_disabled when the credential names a person who does not exist', request(1, 8, 'HID-ORPHAN'), 'person_disabled'],
    ['person_not_yet_valid before valid_from', request(1, 8, 'HID-CAROL', '2026-12-01T08:59:59.999Z'), 'person_not_yet_valid'],
    ['person_expired at exactly valid_to', request(1, 8, 'HID-CAROL', '2026-12-31T18:00:00Z'), 'person_expired'],
    ['no_group_grants_door for a person without groups', request(1, 8, 'HID-DAVE'), 'no_group_grants_door'],
    ['no_group_grants_door when the group grants other doors only', request('1', 8, 'HID-ALICE'), 'no_group_grants_door'],
    ['outside_schedule before office hours', request(1, 8, 'HID-ALICE', '2026-12-21T08:59:59Z'), 'outside_schedule'],
    ['pin_required at a PIN door without a PIN', request(2, 8, 'HID-ALICE'), 'pin_required'],
    ['pin_mismatch for a wrong PIN', request(2, 8, 'HID-ALICE', MONDAY_10, '000000'), 'pin_mismatch'],
    ['pin_mismatch for the value of a switched-off PIN credential', request(2, 8, 'HID-ALICE', MONDAY_10, '111222'), 'pin_mismatch'],
    ['pin_mismatch for the value of an invited PIN credential', request(2, 8, 'HID-ERIN', MONDAY_10, '909090'), 'pin_mismatch'],
    ['pin_mismatch for another person\'s PIN', request(2, 8, 'HID-ALICE', MONDAY_10, '775533'), 'pin_mismatch'],
    ['granted in office hours', request(1, 8, 'HID-ALICE'), 'granted'],
    ['granted at a PIN door with the right PIN', request(2, 8, 'HID-ALICE', MONDAY_10, '482913'), 'granted'],
    ['granted at a PIN door when the credential is itself a PIN', request(2, 6, '482913'), 'granted'],
    ['granted at valid_from exactly', request(1, 8, 'HID-CAROL', '2026-12-01T09:00:00Z'), 'granted'],
    ['granted to a group with access at all times on a Sunday night', request(2, 8, 'HID-ERIN', '2026-12-27T03:00:00Z', '775533'), 'granted']
  ]
  it.each(cases)('%s', (_name, req, code) => {
    expect(decide(site, req).code).toBe(code)
  })

  it('covers every decision code in the table above', () => {
    expect(new Set(cases.map(([, , code]) => code))).toEqual(new Set(DECISION_CODES))
  })
})

describe('decide: edge cases of the snapshot', () => {
  it('treats an undefined credential type as not a PIN, so a PIN door still asks for one', () => {
    expect(decide(site, request(2, 77, 'LEGACY-ERIN')).code).toBe('pin_required')
    expect(decide(site, request(2, 77, 'LEGACY-ERIN', MONDAY_10, '775533')).code).toBe('granted')
  })

  it('keeps equal values of different types apart', () => {
    expect(decide(site, request(2, 2, 'SHARED', MONDAY_10, '775533')).code).toBe('credential_type_not_accepted')
    expect(decide(site, request(2, 8, 'SHARED', MONDAY_10, '775533')).code).toBe('granted')
  })

  it('compares ids exactly: door 1 and door "1" are different doors', () => {
    expect(decide(site, request(1, 8, 'HID-ALICE')).code).toBe('granted')
    expect(decide(site, request('1', 8, 'HID-ALICE')).code).toBe('no_group_grants_door')
  })

  it('compares ids exactly: credential type "8" is not type 8', () => {
    expect(decide(site, request(1, '8', 'HID-ALICE')).code).toBe('credential_unknown')
  })

  it('compares ids exactly: person "1" is not person 1', () => {
    expect(decide(site, request(1, 8, 'HID-IVY')).code).toBe('no_group_grants_door')
  })

  it('ignores a group id that does not exist and uses the groups that do', () => {
    expect(decide(site, request(2, 8, 'HID-ERIN', MONDAY_10, '775533')).granted).toBe(true)
  })

  it('ignores a PIN given at a door that does not ask for one', () => {
    expect(decide(site, request(1, 8, 'HID-ALICE', MONDAY_10, '000000')).code).toBe('granted')
  })

  it('throws a RangeError for an at without an offset rather than guessing a zone', () => {
    expect(() => decide(site, request(1, 8, 'HID-ALICE', '2026-12-21T10:00:00'))).toThrow(RangeError)
  })

  it('reads at with an offset as the same instant', () => {
    expect(decide(site, request(1, 8, 'HID-ALICE', '2026-12-21T09:30:00+01:00')).code).toBe('outside_schedule')
    expect(decide(site, request(1, 8, 'HID-ALICE', '2026-12-21T04:00:00-05:00')).code).toBe('granted')
  })

  it('prefers the live credential when two share a type and value', () => {
    const snapshot = fixtureSite()
    snapshot.credentials.push(
      { id: 90, person_id: 2, credential_type_id: 2, value: 'REISSUED', enabled: true, status: 'revoked' },
      { id: 91, person_id: 1, credential_type_id: 2, value: 'REISSUED', enabled: true, status: 'active' }
    )
    expect(decide(compileSite(snapshot), request(1, 2, 'REISSUED')).code).toBe('granted')
  })
})

describe('a mobile credential with no value (an invitation)', () => {
  const withInvitation = fixtureSite()
  withInvitation.credentials.push({ id: 99, person_id: 2, credential_type_id: 8, enabled: true, status: 'invited' })
  const compiled = compileSite(withInvitation)
  const invitation = withInvitation.credentials.at(-1)!

  it('decides as an invitation not yet accepted, not as an unknown credential', () => {
    const decision = decide(compiled, request(1, 8, decisionValueOf(invitation)))
    expect(decision.code).toBe('credential_not_active')
    expect(decision.checks.find((c) => !c.passed)?.detail).toMatch(/invitation has not been accepted/)
  })

  it('opens once DoorFlow shows it active, still with no value', () => {
    const active = fixtureSite()
    active.credentials.push({ ...invitation, status: 'active' })
    expect(decide(compileSite(active), request(1, 8, decisionValueOf(invitation))).code).toBe(decide(compiled, request(1, 8, 'HID-BOB')).code)
  })

  it('cannot be presented by a reader: no value matches it', () => {
    expect(decide(compiled, request(1, 8, 'invitation:99')).code).toBe('credential_unknown')
  })
})

