import { siteTimeLabel } from '../decision'
import type { Credential } from '../domain/site'
import { eventKind, maskEvent, REJECT_RULES, type DoorEvent, type DoorStatus } from '../events/model'
import { parseInstant } from '../time'
import { add, describe, formatOf, opensDoor, phoneRadios, PLATFORM_PLURAL, RADIO_NAME, type Context } from './context'
import { FindingCode, type Platform, type ShownEvent } from './model'
import { pinValuesOf } from './subject'

/** A controller clock this far ahead of `at` is "in the future"; less is ordinary drift. */
const CLOCK_SKEW_MS = 5 * 60_000

/** The door's own evidence: its events in a window before `at`, and its status. Null events: not available yet. */
export interface EventEvidence {
  events: readonly DoorEvent[] | null
  status: DoorStatus | null
  window_minutes: number
}

interface Dated {
  event: DoorEvent
  ms: number
  theirs: boolean
  /** The label and number as they may be shown (a PIN masked). */
  label: string
  number: string | null
}

/** The door's events and status as findings; returns the events shown with the diagnosis. */
export function eventFindings(ctx: Context, evidence: EventEvidence, considered: Credential[]): ShownEvent[] | null {
  if (evidence.status) statusFindings(ctx, evidence.status, considered)
  if (evidence.events === null) {
    add(ctx, FindingCode.eventsUnavailable, 'info', 0.02, "The door's events are not available yet", "Lintel's copy of the site does not hold DoorFlow's events yet, so the door's own verdict is not part of this diagnosis.", "Look up the door's recent events in DoorFlow.")
    return null
  }
  const dated = datedEvents(ctx, evidence, pinValuesOf(ctx.site))
  const own = dated.filter((d) => d.theirs)
  const latest = own.at(-1)
  if (latest && eventKind(latest.event.code) === 'reject') rejected(ctx, latest, considered)
  else if (latest && eventKind(latest.event.code) === 'admit') admitted(ctx, latest, considered)
  else if (evidence.status?.online !== false) noEvent(ctx, evidence.window_minutes, dated.length, considered)
  return dated.reverse().map((d) => shown(ctx, d))
}

/** This door's events in the window, oldest first; events in the future are left out (and reported), bad dates skipped. */
function datedEvents(ctx: Context, evidence: EventEvidence, pins: ReadonlySet<string>): Dated[] {
  const from = ctx.atMs - evidence.window_minutes * 60_000
  const values = new Set(ctx.mine.map((c) => c.value))
  const dated: Dated[] = []
  let future = 0
  for (const event of evidence.events ?? []) {
    if (event.door_id !== ctx.door.id) continue
    const ms = parseInstant(event.at)
    if (Number.isNaN(ms)) continue
    if (ms > ctx.atMs + CLOCK_SKEW_MS) future++
    else if (ms >= from) dated.push({ event, ms, theirs: event.person_id === ctx.person.id || (event.credential_number !== null && values.has(event.credential_number)), ...maskEvent(event, pins) })
  }
  if (future) add(ctx, FindingCode.eventsClockOff, 'info', 0.1, `${ctx.door.name} logged events dated in the future`, `${future} event${future > 1 ? 's are' : ' is'} dated after ${ctx.when}; the controller's clock may be off. They were left out.`, "Check the controller's clock in DoorFlow.")
  return dated.sort((a, b) => a.ms - b.ms)
}

const clock = (ctx: Context, ms: number): string => siteTimeLabel(ctx.compiled, ms).split(' ').at(-1) ?? ''

function matchedCredential(ctx: Context, event: DoorEvent, considered: Credential[]): Credential | undefined {
  return ctx.mine.find((c) => c.value === event.credential_number) ?? (considered.length === 1 ? considered[0] : undefined)
}

function rejected(ctx: Context, d: Dated, considered: Credential[]): void {
  const why = REJECT_RULES[d.event.code]
  const reason = why?.reason ?? d.label
  const credential = matchedCredential(ctx, d.event, considered)
  const what = credential && formatOf(ctx, credential) === 'mobile' ? 'this phone' : 'them'
  add(ctx, FindingCode.doorRejected, 'error', 0.995, `${ctx.door.name} saw ${what} at ${clock(ctx, d.ms)} and rejected it: ${reason}`, `The door's own event: "${d.label}" (code ${d.event.code}) at ${siteTimeLabel(ctx.compiled, d.ms)} site time. The door's verdict outranks what Lintel's rules infer.`, rejectFix(ctx, d.event.code), null, credential ?? null)
  const rule = why?.rule
  const verdict = credential ? ctx.verdicts.get(credential) : undefined
  if (!rule || !verdict) return
  const failing = verdict.checks.some((c) => !c.passed && c.check === rule)
  if (!failing) add(ctx, FindingCode.rulesDisagree, 'warning', 0.9, `Lintel's rules and ${ctx.door.name} disagree on ${rule}`, `The door rejected ${describe(ctx, credential!)} as "${reason}"; Lintel's copy of the rules passes that check (${rule}) at ${ctx.when}.`, `Sync, then compare the door's setting for ${rule} in DoorFlow with Lintel's; the door works from DoorFlow's copy.`, null, credential!)
}

function rejectFix(ctx: Context, code: number): string {
  switch (code) {
    case 26: return `Issue a credential of a type ${ctx.door.name} accepts, or add the type to the door in DoorFlow.`
    case 27: return `Add them to a group with access to ${ctx.door.name}.`
    case 21: return 'They tried outside their schedule: change the schedule or group if they should get in then.'
    case 22: return 'An administrator must lift the lockdown.'
    case 29: return "Bring the door's controller back online (power, network)."
    default: return 'Act on the door\'s reason above; the other findings say what Lintel sees.'
  }
}

function admitted(ctx: Context, d: Dated, considered: Credential[]): void {
  const credential = matchedCredential(ctx, d.event, considered)
  add(ctx, FindingCode.doorAdmitted, 'info', 0.25, `${ctx.door.name} admitted them at ${clock(ctx, d.ms)}`, `The door's own event: "${d.label}" (code ${d.event.code}) at ${siteTimeLabel(ctx.compiled, d.ms)} site time.`, 'The door worked then: if it fails now, ask what changed since (phone, app, where they stand).', null, credential ?? null)
  const verdict = credential ? ctx.verdicts.get(credential) : undefined
  if (verdict && !opensDoor(verdict)) add(ctx, FindingCode.rulesDisagree, 'warning', 0.9, `Lintel's rules and ${ctx.door.name} disagree on ${verdict.code}`, `The door admitted ${describe(ctx, credential!)}; Lintel's copy of the rules refuses it (${verdict.code}).`, `Sync, then compare ${verdict.code} in DoorFlow with Lintel's copy.`, null, credential!)
}

/** No event at all from them: the phone never reached the reader (radio, app, range). */
function noEvent(ctx: Context, minutes: number, others: number, considered: Credential[]): void {
  const phone = considered.find((c) => formatOf(ctx, c) === 'mobile')
  const platforms: Platform[] = ctx.platform ? [ctx.platform] : ['ios', 'android']
  const how = platforms.map((p) => {
    const radios = phoneRadios(ctx, p, phone ? ctx.types.get(phone.credential_type_id) : undefined).map((r) => RADIO_NAME[r]).join(' or ')
    const cm = ctx.site.site.unlock_distance_cm?.[p]
    return `${PLATFORM_PLURAL[p]}: ${radios || 'no radio this reader reads'}${cm ? `, within ${cm} cm` : ''}`
  })
  add(ctx, FindingCode.doorNoEvent, 'warning', 0.86, `No event from ${ctx.door.name} in the last ${minutes} minutes while they tried`, `${ctx.door.name} logged ${others} event${others === 1 ? '' : 's'} in that window, none for ${ctx.name} or their credentials: the phone never reached the reader.`, `Check the phone-to-reader path: the radio on (${how.join('; ')}), the credential app running, and the phone held close to the reader.`)
}

function statusFindings(ctx: Context, status: DoorStatus, considered: Credential[]): void {
  const door = ctx.door.name
  if (status.online === false) add(ctx, FindingCode.doorOffline, 'error', 0.985, `${door}'s controller is offline`, `DoorFlow reports ${door}'s controller offline; it cannot receive changes, and its events stop.`, "Bring the controller back online (power, network), then sync.")
  if (status.lockdown === true && ctx.door.mode !== 'lockdown') add(ctx, FindingCode.doorLockdownReported, 'error', 0.985, `${door} reports lockdown`, `DoorFlow reports ${door} in lockdown, though Lintel's copy of the door says ${ctx.door.mode}.`, 'Nobody opens it until an administrator lifts the lockdown; then sync.')
  const synced = status.last_sync_completed_at === null ? NaN : parseInstant(status.last_sync_completed_at)
  if (Number.isNaN(synced)) return
  for (const c of considered) {
    const changed = c.accepted_at ?? c.issued_at
    const at = changed ? parseInstant(changed) : NaN
    if (Number.isNaN(at) || synced >= at) continue
    add(ctx, FindingCode.doorNotSynced, 'error', 0.975, `${door} has not synced since the credential changed`, `${door} last finished syncing at ${siteTimeLabel(ctx.compiled, synced)} site time; ${describe(ctx, c)} changed at ${siteTimeLabel(ctx.compiled, at)}.`, "Wait for the controller's next sync (or trigger one in DoorFlow), then try again.", null, c)
  }
}

function shown(ctx: Context, d: Dated): ShownEvent {
  return {
    code: d.event.code,
    kind: eventKind(d.event.code),
    label: d.label,
    credential_number: d.number,
    at: d.event.at,
    local_time: `${siteTimeLabel(ctx.compiled, d.ms)} site time`,
    door_id: d.event.door_id,
    person_id: d.event.person_id,
    theirs: d.theirs
  }
}
