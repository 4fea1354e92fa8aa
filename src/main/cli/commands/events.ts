import type { ShownEvent } from '../../../shared/diagnose'
import { LintelError } from '../../../shared/contract/result'
import { parseSince } from '../../../shared/events/since'
import { entityId, entityOption, requireOption, stringOption } from '../args'
import type { CliCommand } from '../command'
import { DB_OPTION_HELP, SITE_OPTIONS, withServices } from '../services'
import { UsageError } from '../io'

export const EventsErrorCode = { unavailable: 'events_unavailable' } as const

export const eventsCommand: CliCommand = {
  name: 'events',
  summary: "A door's recent DoorFlow events (admits and rejects), from the replica",
  usage: '[--db <path>] --door <id|name> [--person <id|name|email>] [--since <ISO|30m|2h|14d>] [--json]',
  options: { ...SITE_OPTIONS, door: { type: 'string' }, person: { type: 'string' }, since: { type: 'string' } },
  details: [
    DB_OPTION_HELP,
    '--since           an ISO instant with an offset, or a duration back from now: 30m, 2h, 14d (default 24h)',
    'Codes 10–18 and 70 are admits, 20–29 and 71–73 rejects. PIN numbers are masked.',
    'Exit 1 (events_unavailable) while the replica holds no events yet.'
  ],
  async run(values, _positionals, io) {
    const rawSince = stringOption(values, 'since') ?? '24h'
    const since = parseSince(rawSince, Date.now())
    if (!since) throw new UsageError(`--since ${rawSince}: expected an ISO 8601 instant with Z or an offset, or a duration like 30m, 2h or 14d`)
    const events = await withServices(values, io, (services) => {
      const site = services.site.snapshot()
      const door = entityId(requireOption(values, 'door'), site, 'door')
      const person = entityOption(values, site, 'person')
      return services.diagnose.recentEvents({ door_id: door, person_id: person, since })
    })
    if (events === null) throw new LintelError(EventsErrorCode.unavailable, "The door's events are not available yet: Lintel's copy of the site does not hold DoorFlow's events.")
    if (io.json) return void io.out(JSON.stringify({ events }))
    io.out(describeEvents(events))
  }
}

const KIND = { admit: 'ADMIT ', reject: 'REJECT', other: 'event ' } as const

/** One line per event, newest first. */
export function describeEvents(events: readonly ShownEvent[]): string {
  if (!events.length) return 'No events in that window.'
  return events.map((e) => `${e.local_time}  ${KIND[e.kind]} ${String(e.code).padStart(3)}  ${e.label}${e.credential_number ? `  [${e.credential_number}]` : ''}`).join('\n')
}
