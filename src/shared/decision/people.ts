import type { Id, Site } from '../domain/site'
import { parseInstant } from '../time'
import type { CompiledType } from './compile'

/** Fields per person in {@link PersonTable.records}: 64 bytes, one cache line. */
export const PERSON_STRIDE = 8
/** How many group indices a record holds itself; people in more groups use `groupList`. */
export const INLINE_GROUPS = 4
/** Offsets within a person record. */
export const PersonField = { validFrom: 0, validTo: 1, flags: 2, groupStart: 3, groups: 4 } as const

/**
 * People packed so that a decision reads one cache line per person: record r holds valid_from
 * (epoch ms or -Infinity), valid_to (or +Infinity), flags (bit 0 enabled, the rest the number
 * of the person's groups that exist), where those groups start in `groupList`, and the first
 * {@link INLINE_GROUPS} of them.
 */
export interface PersonTable {
  readonly index: ReadonlyMap<Id, number>
  readonly records: Float64Array
  readonly groupList: Int32Array
  /** Row → values of the person's enabled, active PIN-format credentials. */
  readonly pins: readonly (readonly string[] | undefined)[]
}

/** Builds the person table; group ids that do not exist are dropped (they grant nothing). */
export function compilePeople(site: Site, groupIndex: ReadonlyMap<Id, number>, types: ReadonlyMap<Id, CompiledType>): PersonTable {
  const index = new Map<Id, number>()
  const records = new Float64Array(site.people.length * PERSON_STRIDE)
  const groups: number[] = []
  site.people.forEach((p, row) => {
    if (!index.has(p.id)) index.set(p.id, row)
    const first = groups.length
    for (const id of p.group_ids) {
      const g = groupIndex.get(id)
      if (g !== undefined && groups.indexOf(g, first) < 0) groups.push(g)
    }
    const at = row * PERSON_STRIDE
    records[at + PersonField.validFrom] = p.valid_from ? parseInstant(p.valid_from) : -Infinity
    records[at + PersonField.validTo] = p.valid_to ? parseInstant(p.valid_to) : Infinity
    records[at + PersonField.flags] = (p.enabled ? 1 : 0) + 2 * (groups.length - first)
    records[at + PersonField.groupStart] = first
    for (let i = 0; i < INLINE_GROUPS && first + i < groups.length; i++) records[at + PersonField.groups + i] = groups[first + i]!
  })
  return { index, records, groupList: Int32Array.from(groups), pins: pinsByPerson(site, index, types) }
}

function pinsByPerson(site: Site, index: ReadonlyMap<Id, number>, types: ReadonlyMap<Id, CompiledType>): (string[] | undefined)[] {
  const pins: (string[] | undefined)[] = new Array<string[] | undefined>(site.people.length).fill(undefined)
  for (const c of site.credentials) {
    const row = index.get(c.person_id)
    if (row === undefined || !types.get(c.credential_type_id)?.isPin || !c.enabled || c.status !== 'active' || c.value === undefined) continue
    ;(pins[row] ??= []).push(c.value)
  }
  return pins
}
