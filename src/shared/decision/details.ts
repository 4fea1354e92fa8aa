import type { Id } from '../domain/site'
import { DecisionCode as C, type DecisionCheck, type DecisionCode } from './model'

/** A check built at compile time and shared by many decisions; frozen so sharing is safe. */
export function check(code: DecisionCode, passed: boolean, detail: string): DecisionCheck {
  return Object.freeze({ check: code, passed, detail })
}

/**
 * A check built for one decision. It must not share {@link check}'s object literal: V8 pretenures
 * an allocation site whose objects survive, as every compile-time check does, and would then
 * put each per-decision check straight into the old generation (decisions 3–4× slower).
 */
function fresh(code: DecisionCode, passed: boolean, detail: string): DecisionCheck {
  return Object.freeze({ check: code, passed, detail })
}

const pass = (code: DecisionCode, detail: string): DecisionCheck => check(code, true, detail)
const fail = (code: DecisionCode, detail: string): DecisionCheck => check(code, false, detail)
const failNow = (code: DecisionCode, detail: string): DecisionCheck => fresh(code, false, detail)
const show = (id: Id): string => JSON.stringify(id)

/** The checks that depend only on the door, built once at compile time. */
export function doorChecks(name: string, mode: string) {
  return {
    found: pass(C.doorUnknown, `${name} is a door on this site.`),
    lockdown:
      mode === 'lockdown'
        ? fail(C.doorLockdown, `${name} is in lockdown: nobody can open it.`)
        : pass(C.doorLockdown, `${name} is not in lockdown.`),
    unlocked:
      mode === 'unlocked'
        ? pass(C.doorUnlocked, `${name} is unlocked, so it opens for anyone.`)
        : pass(C.doorUnlocked, `${name} is not left unlocked, so the credential decides.`),
    pinNotNeeded: pass(C.pinRequired, `${name} does not ask for a PIN.`),
    pinMissing: fail(C.pinRequired, `${name} also needs a PIN, and none was entered.`),
    noGroup: fail(C.noGroupGrantsDoor, `None of the person's groups gives access to ${name}.`)
  }
}
export type DoorChecks = ReturnType<typeof doorChecks>

/** Check 5 at one door for one credential type. */
export function acceptsCheck(doorName: string, typeLabel: string, accepted: boolean): DecisionCheck {
  return accepted
    ? pass(C.credentialTypeNotAccepted, `${doorName} accepts ${typeLabel}.`)
    : fail(C.credentialTypeNotAccepted, `${doorName} does not accept ${typeLabel}.`)
}

/** How a credential type is named when the site does not define it. */
export const unknownTypeLabel = (typeId: Id): string => `credential type ${show(typeId)}`

/** Check 4 for one credential type, both ways. */
export function credentialTypeChecks(typeLabel: string) {
  return {
    found: pass(C.credentialUnknown, `A ${typeLabel} credential with this value is enrolled.`),
    notFound: fail(C.credentialUnknown, `Nothing enrolled as ${typeLabel} has this value.`)
  }
}

/** Checks 4 and 5 for a type id the site never mentions, built during a decision. */
export const unseenTypeChecks = (typeId: Id) => ({
  notFound: failNow(C.credentialUnknown, `Nothing enrolled as ${unknownTypeLabel(typeId)} has this value.`),
  notAccepted: (doorName: string) => failNow(C.credentialTypeNotAccepted, `${doorName} does not accept ${unknownTypeLabel(typeId)}.`)
})

export const doorUnknown = (doorId: Id): DecisionCheck =>
  failNow(C.doorUnknown, `There is no door with id ${show(doorId)} on this site.`)

/** Checks 6 and 7 by credential state. */
export const CREDENTIAL = {
  enabled: pass(C.credentialDisabled, 'The credential is enabled.'),
  switchedOff: fail(C.credentialDisabled, 'The credential is switched off (enabled is false).'),
  disabled: fail(C.credentialDisabled, 'The credential has been disabled.'),
  revoked: fail(C.credentialDisabled, 'The credential has been revoked.'),
  active: pass(C.credentialNotActive, 'The credential is not waiting on an invitation.'),
  invited: fail(C.credentialNotActive, 'The invitation has not been accepted on the phone yet.')
} as const

/** Checks 8, 9 and the PIN match that do not need a date or a name. */
export const PERSON = {
  enabled: pass(C.personDisabled, 'The person is enabled.'),
  disabled: fail(C.personDisabled, 'The person is disabled.'),
  started: pass(C.personNotYetValid, "The person's access period has started."),
  notEnded: pass(C.personExpired, "The person's access period has not ended."),
  pinMatches: pass(C.pinMismatch, "The PIN matches one of the person's active PINs."),
  pinMismatch: fail(C.pinMismatch, "The PIN entered is not one of the person's active PINs.")
} as const

export const personMissing = (personId: Id): DecisionCheck =>
  failNow(C.personDisabled, `The credential's person (id ${show(personId)}) is not on this site.`)

export const notYetValid = (from: string): DecisionCheck =>
  failNow(C.personNotYetValid, `The person's access starts ${from} (site time).`)

export const expired = (to: string): DecisionCheck => failNow(C.personExpired, `The person's access ended ${to} (site time).`)

export const groupGrants = (groupName: string): DecisionCheck =>
  pass(C.noGroupGrantsDoor, `The group ${groupName} gives access to this door.`)

export const groupAlways = (groupName: string): DecisionCheck =>
  pass(C.outsideSchedule, `The group ${groupName} has access here at all times.`)

export const withinSchedule = (scheduleName: string): DecisionCheck =>
  pass(C.outsideSchedule, `The time is within the schedule ${scheduleName}.`)

export const outsideSchedules = (when: string): DecisionCheck =>
  failNow(C.outsideSchedule, `${when} is outside every schedule that gives access to this door.`)

export const PIN_IS_CREDENTIAL = pass(C.pinRequired, 'The credential is itself a PIN.')
export const PIN_ENTERED = pass(C.pinRequired, 'A PIN was entered.')
