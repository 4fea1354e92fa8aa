import type { SideRangesResult } from './schema'

/** A mark counts as reliable when at least this share of its samples reach the threshold. */
export const RELIABLE_P = 0.95
/** A mark counts as quiet (no unlock) when at most this share of its samples reach the threshold. */
export const LEAK_P = 0.05

/** A mark as the range computation sees it. */
export interface RangeMark {
  distance_m: number
  pUnlock: number
}

/**
 * Reliable and leak range over the marks of one side, from the observed pUnlock of each mark (no
 * model smoothing: the ranges report what was measured, and the model cannot represent the ±20 dB
 * swings over 10–15 cm that real rooms show).
 *
 * - reliableRange_m: the largest mark distance with pUnlock ≥ 0.95 (the definition). Null
 *   when no mark reaches 0.95, or when the farthest mark does (`reliableBeyondWalk`: the walk never
 *   crossed out of the reliable zone). Nearer marks below 0.95 are listed as `deadSpots_m`.
 * - leakRange_m: the nearest mark from which every mark outward has pUnlock ≤ 0.05. Null when the
 *   farthest mark is still above 0.05 (`leakBeyondWalk`), or when no mark is above 0.05 (the walk never
 *   was inside the unlock zone).
 *
 * Returns null for no marks.
 */
export function sideRanges(marks: readonly RangeMark[]): SideRangesResult | null {
  const sorted = [...marks].sort((a, b) => a.distance_m - b.distance_m)
  const farthest = sorted.at(-1)
  if (!farthest) return null
  const reliable = sorted.findLast((m) => m.pUnlock >= RELIABLE_P)
  const reliableBeyondWalk = farthest.pUnlock >= RELIABLE_P
  const deadSpots_m = reliable ? sorted.filter((m) => m.distance_m < reliable.distance_m && m.pUnlock < RELIABLE_P).map((m) => m.distance_m) : []
  const lastLoud = sorted.findLastIndex((m) => m.pUnlock > LEAK_P)
  const leakBeyondWalk = lastLoud === sorted.length - 1
  const leak = lastLoud >= 0 && !leakBeyondWalk ? sorted[lastLoud + 1]! : null
  return {
    reliableRange_m: reliable && !reliableBeyondWalk ? reliable.distance_m : null,
    leakRange_m: leak ? leak.distance_m : null,
    farthestMark_m: farthest.distance_m,
    reliableBeyondWalk,
    leakBeyondWalk,
    deadSpots_m,
    maxPUnlock: sorted.reduce((max, m) => Math.max(max, m.pUnlock), 0)
  }
}

/** Whether the unlock zone reaches the wrong side: any out-side mark above 0.05. Null without out-side marks. */
export function leaksToWrongSide(outMarks: readonly RangeMark[]): boolean | null {
  return outMarks.length === 0 ? null : outMarks.some((m) => m.pUnlock > LEAK_P)
}
