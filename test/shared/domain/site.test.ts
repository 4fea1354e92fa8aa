import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseSite, type Person, type Site } from '../../../src/shared/domain/site'
import { fixtureSite } from '../decision/support/fixtureSite'

const demo: unknown = JSON.parse(readFileSync(new URL('../../../resources/demo-site.json', import.meta.url), 'utf8'))

/** The fixture site with one change made to a copy of it; invalid values are cast with `as never`. */
function changed(edit: (site: Site) => void): unknown {
  const site = structuredClone(fixtureSite())
  edit(site)
  return site
}

describe('parseSite', () => {
  it('accepts the embedded demo site', () => {
    const result = parseSite(demo)
    expect(result.ok ? 'ok' : `${result.path}: ${result.message}`).toBe('ok')
  })

  it('keeps the demo site realistic: DoorFlow type ids, six doors, about forty people', () => {
    const result = parseSite(demo)
    if (!result.ok) throw new Error(result.message)
    const { site } = result
    expect(site.credential_types.map((t) => t.id)).toEqual(expect.arrayContaining([6, 8, 9]))
    expect(site.doors).toHaveLength(6)
    expect(site.people.length).toBeGreaterThanOrEqual(35)
    expect(site.credentials.some((c) => c.status === 'invited')).toBe(true)
    expect(site.credentials.some((c) => c.issued_at && c.device)).toBe(true)
  })

  it('accepts dangling references: the engine treats them as missing', () => {
    const result = parseSite(changed((s) => {
      s.people[0]!.group_ids.push('no-such-group')
      s.credentials[0]!.person_id = 'no-such-person'
      s.groups[0]!.access.push({ door_ids: ['no-such-door'], schedule_id: 'no-such-schedule' })
      s.doors[0]!.accepts.push('no-such-type')
    }))
    expect(result.ok).toBe(true)
  })

  it('accepts 3 and "3" as two different ids in one list', () => {
    expect(parseSite(changed((s) => s.doors.push({ ...s.doors[0]!, id: '3' }))).ok).toBe(true)
  })

  it('accepts a snapshot without the optional extensions, and keeps them when present', () => {
    const result = parseSite(changed((s) => Object.assign(s.credentials[0]!, { issued_at: '2026-11-20T16:45:00Z', device: 'Pixel 9' })))
    expect(result.ok && result.site.credentials[0]).toMatchObject({ issued_at: '2026-11-20T16:45:00Z', device: 'Pixel 9' })
    expect(result.ok && result.site.credentials[1]?.issued_at).toBeUndefined()
  })

  const rejections: [string, (s: Site) => void, string, RegExp][] = [
    ['a duplicate door id', (s) => s.doors.push({ ...s.doors[1]! }), '$.doors[5].id', /duplicate id 2 \(also at \$\.doors\[1\]\)/],
    ['a duplicate person id', (s) => s.people.push({ ...s.people[0]! }), '$.people[9].id', /duplicate id 1/],
    ['a duplicate schedule id', (s) => s.schedules.push({ ...s.schedules[0]! }), '$.schedules[5].id', /duplicate id "office"/],
    ['an unknown time zone', (s) => (s.site.timezone = 'Europe/Atlantis'), '$.site.timezone', /IANA time zone/],
    ['a holiday that is not a real date', (s) => s.site.holidays.push('2026-02-30'), '$.site.holidays[2]', /YYYY-MM-DD/],
    ['a holiday in another format', (s) => s.site.holidays.push('25/12/2026'), '$.site.holidays[2]', /YYYY-MM-DD/],
    ['"24:00" as from', (s) => (s.schedules[0]!.weekly[0]!.from = '24:00'), '$.schedules[0].weekly[0].from', /00:00 and 23:59/],
    ['"24:30" as to', (s) => (s.schedules[0]!.weekly[0]!.to = '24:30'), '$.schedules[0].weekly[0].to', /00:00 and 24:00/],
    ['a time without a leading zero', (s) => (s.schedules[0]!.weekly[0]!.from = '9:00'), '$.schedules[0].weekly[0].from', /HH:MM/],
    ['minute 60', (s) => (s.schedules[0]!.weekly[0]!.to = '17:60'), '$.schedules[0].weekly[0].to', /HH:MM/],
    ['a day name that is not mon–sun', (s) => (s.schedules[0]!.weekly[0]!.days = ['monday' as never]), '$.schedules[0].weekly[0].days[0]', /./],
    ['valid_to without an offset', (s) => (s.people[2]!.valid_to = '2026-12-31T18:00:00'), '$.people[2].valid_to', /offset/],
    ['issued_at without an offset', (s) => (s.credentials[0]!.issued_at = '2026-11-20'), '$.credentials[0].issued_at', /offset/],
    ['a fractional id', (s) => (s.doors[0]!.id = 1.5), '$.doors[0].id', /./],
    ['an unknown credential status', (s) => (s.credentials[0]!.status = 'lost' as never), '$.credentials[0].status', /./],
    ['a missing email', (s) => delete (s.people[3] as Partial<Person>).email, '$.people[3].email', /./]
  ]
  it.each(rejections)('rejects %s, naming the JSON path', (_name, edit, path, message) => {
    const result = parseSite(changed(edit))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.path).toBe(path)
      expect(result.message).toMatch(message)
    }
  })

  it('rejects something that is not a site at all', () => {
    expect(parseSite([]).ok).toBe(false)
    expect(parseSite(null)).toMatchObject({ ok: false, path: '$' })
  })

  it('types the result as Site', () => {
    const result = parseSite(fixtureSite())
    const site: Site | undefined = result.ok ? result.site : undefined
    expect(site?.site.timezone).toBe('Europe/London')
  })

  it('lets only a mobile credential have no value, naming the credential that lacks one', () => {
    expect(parseSite(changed((s) => { delete s.credentials[0]!.value })).ok).toBe(true)
    const card = parseSite(changed((s) => { delete s.credentials[2]!.value }))
    expect(card).toEqual({ ok: false, path: '$.credentials[2].value', message: expect.stringContaining('credential 3 has no value') as unknown })
    expect(parseSite(changed((s) => { s.credentials[0]!.value = '' })).ok).toBe(false)
  })
})
