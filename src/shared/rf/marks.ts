import type { MarkSlice, SurveyColumns } from './columns'
import { channelSpread_dB, fadeDepth, ricianK_dB } from './fading'
import { countAtLeast, selectQuantile, slidingMedian, sortedQuantile } from './quantiles'
import type { Side } from './schema'

/**
 * Samples in the sliding window that gives the local median (centred, truncated at the ends of a
 * mark, in time order). A count rather than a time span because report rates range from 0.3/s
 * (a backgrounded iPhone) to 150/s (a dongle reporting all three channels at 20 ms): a 1 s window
 * would hold no neighbours at all on the slow phones.
 */
export const LOCAL_MEDIAN_WINDOW = 31

/** Per-mark statistics. `sorted` holds the mark's RSSI ascending, for pUnlock at any threshold. */
export interface MarkStats {
  distance_m: number
  side: Side
  count: number
  median: number
  p10: number
  p90: number
  windowedMedian: number
  windowedMedianSpread_dB: number
  fadeDepth_dB: number
  deepFadeShare: number
  kFactor_dB: number | null
  channelSpread_dB: number | null
  sorted: Float64Array
}

/** Statistics of every mark of the survey, in the columns' mark order. */
export function describeMarks(columns: SurveyColumns): MarkStats[] {
  const n = columns.rssi.length
  const local = new Float64Array(n)
  const scratch = new Float64Array(n)
  return columns.marks.map((mark) => describeMark(columns, mark, local, scratch))
}

function describeMark(columns: SurveyColumns, mark: MarkSlice, local: Float64Array, scratch: Float64Array): MarkStats {
  const { rssi } = columns
  const { start, end } = mark
  const sorted = rssi.slice(start, end).sort()
  slidingMedian(rssi, start, end, LOCAL_MEDIAN_WINDOW, local)
  const windowed = windowedSummary(local, start, end, scratch)
  const fade = fadeDepth(rssi, local, start, end, scratch)
  return {
    distance_m: mark.distance_m,
    side: mark.side,
    count: end - start,
    median: sortedQuantile(sorted, 0.5),
    p10: sortedQuantile(sorted, 0.1),
    p90: sortedQuantile(sorted, 0.9),
    windowedMedian: windowed.median,
    windowedMedianSpread_dB: windowed.spread,
    fadeDepth_dB: fade.depth_dB,
    deepFadeShare: fade.deepShare,
    kFactor_dB: ricianK_dB(rssi, start, end),
    channelSpread_dB: columns.hasChannels ? channelSpread_dB(columns, start, end, scratch) : null,
    sorted
  }
}

function windowedSummary(local: Float64Array, start: number, end: number, scratch: Float64Array): { median: number; spread: number } {
  let lowest = Infinity
  let highest = -Infinity
  for (let i = start; i < end; i++) {
    const value = local[i]!
    scratch[i - start] = value
    if (value < lowest) lowest = value
    if (value > highest) highest = value
  }
  return { median: selectQuantile(scratch.subarray(0, end - start), 0.5), spread: highest - lowest }
}

/** Observed share of a mark's samples at or above `threshold_dBm`. */
export function pUnlockAt(stats: Pick<MarkStats, 'sorted'>, threshold_dBm: number): number {
  const n = stats.sorted.length
  return n === 0 ? 0 : countAtLeast(stats.sorted, threshold_dBm) / n
}
