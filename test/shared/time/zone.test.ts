import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatLocalDate, instantsAtLocal, localTimeAt, offsetAt, parseLocalDate, zoneChanges, zoneTable } from '../../../src/shared/time'
import { isValidTimeZone } from '../../../src/shared/time/intlClock'

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const oracles = new Map<string, Intl.DateTimeFormat>()

/** Local date, weekday and minute straight from Intl: the oracle. */
function intlLocal(timeZone: string, epochMs: number): { date: string; weekday: number; minuteOfDay: number } {
  let f = oracles.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    oracles.set(timeZone, f)
  }
  const p = Object.fromEntries(f.formatToParts(epochMs).map((x) => [x.type, x.value]))
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: WEEKDAYS.indexOf(p.weekday!), minuteOfDay: Number(p.hour) * 60 + Number(p.minute) }
}

function ours(timeZone: string, epochMs: number) {
  const local = localTimeAt(zoneTable(timeZone), epochMs)
  return { date: formatLocalDate(local.day), weekday: local.weekday, minuteOfDay: local.minuteOfDay }
}

const utc = (text: string): number => Date.parse(text)

describe('zone tables: DST changes of 2026, against Intl', () => {
  const changes: [string, string, string, number][] = [
    ['Europe/London', 'spring forward', '2026-03-29T01:00:00Z', 1],
    ['Europe/London', 'fall back', '2026-10-25T01:00:00Z', 0],
    ['America/New_York', 'spring forward', '2026-03-08T07:00:00Z', -4],
    ['America/New_York', 'fall back', '2026-11-01T06:00:00Z', -5],
    ['Australia/Sydney', 'fall back', '2026-04-04T16:00:00Z', 10],
    ['Australia/Sydney', 'spring forward', '2026-10-03T16:00:00Z', 11]
  ]

  it.each(changes)('%s %s happens at %s, to UTC%+d', (zone, _direction, at, hoursAfter) => {
    const table = zoneTable(zone)
    expect(offsetAt(table, utc(at)) / 3_600_000).toBe(hoursAfter)
    expect(offsetAt(table, utc(at) - 1)).not.toBe(offsetAt(table, utc(at)))
  })

  it.each(changes)('%s %s: every minute within three hours either side matches Intl', (zone, _direction, at) => {
    for (let t = utc(at) - 3 * 3_600_000; t <= utc(at) + 3 * 3_600_000; t += 60_000) {
      expect(ours(zone, t), new Date(t).toISOString()).toEqual(intlLocal(zone, t))
      expect(ours(zone, t + 59_999)).toEqual(intlLocal(zone, t + 59_999))
    }
  })
})

describe('zone tables: local times that do not exist or exist twice', () => {
  it.each([
    ['Europe/London', '2026-03-29', '01:30'],
    ['America/New_York', '2026-03-08', '02:30'],
    ['Australia/Sydney', '2026-10-04', '02:30']
  ])('%s has no %s %s (spring-forward gap)', (zone, date, clock) => {
    expect(instantsAtLocal(zoneTable(zone), parseLocalDate(date), minutes(clock))).toEqual([])
  })

  it.each([
    ['Europe/London', '2026-10-25', '01:30', ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']],
    ['America/New_York', '2026-11-01', '01:30', ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z']],
    ['Australia/Sydney', '2026-04-05', '02:30', ['2026-04-04T15:30:00Z', '2026-04-04T16:30:00Z']]
  ])('%s has %s %s twice (fall-back repeated hour)', (zone, date, clock, expected) => {
    expect(instantsAtLocal(zoneTable(zone), parseLocalDate(date), minutes(clock))).toEqual(expected.map(utc))
  })

  it('has an ordinary local time exactly once', () => {
    expect(instantsAtLocal(zoneTable('Europe/London'), parseLocalDate('2026-12-25'), minutes('09:00'))).toEqual([utc('2026-12-25T09:00:00Z')])
  })
})

const TRICKY = [
  'Europe/London', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham',
  'Africa/Casablanca', 'Asia/Tehran', 'America/Santiago', 'Pacific/Apia', 'Pacific/Kiritimati', 'Asia/Pyongyang',
  'Europe/Volgograd', 'America/Caracas', 'Africa/Juba', 'Antarctica/Troll', 'America/St_Johns', 'Asia/Gaza', 'UTC', 'US/Eastern'
]

describe('zone tables: random instants in tricky zones, against Intl', () => {
  it('match Intl from 1970 to 2100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRICKY), fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) - 1 }), (zone, t) => {
        expect(ours(zone, t)).toEqual(intlLocal(zone, t))
      }),
      { numRuns: 3000 }
    )
  })

  it('fall back to Intl outside the table, before 1970 and after 2100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRICKY), fc.oneof(fc.integer({ min: Date.UTC(1850, 0, 1), max: -1 }), fc.integer({ min: Date.UTC(2100, 0, 1), max: Date.UTC(2300, 0, 1) })), (zone, t) => {
        expect(ours(zone, t)).toEqual(intlLocal(zone, t))
      }),
      { numRuns: 500 }
    )
  })

  it('miss no offset change found by sampling every day of 2000–2040 (zones with close changes)', () => {
    for (const zone of ['Africa/Casablanca', 'Asia/Gaza', 'Asia/Tehran', 'America/Santiago', 'Australia/Lord_Howe', 'Europe/London']) {
      const table = zoneTable(zone)
      for (let t = Date.UTC(2000, 0, 1, 12); t < Date.UTC(2041, 0, 1); t += 86_400_000) {
        const intl = intlLocal(zone, t)
        if (ours(zone, t).minuteOfDay !== intl.minuteOfDay) throw new Error(`${zone} differs from Intl at ${new Date(t).toISOString()} (offset ${offsetAt(table, t)})`)
      }
    }
  })

  it('lists a year\'s changes, and none for a zone without them', () => {
    expect(zoneChanges(zoneTable('Europe/London'), utc('2026-01-01T00:00:00Z'), utc('2027-01-01T00:00:00Z'))).toEqual([utc('2026-03-29T01:00:00Z'), utc('2026-10-25T01:00:00Z')])
    expect(zoneChanges(zoneTable('Australia/Sydney'), utc('2026-04-04T16:00:00Z'), utc('2026-10-03T16:00:00Z'))).toEqual([utc('2026-04-04T16:00:00Z')])
    expect(zoneChanges(zoneTable('UTC'), utc('2000-01-01T00:00:00Z'), utc('2060-01-01T00:00:00Z'))).toEqual([])
  })

  it('rejects an unknown zone', () => {
    expect(() => zoneTable('Mars/Olympus_Mons')).toThrow(RangeError)
  })
})

function minutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3))
}

describe('isValidTimeZone', () => {
  // Judged as Intl judges it: a canonical name from the list, anything else by building a formatter.
  const intlAccepts = (name: string): boolean => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name })
      return name.length > 0
    } catch {
      return false
    }
  }

  it('accepts every zone the runtime lists, and aliases and other spellings Intl accepts', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(isValidTimeZone(zone), zone).toBe(true)
    for (const alias of ['UTC', 'Etc/UTC', 'GMT', 'US/Eastern', 'Asia/Calcutta', 'Europe/Kiev', 'europe/london', 'Etc/GMT+5']) {
      expect(isValidTimeZone(alias), alias).toBe(intlAccepts(alias))
    }
    expect(isValidTimeZone('Asia/Calcutta')).toBe(true)
  })

  it('refuses what Intl refuses', () => {
    for (const bad of ['', 'Mars/Olympus', 'Europe/Londn', 'UTC+1', ' Europe/London', 'Europe/London\n']) {
      expect(isValidTimeZone(bad), JSON.stringify(bad)).toBe(false)
      expect(intlAccepts(bad)).toBe(false)
    }
  })
})
