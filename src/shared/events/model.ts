import { z } from 'zod'
import { IdSchema } from '../domain/site'

/**
 * One DoorFlow event as the replica keeps it: what the door itself saw. `person_id` and
 * `door_id` may name nothing on this site (an event is evidence, never trusted to be tidy).
 */
export const DoorEventSchema = z.object({
  code: z.number().int(),
  label: z.string(),
  person_id: IdSchema.nullable(),
  door_id: IdSchema,
  /** The credential number the door read; a PIN's is masked before it is shown. */
  credential_number: z.string().nullable(),
  /** When it happened, an ISO instant (the controller's clock: it may be off). */
  at: z.string()
})
export type DoorEvent = z.infer<typeof DoorEventSchema>

/** A door's (DoorFlow channel's) own status, as the replica last saw it. Null fields are unknown. */
export const DoorStatusSchema = z.object({
  door_id: IdSchema,
  online: z.boolean().nullable(),
  lockdown: z.boolean().nullable(),
  /** `sync.last_sync_completed_at`: when the controller last finished syncing from DoorFlow. */
  last_sync_completed_at: z.string().nullable()
})
export type DoorStatus = z.infer<typeof DoorStatusSchema>

/** How an event counts: the OpenAPI's lists, admits 10–18 and 70, rejects 20–29 and 71–73. */
export type EventKind = 'admit' | 'reject' | 'other'

export function eventKind(code: number): EventKind {
  if ((code >= 10 && code <= 18) || code === 70) return 'admit'
  if ((code >= 20 && code <= 29) || (code >= 71 && code <= 73)) return 'reject'
  return 'other'
}

/** The codes whose credential number is a PIN (PIN admit 11, PIN reject 24). */
const PIN_CODES = new Set([11, 24])

/** The credential number as it may be shown: masked for a PIN event, or for any number that is a PIN on the site. */
export function shownNumber(event: Pick<DoorEvent, 'code' | 'credential_number'>, isPin: (value: string) => boolean): string | null {
  const number = event.credential_number
  if (number === null) return null
  return PIN_CODES.has(event.code) || isPin(number) ? '•'.repeat(Math.max(4, number.length)) : number
}

/** The event's label and number as they may be shown: a PIN never appears in either. */
export function maskEvent(event: Pick<DoorEvent, 'code' | 'credential_number' | 'label'>, pins: ReadonlySet<string>): { label: string; number: string | null } {
  const number = shownNumber(event, (v) => pins.has(v))
  const raw = event.credential_number
  return { number, label: raw !== null && number !== raw ? event.label.split(raw).join(number ?? '') : event.label }
}

/** What a reject code says went wrong, in DoorFlow's words, and the Lintel rule that should agree. */
export const REJECT_RULES: Readonly<Record<number, { reason: string; rule: string | null }>> = {
  20: { reason: 'credential not recognised', rule: 'credential_unknown' },
  21: { reason: 'out of hours', rule: 'outside_schedule' },
  22: { reason: 'door in lockdown', rule: 'door_lockdown' },
  23: { reason: 'reader tampered', rule: null },
  24: { reason: 'wrong PIN', rule: 'pin_mismatch' },
  25: { reason: 'timed out', rule: null },
  26: { reason: 'invalid credential type', rule: 'credential_type_not_accepted' },
  27: { reason: 'not authorised for this door', rule: 'no_group_grants_door' },
  28: { reason: 'anti-pass-back', rule: null },
  29: { reason: 'controller offline', rule: null }
}

/** Query for the events port: a door's events in a window, optionally one person's. */
export interface EventQuery {
  door_id: DoorEvent['door_id']
  person_id?: DoorEvent['door_id'] | undefined
  /** ISO instants, inclusive. */
  since: string
  until: string
  limit: number
}

/**
 * Where events and door status come from: the replica, once sync keeps them. Null means "not
 * available here yet" (not "none happened"): diagnosis then says so instead of guessing.
 */
export interface DoorEventSource {
  events(query: EventQuery): readonly DoorEvent[] | null
  status(doorId: DoorEvent['door_id']): DoorStatus | null
}

/** The default source until the replica has events: nothing is available. */
export const NO_EVENT_SOURCE: DoorEventSource = { events: () => null, status: () => null }
