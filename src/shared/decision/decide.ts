import { MS_PER_DAY, offsetAt, parseInstant, weekdayOfDay } from '../time'
import type { CompiledDoor, CompiledSite } from './compile'
import { ENABLED, Status, orphanRowOf, personOf, stateOf } from './credentials'
import * as D from './details'
import { ALWAYS, findGrant, type DoorGrants } from './grants'
import { DecisionCode, type Decision, type DecisionCheck, type DecisionRequest } from './model'
import { INLINE_GROUPS, PERSON_STRIDE, PersonField } from './people'
import { scheduleContains } from './schedule'
import { siteTimeLabel, whenLabel } from './when'

/**
 * Decides whether the request's credential opens the door at `at`, listing every check that can
 * be evaluated, in the order of docs/site-format.md; `code` is the first failing check.
 * Pure and fast: no Intl and, on the usual paths, no string building.
 * @throws RangeError when `request.at` is not an ISO 8601 instant with Z or an offset
 *   (validate requests with DecisionRequestSchema first).
 */
export function decide(site: CompiledSite, request: DecisionRequest): Decision {
  const at = parseInstant(request.at)
  if (Number.isNaN(at)) throw new RangeError(`Not an ISO 8601 instant with Z or an offset: ${request.at}`)
  const checks: DecisionCheck[] = []
  const door = site.doors[site.doorIndex.get(request.door_id) ?? -1]
  if (door) {
    checks.push(door.checks.found, door.checks.lockdown, door.checks.unlocked)
    if (door.mode === 'unlocked') return conclude(checks, DecisionCode.doorUnlocked)
  } else checks.push(D.doorUnknown(request.door_id))
  const type = site.types.get(request.credential_type_id)
  if (!type) return unseenType(checks, site, door, request)
  const entry = site.credentials.byType[type.ordinal]!.get(request.value)
  checks.push(entry !== undefined ? type.checks.found : type.checks.notFound)
  if (door) checks.push(door.acceptChecks[type.ordinal]!)
  const person = entry !== undefined ? pushCredentialChecks(checks, site, entry) : -1
  if (person >= 0) pushPersonChecks(checks, site, person, at)
  if (door && person >= 0) pushAccessChecks(checks, site, door, person, at)
  if (door) pushPinChecks(checks, site, door, type.isPin, request.pin, person)
  return conclude(checks, DecisionCode.granted)
}

function conclude(checks: DecisionCheck[], grantCode: DecisionCode): Decision {
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i]!
    if (!c.passed) return { granted: false, code: c.check, checks }
  }
  return { granted: true, code: grantCode, checks }
}

/** A type id nothing in the site mentions: no credential has it, no door accepts it, it is no PIN. */
function unseenType(checks: DecisionCheck[], site: CompiledSite, door: CompiledDoor | undefined, request: DecisionRequest): Decision {
  const unseen = D.unseenTypeChecks(request.credential_type_id)
  checks.push(unseen.notFound)
  if (door) {
    checks.push(unseen.notAccepted(door.name))
    pushPinChecks(checks, site, door, false, request.pin, -1)
  }
  return conclude(checks, DecisionCode.granted)
}

/** Checks 6, 7 and (for a missing person) 8; returns the person's row or -1. */
function pushCredentialChecks(checks: DecisionCheck[], site: CompiledSite, entry: number): number {
  const state = stateOf(entry)
  const status = state & 3
  const C = D.CREDENTIAL
  if ((state & ENABLED) === 0) checks.push(C.switchedOff)
  else checks.push(status === Status.disabled ? C.disabled : status === Status.revoked ? C.revoked : C.enabled)
  checks.push(status === Status.invited ? C.invited : C.active)
  const person = personOf(entry)
  if (person < 0) checks.push(D.personMissing(site.credentials.source[orphanRowOf(entry)]!.person_id))
  return person
}

function pushPersonChecks(checks: DecisionCheck[], site: CompiledSite, person: number, at: number): void {
  const records = site.people.records
  const base = person * PERSON_STRIDE
  checks.push((records[base + PersonField.flags]! & 1) === 1 ? D.PERSON.enabled : D.PERSON.disabled)
  const from = records[base + PersonField.validFrom]!
  const to = records[base + PersonField.validTo]!
  checks.push(at < from ? D.notYetValid(siteTimeLabel(site, from)) : D.PERSON.started)
  checks.push(at >= to ? D.expired(siteTimeLabel(site, to)) : D.PERSON.notEnded)
}

/** Checks 10 and 11: an access entry of one of the person's groups lists the door, and one of their schedules contains `at`. */
function pushAccessChecks(checks: DecisionCheck[], site: CompiledSite, door: CompiledDoor, person: number, at: number): void {
  const { records, groupList } = site.people
  const base = person * PERSON_STRIDE
  const count = records[base + PersonField.flags]! >>> 1
  const first = records[base + PersonField.groupStart]!
  let granting = -1
  let local = 0
  for (let i = 0; i < count; i++) {
    const group = i < INLINE_GROUPS ? records[base + PersonField.groups + i]! : groupList[first + i]!
    const grant = findGrant(door.grants, group)
    if (grant < 0) continue
    if (granting < 0) {
      granting = group
      local = at + offsetAt(site.zone, at)
    }
    const slot = matchingSlot(site, door.grants, grant, local)
    if (slot !== NO_MATCH) {
      checks.push(site.groupGrants[group]!, slot === ALWAYS ? site.groupAlways[group]! : site.withinSchedule[slot]!)
      return
    }
  }
  if (granting < 0) checks.push(door.checks.noGroup)
  else checks.push(site.groupGrants[granting]!, D.outsideSchedules(whenLabel(site, at)))
}

const NO_MATCH = -3

/** The first of a grant's schedule slots containing the local wall-clock time (epoch ms as if UTC), or NO_MATCH. */
function matchingSlot(site: CompiledSite, grants: DoorGrants, grant: number, local: number): number {
  const day = Math.floor(local / MS_PER_DAY)
  const minute = Math.floor((local - day * MS_PER_DAY) / 60_000)
  for (let s = grants.start[grant]!; s < grants.start[grant + 1]!; s++) {
    const slot = grants.slots[s]!
    if (slot === ALWAYS) return ALWAYS
    const schedule = site.schedules[slot]
    if (schedule && scheduleContains(schedule, weekdayOfDay(day), minute, site.holidays.has(day))) return slot
  }
  return NO_MATCH
}

function pushPinChecks(checks: DecisionCheck[], site: CompiledSite, door: CompiledDoor, isPin: boolean, pin: string | undefined, person: number): void {
  if (!door.requiresPin) checks.push(door.checks.pinNotNeeded)
  else if (isPin) checks.push(D.PIN_IS_CREDENTIAL)
  else if (!pin) checks.push(door.checks.pinMissing)
  else {
    checks.push(D.PIN_ENTERED)
    if (person >= 0) checks.push(site.people.pins[person]?.includes(pin) ? D.PERSON.pinMatches : D.PERSON.pinMismatch)
  }
}

/** Whether a group's access entries give it the door at `at` ('now'), only at other times, or not at all. */
export function groupAccessAt(site: CompiledSite, doorId: DecisionRequest['door_id'], groupIndex: number, at: number): 'now' | 'other_times' | 'never' {
  const door = site.doors[site.doorIndex.get(doorId) ?? -1]
  const grant = door ? findGrant(door.grants, groupIndex) : -1
  if (!door || grant < 0) return 'never'
  return matchingSlot(site, door.grants, grant, at + offsetAt(site.zone, at)) === NO_MATCH ? 'other_times' : 'now'
}
