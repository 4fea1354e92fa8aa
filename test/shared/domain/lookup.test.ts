import { describe, expect, it } from 'vitest'
import { closestNames, lookUp, namedEntities, type Named } from '../../../src/shared/domain/lookup'
import type { Site } from '../../../src/shared/domain/site'

const site = {
  site: { timezone: 'Europe/London', holidays: [] },
  credential_types: [],
  credentials: [],
  schedules: [],
  groups: [
    { id: 1, name: 'Staff', access: [] },
    { id: 2, name: 'staff', access: [] },
    { id: 3, name: 'Contractors', access: [] }
  ],
  doors: [
    { id: 1, name: 'Front Entrance', mode: 'normal', accepts: [], requires_pin: false },
    { id: 3, name: 'Server Room', mode: 'normal', accepts: [], requires_pin: false },
    { id: 'annex', name: '3', mode: 'normal', accepts: [], requires_pin: false },
    { id: 7, name: 'Loading Bay', mode: 'normal', accepts: [], requires_pin: false }
  ],
  people: [
    { id: 10, first_name: 'Leah', last_name: 'Morgan', email: 'Leah.Morgan@example.com', enabled: true, group_ids: [] },
    { id: 11, first_name: 'Ben', last_name: 'Whitaker', email: 'ben@example.com', enabled: true, group_ids: [] }
  ]
} as unknown as Site

const doors = namedEntities(site, 'door')
const people = namedEntities(site, 'person')
const groups = namedEntities(site, 'group')

describe('looking up what the command line names', () => {
  it('finds an id first, as a number or as the text', () => {
    expect(lookUp('7', doors)).toEqual({ found: 'one', id: 7, by: 'id' })
    expect(lookUp('annex', doors)).toEqual({ found: 'one', id: 'annex', by: 'id' })
  })

  it('finds an exact name ignoring case and surrounding spaces', () => {
    expect(lookUp('front entrance', doors)).toEqual({ found: 'one', id: 1, by: 'name' })
    expect(lookUp(' LOADING BAY ', doors)).toEqual({ found: 'one', id: 7, by: 'name' })
  })

  it('a person by full name or by email, ignoring case', () => {
    expect(lookUp('leah morgan', people)).toMatchObject({ found: 'one', id: 10 })
    expect(lookUp('LEAH.MORGAN@EXAMPLE.COM', people)).toMatchObject({ found: 'one', id: 10 })
  })

  it('an id that is also another entity’s name is ambiguous', () => {
    const found = lookUp('3', doors)
    expect(found.found).toBe('several')
    if (found.found === 'several') expect(found.candidates.map((c) => c.id)).toEqual([3, 'annex'])
  })

  it('a name several entities share is ambiguous and lists them', () => {
    const found = lookUp('STAFF', groups)
    expect(found).toMatchObject({ found: 'several', candidates: [{ id: 1 }, { id: 2 }] })
  })

  it('nothing matches: the closest names, nearest first', () => {
    const found = lookUp('Front Entrnce', doors)
    expect(found.found).toBe('none')
    if (found.found === 'none') expect(found.closest[0]).toMatchObject({ id: 1, label: 'Front Entrance' })
    const partial = lookUp('Server', doors)
    if (partial.found === 'none') expect(partial.closest[0]?.id).toBe(3)
    else expect.fail('"Server" is not a whole name')
  })

  it('lists at most five close names, and none for entities without names', () => {
    const many: Named[] = Array.from({ length: 9 }, (_, i) => ({ id: i, label: `Door ${i}`, names: [`Door ${i}`] }))
    expect(closestNames('Door', many)).toHaveLength(5)
    expect(closestNames('x', [{ id: 1, label: 'credential 1', names: [] }])).toEqual([])
  })
})
