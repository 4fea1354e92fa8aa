import type { Credential, CredentialStatus, Door, DoorMode, Group, Id, Person, Site } from '../domain/site'
import { formatLocalDateTime, parseInstant, parseLocalDate, zoneTable, type ZoneTable } from '../time'
import { acceptsCheck, credentialUnknown, doorChecks, unknownTypeLabel, type DoorChecks, type PersonChecks } from './details'
import type { DecisionCheck } from './model'
import { compileSchedule, type CompiledSchedule } from './schedule'

/** Schedule slot meaning "always" (schedule_id null). */
export const ALWAYS = -1
/** Schedule slot for a schedule id that does not exist: contains nothing. */
export const NO_SCHEDULE = -2

export interface CompiledType {
  readonly label: string
  readonly isPin: boolean
  readonly notFound: DecisionCheck
}

export interface CompiledDoor {
  readonly id: Id
  readonly name: string
  readonly mode: DoorMode
  readonly requiresPin: boolean
  readonly checks: DoorChecks
  /** Check 5 per credential type id of the site, accepted or not. */
  readonly acceptChecks: Map<Id, DecisionCheck>
  readonly accepts: ReadonlySet<Id>
}

export interface CompiledCredential {
  readonly credential: Credential
  /** Index into `people`, or -1 when the person does not exist. */
  readonly person: number
  readonly type: CompiledType
  foundCheck: DecisionCheck | undefined
}

export interface CompiledPerson {
  readonly person: Person
  readonly name: string
  readonly validFrom: number
  readonly validTo: number
  /** Indices of the person's groups that exist. */
  readonly groups: readonly number[]
  /** Values of the person's enabled, active PIN-format credentials. */
  readonly pins: string[]
  checks: PersonChecks | undefined
}

export interface CompiledGroup {
  readonly name: string
  /** Door index → schedule slots (schedule index, ALWAYS or NO_SCHEDULE) of entries listing it. */
  readonly doors: Map<number, number[]>
  grantsCheck: DecisionCheck | undefined
  alwaysCheck: DecisionCheck | undefined
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
  /** credential_type_id → value → index into `credentials`. */
  readonly credentialIndex: ReadonlyMap<Id, ReadonlyMap<string, number>>
  readonly credentials: readonly CompiledCredential[]
  readonly people: readonly CompiledPerson[]
  readonly groups: readonly CompiledGroup[]
  readonly schedules: readonly CompiledSchedule[]
}

/** Indexes a validated site snapshot for fast decisions. */
export function compileSite(site: Site): CompiledSite {
  const zone = zoneTable(site.site.timezone)
  const types = new Map<Id, CompiledType>()
  for (const t of site.credential_types) types.set(t.id, compileType(t.label, t.format === 'pin'))
  const groupIndex = indexById(site.groups)
  const people = site.people.map((p) => compilePerson(p, groupIndex))
  const personIndex = indexById(site.people)
  const credentials = site.credentials.map((c) => compileCredential(c, personIndex, types))
  addPins(credentials, people)
  const doorIndex = indexById(site.doors)
  const scheduleIndex = indexById(site.schedules)
  return {
    timeZone: site.site.timezone,
    zone,
    holidays: new Set(site.site.holidays.map(parseLocalDate)),
    doors: site.doors.map((d) => compileDoor(d, types)),
    doorIndex,
    types,
    credentialIndex: indexCredentials(credentials),
    credentials,
    people,
    groups: site.groups.map((g) => compileGroup(g, doorIndex, scheduleIndex)),
    schedules: site.schedules.map(compileSchedule)
  }
}

/** Local "YYYY-MM-DD HH:MM" of an instant in the site's zone, as details show it. */
export function siteTime(compiled: Pick<CompiledSite, 'zone'>, epochMs: number): string {
  return formatLocalDateTime(compiled.zone, epochMs)
}

/** Id → position; the first entity wins should a caller skip parseSite's duplicate check. */
function indexById(list: readonly { id: Id }[]): Map<Id, number> {
  const index = new Map<Id, number>()
  list.forEach(({ id }, i) => {
    if (!index.has(id)) index.set(id, i)
  })
  return index
}

function compileDoor(door: Door, types: ReadonlyMap<Id, CompiledType>): CompiledDoor {
  const accepts = new Set(door.accepts)
  const acceptChecks = new Map<Id, DecisionCheck>()
  for (const [id, type] of types) acceptChecks.set(id, acceptsCheck(door.name, type.label, accepts.has(id)))
  for (const id of door.accepts) {
    if (!types.has(id)) acceptChecks.set(id, acceptsCheck(door.name, unknownTypeLabel(id), true))
  }
  const checks = doorChecks(door.name, door.mode, door.requires_pin)
  return { id: door.id, name: door.name, mode: door.mode, requiresPin: door.requires_pin, checks, acceptChecks, accepts }
}

function compilePerson(person: Person, groupIndex: ReadonlyMap<Id, number>): CompiledPerson {
  const groups: number[] = []
  for (const id of person.group_ids) {
    const index = groupIndex.get(id)
    if (index !== undefined && !groups.includes(index)) groups.push(index)
  }
  return {
    person,
    name: `${person.first_name} ${person.last_name}`.trim() || `Person ${JSON.stringify(person.id)}`,
    validFrom: person.valid_from ? parseInstant(person.valid_from) : -Infinity,
    validTo: person.valid_to ? parseInstant(person.valid_to) : Infinity,
    groups,
    pins: [],
    checks: undefined
  }
}

/** A credential type; one the site does not define has an unknown format, so it is not a PIN. */
export function compileType(label: string, isPin: boolean): CompiledType {
  return { label, isPin, notFound: credentialUnknown(label) }
}

function compileCredential(
  credential: Credential,
  personIndex: ReadonlyMap<Id, number>,
  types: ReadonlyMap<Id, CompiledType>
): CompiledCredential {
  const type = types.get(credential.credential_type_id) ?? compileType(unknownTypeLabel(credential.credential_type_id), false)
  return { credential, person: personIndex.get(credential.person_id) ?? -1, type, foundCheck: undefined }
}

function addPins(credentials: readonly CompiledCredential[], people: CompiledPerson[]): void {
  for (const c of credentials) {
    if (c.type.isPin && c.person >= 0 && isLive(c.credential)) people[c.person]!.pins.push(c.credential.value)
  }
}

const isLive = (c: Credential): boolean => c.enabled && c.status === 'active'

/** Higher wins when two credentials share a type and value: live, then invited, then the rest. */
function rank(c: Credential): number {
  return c.enabled ? statusRank[c.status] : 0
}
const statusRank: Record<CredentialStatus, number> = { active: 2, invited: 1, disabled: 0, revoked: 0 }

function indexCredentials(credentials: readonly CompiledCredential[]): Map<Id, Map<string, number>> {
  const index = new Map<Id, Map<string, number>>()
  credentials.forEach(({ credential }, i) => {
    let byValue = index.get(credential.credential_type_id)
    if (!byValue) index.set(credential.credential_type_id, (byValue = new Map()))
    const existing = byValue.get(credential.value)
    if (existing === undefined || rank(credential) > rank(credentials[existing]!.credential)) {
      byValue.set(credential.value, i)
    }
  })
  return index
}

function compileGroup(group: Group, doorIndex: ReadonlyMap<Id, number>, scheduleIndex: ReadonlyMap<Id, number>): CompiledGroup {
  const doors = new Map<number, number[]>()
  for (const entry of group.access) {
    const slot = entry.schedule_id === null ? ALWAYS : (scheduleIndex.get(entry.schedule_id) ?? NO_SCHEDULE)
    for (const id of entry.door_ids) {
      const door = doorIndex.get(id)
      if (door === undefined) continue
      const slots = doors.get(door)
      if (!slots) doors.set(door, [slot])
      else if (!slots.includes(slot)) slots.push(slot)
    }
  }
  return { name: group.name, doors, grantsCheck: undefined, alwaysCheck: undefined }
}
