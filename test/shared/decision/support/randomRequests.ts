import type { Id, Site } from '../../../../src/shared/domain/site'
import { decisionValueOf, type DecisionRequest } from '../../../../src/shared/decision'
import { DAY_NAMES } from '../../../../src/shared/domain/site'
import { instantsAtLocal, parseLocalDate, zoneTable, type ZoneTable } from '../../../../src/shared/time'
import { Prng } from './prng'
import { credentialValue } from './randomSite'

const RANGE_START = Date.UTC(2026, 0, 1)
const RANGE_DAYS = 730
const OFFSETS = [-300, 60, 330, 600, -210]

interface Index {
  site: Site
  zone: ZoneTable
  pinsByPerson: Map<Id, string[]>
  /** Per person: [doorId, scheduleId|null] pairs their existing groups grant. */
  grantsByPerson: Map<Id, [Id, Id | null][]>
}

/**
 * Requests with a realistic mix: most for enrolled credentials at doors their groups grant (half
 * of those at a local time inside the granting schedule, edges included), the rest anywhere,
 * with unknown values, unknown doors, right, wrong and missing PINs, and several `at` forms.
 */
export function randomRequests(site: Site, count: number, seed: number): DecisionRequest[] {
  const rng = new Prng(seed)
  const index = buildIndex(site)
  return Array.from({ length: count }, () => randomRequest(rng, index))
}

function buildIndex(site: Site): Index {
  const pinsByPerson = new Map<Id, string[]>()
  const pinTypes = new Set(site.credential_types.filter((t) => t.format === 'pin').map((t) => t.id))
  for (const c of site.credentials) {
    if (!pinTypes.has(c.credential_type_id)) continue
    pinsByPerson.set(c.person_id, [...(pinsByPerson.get(c.person_id) ?? []), ...(c.value === undefined ? [] : [c.value])])
  }
  const groups = new Map(site.groups.map((g) => [g.id, g]))
  const grantsByPerson = new Map<Id, [Id, Id | null][]>()
  for (const p of site.people) {
    const grants = p.group_ids.flatMap((id) => groups.get(id)?.access.flatMap((a) => a.door_ids.map((d): [Id, Id | null] => [d, a.schedule_id])) ?? [])
    grantsByPerson.set(p.id, grants)
  }
  return { site, zone: zoneTable(site.site.timezone), pinsByPerson, grantsByPerson }
}

function randomRequest(rng: Prng, index: Index): DecisionRequest {
  const { site } = index
  const credential = rng.pick(site.credentials)
  const grants = index.grantsByPerson.get(credential.person_id) ?? []
  const targeted = grants.length > 0 && rng.chance(0.8)
  const [doorId, scheduleId] = targeted ? rng.pick(grants) : [rng.pick(site.doors).id, undefined]
  const at = targeted && scheduleId !== undefined && rng.chance(0.7) ? timeInSchedule(rng, index, scheduleId) : randomInstant(rng)
  const r = rng.next()
  const request: DecisionRequest = {
    door_id: r < 0.03 ? rng.pick<Id>([999_999, 'no-such-door', String(doorId)]) : doorId,
    credential_type_id: credential.credential_type_id,
    value: r > 0.95 ? credentialValue(rng, credential.credential_type_id) : decisionValueOf(credential),
    at: formatAt(rng, at)
  }
  const pin = randomPin(rng, index, credential.person_id)
  if (pin !== undefined) request.pin = pin
  return request
}

function randomPin(rng: Prng, index: Index, personId: Id): string | undefined {
  const r = rng.next()
  const pins = index.pinsByPerson.get(personId)
  if (r < 0.55 && pins) return rng.pick(pins)
  if (r < 0.75) return String(rng.int(0, 9_999_999)).padStart(7, '0')
  return undefined
}

function randomInstant(rng: Prng): number {
  const minute = rng.int(0, 95) * 15 + rng.pick([0, 0, 0, -1, 1, 7])
  return RANGE_START + rng.int(0, RANGE_DAYS) * 86_400_000 + minute * 60_000 + rng.pick([0, 0, 59_999, 30_000])
}

/** An instant whose local time is at an edge of, or inside, an interval of the schedule. */
function timeInSchedule(rng: Prng, index: Index, scheduleId: Id | null): number {
  const interval = scheduleId === null ? undefined : index.site.schedules.find((s) => s.id === scheduleId)?.weekly[0]
  if (!interval || interval.days.length === 0) return randomInstant(rng)
  const base = parseLocalDate('2026-01-05') + rng.int(0, 100) * 7
  const day = base + DAY_NAMES.indexOf(rng.pick(interval.days))
  const from = minutes(interval.from)
  const to = minutes(interval.to)
  const length = (to <= from ? to + 1440 : to) - from
  const offset = rng.pick([0, length - 1, length, rng.int(0, Math.max(length - 1, 0))])
  const instants = instantsAtLocal(index.zone, day + Math.floor((from + offset) / 1440), (from + offset) % 1440)
  return instants.length > 0 ? rng.pick(instants) + rng.pick([0, 59_999]) : randomInstant(rng)
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** `at` as "…Z", "….sssZ" or with a numeric offset. */
export function formatAt(rng: Prng, epochMs: number): string {
  const r = rng.next()
  if (r < 0.15) return new Date(epochMs).toISOString()
  if (r < 0.7) return new Date(epochMs - (epochMs % 1000)).toISOString().replace('.000Z', 'Z')
  const offset = rng.pick(OFFSETS)
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 23)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}
