import { MS_PER_DAY, daysFromCivil, formatLocalDate, weekdayOfDay } from './calendar'
import { intlOffsetAt, intlOffsetAtCE } from './intlClock'

/**
 * First and last-plus-one year a zone table covers; outside it, offsets come from Intl (correct,
 * only slower). Access decisions are about now, give or take a few decades; building 1970–2100
 * cost a CLI call about 100 ms of its start-up.
 */
export const TABLE_FIRST_YEAR = 2000
export const TABLE_END_YEAR = 2060

/** The closest pair of changes since 1970 is 6.96 days apart (America/Boa_Vista, October 2000). */
const SAMPLE_STEP_MS = 3 * MS_PER_DAY

/**
 * A time zone's UTC offsets as a step function, precomputed from Intl so that converting an
 * instant to local time is a binary search instead of an Intl call.
 */
export interface ZoneTable {
  readonly timeZone: string
  /** Start of the covered range (inclusive), epoch ms. */
  readonly start: number
  /** End of the covered range (exclusive), epoch ms. */
  readonly end: number
  /** `starts[i]` is the instant from which `offsets[i]` applies; `starts[0] === start`. */
  readonly starts: Float64Array
  /** Offset from UTC in ms (local = utc + offset). */
  readonly offsets: Float64Array
}

/** A wall-clock reading in a zone. */
export interface LocalTime {
  /** The local date as days since 1970-01-01. */
  readonly day: number
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number
  /** Minutes since local midnight, 0–1439. */
  readonly minuteOfDay: number
}

const tables = new Map<string, ZoneTable>()

/** The zone table for an IANA zone, built once per zone and cached. Throws RangeError for an unknown zone. */
export function zoneTable(timeZone: string): ZoneTable {
  let table = tables.get(timeZone)
  if (!table) {
    table = buildZoneTable(timeZone, TABLE_FIRST_YEAR, TABLE_END_YEAR)
    tables.set(timeZone, table)
  }
  return table
}

/**
 * Builds a table by sampling Intl every three days and bisecting each change to the second,
 * then sampling on from the change. A change that is undone within three days would be missed;
 * no zone has had one since 1970.
 */
export function buildZoneTable(timeZone: string, firstYear: number, endYear: number): ZoneTable {
  const start = daysFromCivil(firstYear, 1, 1) * MS_PER_DAY
  const end = daysFromCivil(endYear, 1, 1) * MS_PER_DAY
  const starts = [start]
  const offsets = [intlOffsetAtCE(timeZone, start)]
  let before = start
  let offsetBefore = offsets[0]!
  while (before < end) {
    const after = Math.min(before + SAMPLE_STEP_MS, end - 1000)
    const offsetAfter = intlOffsetAtCE(timeZone, after)
    if (offsetAfter === offsetBefore) {
      before = after === end - 1000 ? end : after
      continue
    }
    const change = firstSecondWithOffset(timeZone, before, after, offsetBefore)
    offsetBefore = intlOffsetAtCE(timeZone, change)
    starts.push(change)
    offsets.push(offsetBefore)
    before = change
  }
  return { timeZone, start, end, starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) }
}

/** The first whole second in (lo, hi] whose offset differs from `offsetLo`. */
function firstSecondWithOffset(timeZone: string, lo: number, hi: number, offsetLo: number): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000
    if (intlOffsetAtCE(timeZone, mid) === offsetLo) lo = mid
    else hi = mid
  }
  return hi
}

/** The zone's UTC offset in ms at an instant. */
export function offsetAt(table: ZoneTable, epochMs: number): number {
  if (!(epochMs >= table.start && epochMs < table.end)) return intlOffsetAt(table.timeZone, epochMs)
  const starts = table.starts
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (starts[mid]! <= epochMs) lo = mid
    else hi = mid - 1
  }
  return table.offsets[lo]!
}

/** The local date, weekday and minute of the day of an instant in the table's zone. */
export function localTimeAt(table: ZoneTable, epochMs: number): LocalTime {
  const local = epochMs + offsetAt(table, epochMs)
  const day = Math.floor(local / MS_PER_DAY)
  return { day, weekday: weekdayOfDay(day), minuteOfDay: Math.floor((local - day * MS_PER_DAY) / 60_000) }
}

/**
 * The instants at which the zone's clocks read `minuteOfDay` on local `day`: none in a
 * spring-forward gap, two in a fall-back repeated hour, otherwise one. Ascending.
 */
export function instantsAtLocal(table: ZoneTable, day: number, minuteOfDay: number): number[] {
  const wall = day * MS_PER_DAY + minuteOfDay * 60_000
  const candidates = new Set<number>()
  for (const probe of [wall - 2 * MS_PER_DAY, wall, wall + 2 * MS_PER_DAY]) {
    const guess = wall - offsetAt(table, probe)
    candidates.add(guess)
  }
  return [...candidates].filter((t) => t + offsetAt(table, t) === wall).sort((a, b) => a - b)
}

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
const CLOCK_LABELS = Array.from(
  { length: 1440 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
)

/** "Mon" … "Sun" for weekday 0–6. */
export function weekdayLabel(weekday: number): string {
  return DAY_LABELS[weekday] ?? '?'
}

/** "HH:MM" for a minute of the day, 0–1439. */
export function clockLabel(minuteOfDay: number): string {
  return CLOCK_LABELS[minuteOfDay] ?? '??:??'
}

/** An instant as local "YYYY-MM-DD HH:MM" in the table's zone. */
export function formatLocalDateTime(table: ZoneTable, epochMs: number): string {
  const local = localTimeAt(table, epochMs)
  return `${formatLocalDate(local.day)} ${clockLabel(local.minuteOfDay)}`
}
