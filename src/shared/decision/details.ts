import type { Id } from '../domain/site'
import { DecisionCode as C, type DecisionCheck, type DecisionCode } from './model'

/** A frozen check; frozen so that sharing one between decisions is safe. */
export function check(code: DecisionCode, passed: boolean, detail: string): DecisionCheck {
  return Object.freeze({ check: code, passed, detail })
}

export const pass = (code: DecisionCode, detail: string): DecisionCheck => check(code, true, detail)
export const fail = (code: DecisionCode, detail: string): DecisionCheck => check(code, false, detail)

const show = (id: Id): string => JSON.stringify(id)

/** Checks 1–3 and the PIN check for one door, built once at compile time. */
export function doorChecks(name: string, mode: string, requiresPin: boolean) {
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

/** The credential-type check of a door for one type. */
export function acceptsCheck(doorName: string, typeLabel: string, accepted: boolean): DecisionCheck {
  return accepted
    ? pass(C.credentialTypeNotAccepted, `${doorName} accepts ${typeLabel}.`)
    : fail(C.credentialTypeNotAccepted, `${doorName} does not accept ${typeLabel}.`)
}

/** How a credential type is named when the site does not define it. */
export const unknownTypeLabel = (typeId: Id): string => `credential type ${show(typeId)}`

export const doorUnknown = (doorId: Id): DecisionCheck =>
  fail(C.doorUnknown, `There is no door with id ${show(doorId)} on this site.`)

export const credentialUnknown = (typeLabel: string): DecisionCheck =>
  fail(C.credentialUnknown, `Nothing enrolled as ${typeLabel} has this value.`)

export const credentialFound = (typeLabel: string, owner: string, label: string | undefined): DecisionCheck =>
  pass(C.credentialUnknown, `This is ${owner}'s ${typeLabel}${label ? `, "${label}"` : ''}.`)

/** Checks 6 and 7, shared by every credential in the same state. */
export const CREDENTIAL_STATE = {
  enabled: pass(C.credentialDisabled, 'The credential is enabled.'),
  switchedOff: fail(C.credentialDisabled, 'The credential is switched off (enabled is false).'),
  disabled: fail(C.credentialDisabled, 'The credential has been disabled.'),
  revoked: fail(C.credentialDisabled, 'The credential has been revoked.'),
  active: pass(C.credentialNotActive, 'The credential is not waiting on an invitation.'),
  invited: fail(C.credentialNotActive, 'The invitation has not been accepted on the phone yet.')
} as const

export const personMissing = (personId: Id): DecisionCheck =>
  fail(C.personDisabled, `The credential's person (id ${show(personId)}) is not on this site.`)

/** Checks 8 and 9 for one person, built on first use. */
export function personChecks(name: string, enabled: boolean, from: string | null, to: string | null) {
  return {
    enabled: enabled ? pass(C.personDisabled, `${name} is enabled.`) : fail(C.personDisabled, `${name} is disabled.`),
    started: pass(C.personNotYetValid, from ? `${name}'s access started ${from} (site time).` : `${name}'s access has no start date.`),
    notStarted: fail(C.personNotYetValid, `${name}'s access starts ${from ?? ''} (site time).`),
    notEnded: pass(C.personExpired, to ? `${name}'s access runs until ${to} (site time).` : `${name}'s access has no end date.`),
    ended: fail(C.personExpired, `${name}'s access ended ${to ?? ''} (site time).`),
    pinMatches: pass(C.pinMismatch, `The PIN matches ${name}'s PIN.`),
    pinMismatch: fail(C.pinMismatch, `The PIN entered is not an active PIN of ${name}.`)
  }
}
export type PersonChecks = ReturnType<typeof personChecks>

export const groupGrants = (groupName: string): DecisionCheck =>
  pass(C.noGroupGrantsDoor, `Group ${groupName} gives access to this door.`)

export const groupAlways = (groupName: string): DecisionCheck =>
  pass(C.outsideSchedule, `Group ${groupName} has access here at all times.`)

export const withinSchedule = (when: string, scheduleName: string): DecisionCheck =>
  pass(C.outsideSchedule, `${when} is within the schedule ${scheduleName}.`)

export const outsideSchedules = (when: string): DecisionCheck =>
  fail(C.outsideSchedule, `${when} is outside every schedule that gives access to this door.`)

export const PIN_IS_CREDENTIAL = pass(C.pinRequired, 'The credential is itself a PIN.')
export const PIN_ENTERED = pass(C.pinRequired, 'A PIN was entered.')
