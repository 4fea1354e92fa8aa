import type { MarkSlice, SurveyColumns } from './columns'
import { selectQuantile } from './quantiles'

/**
 * Reports closer than this belong to one advertising event. An event sends the same packet on
 * channels 37, 38 and 39 within a few milliseconds, and events are at least 20 ms apart.
 */
export const EVENT_GROUPING_MS = 10
/** Mean of the 0–10 ms random advDelay the controller adds to every advertising interval. */
export const MEAN_ADV_DELAY_MS = 5
/** Fewest gaps between events from which an interval is inferred. */
export const MIN_GAPS_FOR_INFERENCE = 20

/** The advertising interval used for packet reception, and where it came from. */
export interface AdvInterval {
  ms: number
  source: 'option' | 'inferred'
}

/** Reception at one mark. */
export interface MarkReception {
  /** Advertising events received per second; null for a single report. */
  receivedPerSecond: number | null
  /** Received events / events the interval predicts over the mark's time span; null without an interval. */
  prr: number | null
}

/**
 * True when every timestamp is a whole second (as in the Herald files): advertising events cannot be
 * told apart, so the interval cannot be inferred and each report counts as one event.
 */
export function hasWholeSecondTimes(t: Float64Array): boolean {
  for (let i = 0; i < t.length; i++) if (t[i]! % 1000 !== 0) return false
  return t.length > 0
}

/**
 * Infers the advertising interval from the gaps between received events within each mark. Lost
 * packets make gaps of whole multiples of (interval + delay), so the unit gap is found from the 10th
 * percentile g: the mean of the gaps within [g/2, 3g/2] is interval + 5 ms. Works while at least
 * about 10% of events arrive. Null with whole-second timestamps or under 20 gaps.
 */
export function inferAdvInterval(columns: SurveyColumns): number | null {
  if (hasWholeSecondTimes(columns.t)) return null
  const gaps = new Float64Array(columns.t.length)
  let count = 0
  for (const mark of columns.marks) count = collectEventGaps(columns.t, mark, gaps, count)
  if (count < MIN_GAPS_FOR_INFERENCE) return null
  const unit = selectQuantile(gaps.subarray(0, count), 0.1)
  let sum = 0
  let inCluster = 0
  for (let i = 0; i < count; i++) {
    const gap = gaps[i]!
    if (gap >= unit / 2 && gap <= unit * 1.5) {
      sum += gap
      inCluster++
    }
  }
  const interval = sum / inCluster - MEAN_ADV_DELAY_MS
  return Math.round(Math.min(10_240, Math.max(20, interval)))
}

function collectEventGaps(t: Float64Array, mark: MarkSlice, gaps: Float64Array, count: number): number {
  if (mark.end <= mark.start) return count
  let eventStart = t[mark.start]!
  for (let i = mark.start + 1; i < mark.end; i++) {
    const gap = t[i]! - eventStart
    if (gap > EVENT_GROUPING_MS) {
      gaps[count++] = gap
      eventStart = t[i]!
    }
  }
  return count
}

/**
 * Copies of each advertising event the scanner can hear: 3 when it reports every channel (at least
 * 10% of received events hold more than one report), else 1 — phones and most dongles listen on one
 * channel at a time. Always 1 with whole-second timestamps, where events cannot be told apart.
 */
export function copiesPerEvent(columns: SurveyColumns, wholeSeconds: boolean): 1 | 3 {
  if (wholeSeconds) return 1
  let events = 0
  let multiple = 0
  for (const mark of columns.marks) {
    let i = mark.start
    while (i < mark.end) {
      let j = i + 1
      while (j < mark.end && columns.t[j]! - columns.t[i]! <= EVENT_GROUPING_MS) j++
      events++
      if (j - i > 1) multiple++
      i = j
    }
  }
  return multiple >= 0.1 * events && multiple > 0 ? 3 : 1
}

/**
 * Reception at a mark. The reader sends 1000 / (interval + 5 ms) events per second, each on channels
 * 37, 38 and 39. `receivedPerSecond` counts events (reports grouped within {@link EVENT_GROUPING_MS}).
 * `prr` is packets received over packets the scanner could have heard: events predicted over the
 * mark's time span × {@link copiesPerEvent}, so a scanner hearing all three copies is judged per
 * packet and a hopping one per event. With whole-second timestamps each report counts as an event.
 */
export function markReception(
  t: Float64Array,
  mark: MarkSlice,
  intervalMs: number | null,
  wholeSeconds: boolean,
  copies: 1 | 3 = 1
): MarkReception {
  const count = mark.end - mark.start
  if (count === 0) return { receivedPerSecond: null, prr: null }
  const span = t[mark.end - 1]! - t[mark.start]!
  const period = intervalMs === null ? null : intervalMs + MEAN_ADV_DELAY_MS
  if (wholeSeconds) {
    const window = span + 1000
    return { receivedPerSecond: (count * 1000) / window, prr: period === null ? null : count / (window / period) }
  }
  const events = countEvents(t, mark)
  const receivedPerSecond = span > 0 ? ((events - 1) * 1000) / span : null
  const prr = period === null ? null : count / (copies * (span / period + 1))
  return { receivedPerSecond, prr }
}
function countEvents(t: Float64Array, mark: MarkSlice): number {
  let events = 1
  let eventStart = t[mark.start]!
  for (let i = mark.start + 1; i < mark.end; i++) {
    if (t[i]! - eventStart > EVENT_GROUPING_MS) {
      events++
      eventStart = t[i]!
    }
  }
  return events
}
