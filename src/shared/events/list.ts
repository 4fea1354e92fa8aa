import { siteTimeLabel, type CompiledSite } from '../decision'
import type { Id, Site } from '../domain/site'
import type { ShownEvent } from '../diagnose/model'
import { pinValuesOf } from '../diagnose/subject'
import { parseInstant } from '../time'
import { eventKind, maskEvent, type DoorEvent } from './model'

/**
 * A door's events as `lintel events` lists them: this door (and person) only, newest first, PIN
 * numbers masked in the number and the label. Undated events are dropped; future ones are kept
 * (they are evidence of a clock that is off) and sort first.
 */
export function listEvents(site: Site, compiled: CompiledSite, events: readonly DoorEvent[], query: { door_id: Id; person_id?: Id | undefined; since: string }): ShownEvent[] {
  const pins = pinValuesOf(site)
  const since = parseInstant(query.since)
  const rows: { event: DoorEvent; ms: number }[] = []
  for (const event of events) {
    const ms = parseInstant(event.at)
    if (Number.isNaN(ms) || ms < since || event.door_id !== query.door_id) continue
    if (query.person_id !== undefined && event.person_id !== query.person_id) continue
    rows.push({ event, ms })
  }
  return rows.sort((a, b) => b.ms - a.ms).map(({ event, ms }) => {
    const { label, number } = maskEvent(event, pins)
    return {
      code: event.code,
      kind: eventKind(event.code),
      label,
      credential_number: number,
      at: event.at,
      local_time: `${siteTimeLabel(compiled, ms)} site time`,
      door_id: event.door_id,
      person_id: event.person_id,
      theirs: query.person_id !== undefined
    }
  })
}
