import {
  MS_PER_DAY,
  formatLocalDate,
  formatLocalDateTime,
  instantsAtLocal,
  localTimeAt,
  offsetAt,
  parseInstant,
  parseLocalDate,
  zoneTable
} from '../../shared/time'

/** A wall-clock reading as the date and time inputs hold it: "YYYY-MM-DD" and "HH:MM". */
export interface LocalDateTime {
  readonly date: string
  readonly time: string
}

/** One instant the site's clocks show at a local date and time. */
export interface SiteInstant {
  readonly epochMs: number
  /** The zone's offset from UTC at that instant, in ms. */
  readonly offsetMs: number
  /** ISO 8601 with the site's offset, e.g. "2026-03-29T09:00:00+01:00". */
  readonly iso: string
}

/**
 * What a local date and time means in the site's zone: one instant; none in a spring-forward
 * gap; two (earlier first) in a fall-back repeated hour; or invalid input.
 */
export type LocalResolution =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'gap' }
  | { readonly kind: 'one'; readonly instant: SiteInstant }
  | { readonly kind: 'repeated'; readonly earlier: SiteInstant; readonly later: SiteInstant }

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/

export function resolveLocal(timeZone: string, local: LocalDateTime): LocalResolution {
  const day = parseLocalDate(local.date)
  const match = HH_MM.exec(local.time)
  if (Number.isNaN(day) || !match) return { kind: 'invalid' }
  const table = zoneTable(timeZone)
  const instants = instantsAtLocal(table, day, Number(match[1]) * 60 + Number(match[2]))
  const describe = (epochMs: number): SiteInstant => {
    const offsetMs = offsetAt(table, epochMs)
    return { epochMs, offsetMs, iso: isoWithOffset(local, offsetMs) }
  }
  const [first, second] = instants
  if (first === undefined) return { kind: 'gap' }
  if (second === undefined) return { kind: 'one', instant: describe(first) }
  return { kind: 'repeated', earlier: describe(first), later: describe(second) }
}

/** A site-local reading as a form holds it, with the choice for an hour the clocks repeat. */
export interface LocalWhen extends LocalDateTime {
  readonly repeated: 'earlier' | 'later'
}

/** A reading taken as one instant (a repeated hour as chosen), or what to fix. */
export type ChosenInstant =
  | { readonly ok: true; readonly at: SiteInstant; readonly repeated: boolean }
  | { readonly ok: false; readonly problem: string }

export function chooseInstant(timeZone: string, local: LocalWhen): ChosenInstant {
  const when = resolveLocal(timeZone, local)
  if (when.kind === 'invalid') return { ok: false, problem: 'Enter a date and a time.' }
  if (when.kind === 'gap') {
    return { ok: false, problem: `${local.time} does not exist on ${local.date} in ${timeZone}: the clocks go forward. Choose another time.` }
  }
  if (when.kind === 'one') return { ok: true, at: when.instant, repeated: false }
  return { ok: true, at: local.repeated === 'later' ? when.later : when.earlier, repeated: true }
}

/** The site's local date and time (to the minute) at an instant. */
export function localAt(timeZone: string, epochMs: number): LocalDateTime {
  const local = localTimeAt(zoneTable(timeZone), epochMs)
  const hours = Math.floor(local.minuteOfDay / 60)
  const minutes = local.minuteOfDay % 60
  return { date: formatLocalDate(local.day), time: `${pad2(hours)}:${pad2(minutes)}` }
}

/** "UTC+01:00", "UTC−05:00", "UTC". */
export function describeOffset(offsetMs: number): string {
  if (offsetMs === 0) return 'UTC'
  const minutes = Math.round(Math.abs(offsetMs) / 60_000)
  return `UTC${offsetMs < 0 ? '−' : '+'}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
}

/** The instant as UTC to the minute, e.g. "2026-03-29 08:00 UTC". */
export function describeUtc(epochMs: number): string {
  const day = Math.floor(epochMs / MS_PER_DAY)
  const minute = Math.floor((epochMs - day * MS_PER_DAY) / 60_000)
  return `${formatLocalDate(day)} ${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)} UTC`
}

function isoWithOffset(local: LocalDateTime, offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000)
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${local.date}T${local.time}:00${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** An ISO instant as "YYYY-MM-DD HH:MM" on the site's clocks; the text itself if it does not parse. */
export function siteDateTime(timeZone: string, iso: string): string {
  const epochMs = parseInstant(iso)
  return Number.isNaN(epochMs) ? iso : formatLocalDateTime(zoneTable(timeZone), epochMs)
}
