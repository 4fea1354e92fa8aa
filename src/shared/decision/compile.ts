import type { Door, DoorMode, Id, Site } from '../domain/site'
import { parseLocalDate, zoneTable, type ZoneTable } from '../time'
import { compileCredentials, type CredentialTable } from './credentials'
import * as D from './details'
import { compileGrants, type DoorGrants } from './grants'
import type { DecisionCheck } from './model'
import { compilePeople, type PersonTable } from './people'
import { compileSchedule, type CompiledSchedule } from './schedule'

/** A credential type id seen anywhere in the site (defined, used by a credential, or accepted by a door). */
export interface CompiledType {
  readonly id: Id
  /** Position in `CompiledSite.typeList`, and in each door's `acceptChecks`. */
  readonly ordinal: number
  readonly label: string
  /** Only a type the site defines with format "pin" is a PIN. */
  readonly isPin: boolean
  readonly checks: ReturnType<typeof D.credentialTypeChecks>
}

export interface CompiledDoor {
  readonly id: Id
  readonly name: string
  readonly mode: DoorMode
  readonly requiresPin: boolean
  readonly checks: D.DoorChecks
  /** Check 5 by credential type ordinal. */
  readonly acceptChecks: readonly DecisionCheck[]
  /** Which groups' access entries list this door, and with which schedules. */
  readonly grants: DoorGrants
}

/** A site indexed for {@link decide}. Build it once per site revision with {@link compileSite}. */
export interface CompiledSite {
  readonly timeZone: string
  readonly zone: ZoneTable
  /** Local dates of the site's holidays, as day numbers. */
  readonly holidays: ReadonlySet<number>
  readonly doors: readonly CompiledDoor[]
  readonly doorIndex: ReadonlyMap<Id, number>
  readonly types: ReadonlyMap<Id, CompiledType>
  readonly typeList: readonly CompiledType[]
  readonly credentials: CredentialTable
  readonly people: PersonTable
  readonly schedules: readonly CompiledSchedule[]
  /** Check 10 passed, per group. */
  readonly groupGrants: readonly DecisionCheck[]
  /** Check 11 passed because the group has access at all times, per group. */
  readonly groupAlways: readonly DecisionCheck[]
  /** Check 11 passed, per schedule. */
  readonly withinSchedule: readonly DecisionCheck[]
}

/** Indexes a validated site snapshot for fast decisions. Dangling references are kept as "missing". */
export function compileSite(site: Site): CompiledSite {
  const types = compileTypes(site)
  const typeList = [...types.values()]
  const doorIndex = indexById(site.doors)
  const people = compilePeople(site, indexById(site.groups), types)
  const grants = compileGrants(site, doorIndex, indexById(site.schedules))
  const schedules = site.schedules.map(compileSchedule)
  return {
    timeZone: site.site.timezone,
    zone: zoneTable(site.site.timezone),
    holidays: new Set(site.site.holidays.map(parseLocalDate)),
    doors: site.doors.map((d, i) => compileDoor(d, typeList, grants[i]!)),
    doorIndex,
    types,
    typeList,
    credentials: compileCredentials(site.credentials, people.index, types),
    people,
    schedules,
    groupGrants: site.groups.map((g) => D.groupGrants(g.name)),
    groupAlways: site.groups.map((g) => D.groupAlways(g.name)),
    withinSchedule: schedules.map((s) => D.withinSchedule(s.name))
  }
}

function compileTypes(site: Site): Map<Id, CompiledType> {
  const types = new Map<Id, CompiledType>()
  for (const t of site.credential_types) if (!types.has(t.id)) types.set(t.id, compileType(t.id, types.size, t.label, t.format === 'pin'))
  const used = [...site.credentials.map((c) => c.credential_type_id), ...site.doors.flatMap((d) => d.accepts)]
  for (const id of used) if (!types.has(id)) types.set(id, compileType(id, types.size, D.unknownTypeLabel(id), false))
  return types
}

/** A credential type; one the site does not define has an unknown format, so it is not a PIN. */
export function compileType(id: Id, ordinal: number, label: string, isPin: boolean): CompiledType {
  return { id, ordinal, label, isPin, checks: D.credentialTypeChecks(label) }
}

/** Id → position; the first entity wins should a caller skip parseSite's duplicate check. */
export function indexById(list: readonly { id: Id }[]): Map<Id, number> {
  const index = new Map<Id, number>()
  for (let i = 0; i < list.length; i++) if (!index.has(list[i]!.id)) index.set(list[i]!.id, i)
  return index
}

function compileDoor(door: Door, typeList: readonly CompiledType[], grants: DoorGrants): CompiledDoor {
  const accepts = new Set(door.accepts)
  const acceptChecks = typeList.map((type) => D.acceptsCheck(door.name, type.label, accepts.has(type.id)))
  const checks = D.doorChecks(door.name, door.mode)
  return { id: door.id, name: door.name, mode: door.mode, requiresPin: door.requires_pin, checks, acceptChecks, grants }
}
