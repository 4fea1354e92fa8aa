import { describe, expect, it } from 'vitest'
import { compileSite, decide } from '../../../src/shared/decision'
import { fixtureSite } from './support/fixtureSite'

const london = compileSite(fixtureSite('Europe/London'))
const sydney = compileSite(fixtureSite('Australia/Sydney'))

/** Whether the credential's schedule check passes at `at` (Front Entrance, no PIN). */
function inSchedule(value: string, at: string, site = london): boolean {
  const check = decide(site, { door_id: 1, credential_type_id: 8, value, at }).checks.find((c) => c.check === 'outside_schedule')
  if (!check) throw new Error(`no schedule check for ${value} at ${at}`)
  return check.passed
}

describe('schedules: intervals are [from, to) in site local time', () => {
  it.each([
    ['just before from is outside', '2026-12-21T08:59:59.999Z', false],
    ['from itself is inside', '2026-12-21T09:00:00Z', true],
    ['the last minute before to is inside', '2026-12-21T16:59:59Z', true],
    ['to itself is outside', '2026-12-21T17:00:00Z', false],
    ['a day not listed is outside (Saturday)', '2026-12-26T10:00:00Z', false]
  ])('office hours 09:00–17:00 on weekdays: %s', (_name, at, expected) => {
    expect(inSchedule('HID-ALICE', at)).toBe(expected)
  })

  it.each([
    ['18:00 Monday is inside', '2026-12-21T18:00:00Z', true],
    ['23:59 Monday is inside', '2026-12-21T23:59:59Z', true],
    ['00:00 Tuesday is outside: 24:00 ends the day', '2026-12-22T00:00:00Z', false]
  ])('an interval ending at "24:00": %s', (_name, at, expected) => {
    expect(inSchedule('HID-HAL', at)).toBe(expected)
  })
})

describe('schedules: an interval with to <= from crosses midnight', () => {
  it.each([
    ['22:00 on a listed day is inside', '2026-12-21T22:00:00Z', true],
    ['21:59 on a listed day is outside', '2026-12-21T21:59:00Z', false],
    ['01:59 the next morning is inside', '2026-12-22T01:59:00Z', true],
    ['02:00 the next morning is outside', '2026-12-22T02:00:00Z', false],
    ['01:00 Saturday is inside: it belongs to Friday night', '2026-12-19T01:00:00Z', true],
    ['01:00 Monday is outside: Sunday is not listed', '2026-12-21T01:00:00Z', false],
    ['23:00 Saturday is outside: Saturday is not listed', '2026-12-19T23:00:00Z', false]
  ])('cleaning 22:00–02:00 Monday to Friday: %s', (_name, at, expected) => {
    expect(inSchedule('HID-FRANK', at)).toBe(expected)
  })

  it.each([
    ['23:30 Sunday is inside', '2026-12-20T23:30:00Z', true],
    ['00:30 Monday is inside: the week wraps from Sunday to Monday', '2026-12-21T00:30:00Z', true],
    ['01:00 Monday is outside', '2026-12-21T01:00:00Z', false]
  ])('Sunday 23:00–01:00: %s', (_name, at, expected) => {
    expect(inSchedule('HID-HAL', at)).toBe(expected)
  })
})

describe('schedules: holidays', () => {
  it('contain nothing on a holiday when the schedule is closed on holidays', () => {
    expect(inSchedule('HID-ALICE', '2026-12-24T10:00:00Z')).toBe(true)
    expect(inSchedule('HID-ALICE', '2026-12-25T10:00:00Z')).toBe(false)
  })

  it('are ordinary days for a schedule open on holidays', () => {
    expect(inSchedule('HID-HAL', '2026-12-28T19:00:00Z')).toBe(true)
  })

  it('close the part of a night that crosses into a holiday', () => {
    expect(inSchedule('HID-FRANK', '2026-12-24T23:00:00Z')).toBe(true)
    expect(inSchedule('HID-FRANK', '2026-12-25T01:00:00Z')).toBe(false)
  })

  it('reopen the part of a holiday night that crosses out of it', () => {
    expect(inSchedule('HID-FRANK', '2026-12-25T23:00:00Z')).toBe(false)
    expect(inSchedule('HID-FRANK', '2026-12-26T01:00:00Z')).toBe(true)
  })

  it('go by the local date of at, not the UTC date (Sydney is 11 hours ahead)', () => {
    expect(inSchedule('HID-ALICE', '2026-12-24T23:30:00Z', sydney)).toBe(false)
    expect(inSchedule('HID-ALICE', '2026-12-23T23:30:00Z', sydney)).toBe(true)
    expect(inSchedule('HID-FRANK', '2026-12-25T14:00:00Z', sydney)).toBe(true)
  })

  it('name the holiday in the detail of a failed schedule check', () => {
    const decision = decide(london, { door_id: 1, credential_type_id: 8, value: 'HID-ALICE', at: '2026-12-25T10:00:00Z' })
    expect(decision.checks.find((c) => c.check === 'outside_schedule')?.detail).toBe(
      'Fri 10:00 site time on 2026-12-25, a site holiday, is outside every schedule that gives access to this door.'
    )
  })
})

describe('schedules: missing and empty', () => {
  it('a schedule id that does not exist contains nothing, and neither does an empty schedule', () => {
    for (const at of ['2026-12-21T10:00:00Z', '2026-12-26T03:00:00Z', '2026-12-27T23:59:00Z']) {
      expect(decide(london, { door_id: 1, credential_type_id: 8, value: 'HID-GINA', at }).code).toBe('outside_schedule')
    }
  })

  it('schedule_id null means always, on holidays too', () => {
    for (const at of ['2026-12-25T03:00:00Z', '2026-12-27T23:59:59Z']) {
      expect(decide(london, { door_id: 2, credential_type_id: 8, value: 'HID-ERIN', at, pin: '775533' }).code).toBe('granted')
    }
  })
})

describe('schedules: across DST changes the local clock decides', () => {
  it('opens at 09:00 BST in summer, which is 08:00 UTC (Europe/London)', () => {
    expect(inSchedule('HID-ALICE', '2026-06-01T07:59:00Z')).toBe(false)
    expect(inSchedule('HID-ALICE', '2026-06-01T08:00:00Z')).toBe(true)
    expect(inSchedule('HID-ALICE', '2026-06-01T15:59:00Z')).toBe(true)
    expect(inSchedule('HID-ALICE', '2026-06-01T16:00:00Z')).toBe(false)
  })

  it('counts the repeated hour after the clocks go back as the same local times (London, 25 October 2026)', () => {
    const night = compileSite({ ...fixtureSite(), schedules: fixtureSite().schedules.map((s) => (s.id === 'sunday-late' ? { ...s, weekly: [{ days: ['sun'], from: '01:00', to: '01:30' }] } : s)) })
    expect(inSchedule('HID-HAL', '2026-10-25T00:15:00Z', night)).toBe(true)
    expect(inSchedule('HID-HAL', '2026-10-25T01:15:00Z', night)).toBe(true)
    expect(inSchedule('HID-HAL', '2026-10-25T01:45:00Z', night)).toBe(false)
  })

  it('has no 01:00–02:00 on the night the clocks go forward (London, 29 March 2026)', () => {
    const night = compileSite({ ...fixtureSite(), schedules: fixtureSite().schedules.map((s) => (s.id === 'sunday-late' ? { ...s, weekly: [{ days: ['sun'], from: '01:00', to: '02:00' }] } : s)) })
    expect(inSchedule('HID-HAL', '2026-03-29T00:59:59Z', night)).toBe(false)
    expect(inSchedule('HID-HAL', '2026-03-29T01:00:00Z', night)).toBe(false)
  })
})
