import { MS_PER_DAY, clockLabel, formatLocalDate, offsetAt, parseInstant, weekdayLabel, weekdayOfDay } from '../time'
import { ALWAYS, compileType, siteTime, type CompiledCredential, type CompiledDoor, type CompiledPerson, type CompiledSite } from './compile'
import * as D from './details'
import { DecisionCode, type Decision, type DecisionCheck, type DecisionRequest } from './model'
import { scheduleContains } from './schedule'

/**
 * Decides whether the request's credential opens the door at `at`, listing every check that can
 * be evaluated (see docs/site-format.md for the order and the rules). Pure and fast: no Intl
 * calls and no allocation beyond the decision itself on the usual paths.
 * @throws RangeError when `request.at` is not an ISO 8601 instant with Z or an offset
 *   (validate requests with DecisionRequestSchema first).
 */
export function decide(site: CompiledSite, request: DecisionRequest): Decision {
  const at = parseInstant(request.at)
  if (Number.isNaN(at)) throw new RangeError(`Not an ISO 8601 instant with Z or an offset: ${request.at}`)
  const checks: DecisionCheck[] = []
  const doorIndex = site.doorIndex.get(request.door_id) ?? -1
  const door = site.doors[doorIndex]
  if (door) {
    checks.push(door.checks.found, door.checks.lockdown, door.checks.unlocked)
    if (door.mode === 'unlocked') return conclude(checks, DecisionCode.doorUnlocked)
  } else checks.push(D.doorUnknown(request.door_id))
  const credential = findCredential(site, request)
  checks.push(credential ? credentialFound(site, credential) : typeOf(site, request).notFound)
  if (door) checks.push(acceptCheck(site, door, request))
  const person = credential ? site.people[credential.person] : undefined
  if (credential) pushCredentialChecks(checks, credential, person)
  if (person) pushPersonChecks(checks, site, person, at)
  if (door && person) pushAccessChecks(checks, site, doorIndex, person, at)
  if (door) pushPinChecks(checks, site, door, request, person)
  return conclude(checks, DecisionCode.granted)
}

function conclude(checks: DecisionCheck[], grantCode: DecisionCode): Decision {
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i]!
    if (!c.passed) return { granted: false, code: c.check, checks }
  }
  return { granted: true, code: grantCode, checks }
}

function findCredential(site: CompiledSite, request: DecisionRequest): CompiledCredential | undefined {
  const index = site.credentialIndex.get(request.credential_type_id)?.get(request.value)
  return index === undefined ? undefined : site.credentials[index]
}

function typeOf(site: CompiledSite, request: DecisionRequest) {
  return site.types.get(request.credential_type_id) ?? compileType(D.unknownTypeLabel(request.credential_type_id), false)
}

function credentialFound(site: CompiledSite, c: CompiledCredential): DecisionCheck {
  if (!c.foundCheck) {
    const owner = site.people[c.person]?.name ?? 'an unknown person'
    c.foundCheck = D.credentialFound(c.type.label, owner, c.credential.label)
  }
  return c.foundCheck
}

function acceptCheck(site: CompiledSite, door: CompiledDoor, request: DecisionRequest): DecisionCheck {
  return door.acceptChecks.get(request.credential_type_id) ?? D.acceptsCheck(door.name, typeOf(site, request).label, false)
}

function pushCredentialChecks(checks: DecisionCheck[], c: CompiledCredential, person: CompiledPerson | undefined): void {
  const { enabled, status } = c.credential
  const S = D.CREDENTIAL_STATE
  checks.push(!enabled ? S.switchedOff : status === 'disabled' ? S.disabled : status === 'revoked' ? S.revoked : S.enabled)
  checks.push(status === 'invited' ? S.invited : S.active)
  if (!person) checks.push(D.personMissing(c.credential.person_id))
}

function pushPersonChecks(checks: DecisionCheck[], site: CompiledSite, person: CompiledPerson, at: number): void {
  const pc = personChecks(site, person)
  checks.push(pc.enabled, at < person.validFrom ? pc.notStarted : pc.started, at >= person.validTo ? pc.ended : pc.notEnded)
}

function personChecks(site: CompiledSite, person: CompiledPerson): D.PersonChecks {
  if (!person.checks) {
    const from = Number.isFinite(person.validFrom) ? siteTime(site, person.validFrom) : null
    const to = Number.isFinite(person.validTo) ? siteTime(site, person.validTo) : null
    person.checks = D.personChecks(person.name, person.person.enabled, from, to)
  }
  return person.checks
}

/** Checks 10 and 11: a group entry listing the door, and one of their schedules containing `at`. */
function pushAccessChecks(checks: DecisionCheck[], site: CompiledSite, doorIndex: number, person: CompiledPerson, at: number): void {
  let granting = -1
  let local = NaN
  for (const g of person.groups) {
    const group = site.groups[g]!
    const slots = group.doors.get(doorIndex)
    if (!slots) continue
    if (granting < 0) granting = g
    for (const slot of slots) {
      if (slot === ALWAYS) {
        checks.push(grantsCheck(site, g), (group.alwaysCheck ??= D.groupAlways(group.name)))
        return
      }
      const schedule = site.schedules[slot]
      if (!schedule) continue
      if (Number.isNaN(local)) local = at + offsetAt(site.zone, at)
      const day = Math.floor(local / MS_PER_DAY)
      const minute = Math.floor((local - day * MS_PER_DAY) / 60_000)
      if (scheduleContains(schedule, weekdayOfDay(day), minute, site.holidays.has(day))) {
        checks.push(grantsCheck(site, g), D.withinSchedule(when(site, at), schedule.name))
        return
      }
    }
  }
  if (granting < 0) checks.push(site.doors[doorIndex]!.checks.noGroup)
  else checks.push(grantsCheck(site, granting), D.outsideSchedules(when(site, at)))
}

function grantsCheck(site: CompiledSite, groupIndex: number): DecisionCheck {
  const group = site.groups[groupIndex]!
  return (group.grantsCheck ??= D.groupGrants(group.name))
}

/** "Sat 09:30 site time", naming the date when it is a site holiday. */
function when(site: CompiledSite, at: number): string {
  const local = at + offsetAt(site.zone, at)
  const day = Math.floor(local / MS_PER_DAY)
  const clock = `${weekdayLabel(weekdayOfDay(day))} ${clockLabel(Math.floor((local - day * MS_PER_DAY) / 60_000))} site time`
  return site.holidays.has(day) ? `${clock} on ${formatLocalDate(day)}, a site holiday,` : clock
}

function pushPinChecks(
  checks: DecisionCheck[],
  site: CompiledSite,
  door: CompiledDoor,
  request: DecisionRequest,
  person: CompiledPerson | undefined
): void {
  if (!door.requiresPin) checks.push(door.checks.pinNotNeeded)
  else if (typeOf(site, request).isPin) checks.push(D.PIN_IS_CREDENTIAL)
  else if (!request.pin) checks.push(door.checks.pinMissing)
  else {
    checks.push(D.PIN_ENTERED)
    if (person) {
      const pc = personChecks(site, person)
      checks.push(person.pins.includes(request.pin) ? pc.pinMatches : pc.pinMismatch)
    }
  }
}
