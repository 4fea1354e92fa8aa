import { MS_PER_DAY, daysFromCivil, formatLocalDate, weekdayOfDay } from './calendar'
import { intlOffsetAt, intlOffsetAtCE } from './intlClock'

/**
 * First and last-plus-one year a zone table covers; outside it, offsets come from Intl (correct,
 * only slower). Access decisions are about now, give or take a few decades. Each year of the range
 * is sampled from Intl the first time an instant in it is asked about (about 1 ms a year), so a
 * CLI call that decides one request pays for one year, not sixty.
 */
export const TABLE_FIRST_YEAR = 2000
export const TABLE_END_YEAR = 2060

/** The closest pair of changes since 1970 is 6.96 days apart (America/Boa_Vista, October 2000). */
const SAMPLE_STEP_MS = 3 * MS_PER_DAY

/** One year's UTC offsets as a step function: `starts[i]` is the instant from which `offsets[i]` applies. */
interface ZoneYear {
  readonly starts: Float64Array
  /** Offset from UTC in ms (local = utc + offset). */
  readonly offsets: Float64Array
}

/**
 * A time zone's UTC offsets as a step function, sampled from Intl year by year on first use, so that
 * converting an instant to local time is a binary search instead of an Intl call.
 */
export interface ZoneTable {
  readonly timeZone: string
  /** Start of the covered range (inclusive), epoch ms. */
  readonly start: number
  /** End of the covered range (exclusive), epoch ms. */
  readonly end: number
  /** 1 January 00:00 UTC of each covered year, and `end` last. */
  readonly yearStarts: Float64Array
  /** Each covered year's offsets, undefined until first needed. */
  readonly years: (ZoneYear | undefined)[]
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

/** The zone table for an IANA zone, made once per zone and cached. Throws RangeError for an unknown zone. */
export function zoneTable(timeZone: string): ZoneTable {
  let table = tables.get(timeZone)
  if (!table) {
    table = buildZoneTable(timeZone, TABLE_FIRST_YEAR, TABLE_END_YEAR)
    tables.set(timeZone, table)
  }
  return table
}

/** A table for [firstYear, endYear), its years sampled on first use. Throws RangeError for an unknown zone. */
export function buildZoneTable(timeZone: string, firstYear: number, endYear: number): ZoneTable {
  intlOffsetAtCE(timeZone, 0) // an unknown zone throws here, not at its first lookup
  const yearStarts = Float64Array.from({ length: endYear - firstYear + 1 }, (_, i) => daysFromCivil(firstYear + i, 1, 1) * MS_PER_DAY)
  return { timeZone, start: yearStarts[0]!, end: yearStarts[yearStarts.length - 1]!, yearStarts, years: new Array<ZoneYear | undefined>(endYear - firstYear).fill(undefined) }
}

/**
 * Samples Intl every three days over [start, end) and bisects each change to the second, then
 * samples on from the change. A change that is undone within three days would be missed; no zone
 * has had one since 1970.
 */
function sampleOffsets(timeZone: string, start: number, end: number): ZoneYear {
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
  return { starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) }
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

/** The covered year holding an instant inside the table's range, sampled now if it was not yet. */
function yearOf(table: ZoneTable, epochMs: number): ZoneYear {
  const yearStarts = table.yearStarts
  let index = Math.floor((epochMs - table.start) / (365.2425 * MS_PER_DAY))
  if (yearStarts[index]! > epochMs) index--
  else if (yearStarts[index + 1]! <= epochMs) index++
  return table.years[index] ?? (table.years[index] = sampleOffsets(table.timeZone, yearStarts[index]!, yearStarts[index + 1]!))
}

/** The zone's UTC offset in ms at an instant. */
export function offsetAt(table: ZoneTable, epochMs: number): number {
  if (!(epochMs >= table.start && epochMs < table.end)) return intlOffsetAt(table.timeZone, epochMs)
  const year = yearOf(table, epochMs)
  const starts = year.starts
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (starts[mid]! <= epochMs) lo = mid
    else hi = mid - 1
  }
  return year.offsets[lo]!
}

/** The instants in [from, to) at which the zone's offset changes (within the table's range). */
export function zoneChanges(table: ZoneTable, from: number, to: number): number[] {
  const changes: number[] = []
  for (let i = 0; i < table.years.length; i++) {
    if (table.yearStarts[i + 1]! <= from || table.yearStarts[i]! >= to) continue
    const year = yearOf(table, table.yearStarts[i]!)
    for (let j = 0; j < year.starts.length; j++) {
      const at = year.starts[j]!
      if (at >= from && at < to && offsetAt(table, at - 1000) !== year.offsets[j]) changes.push(at)
    }
  }
  return changes
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
