import { predictRssi, type PathLossModel } from './fit'
import { K_MIN_SAMPLES } from './fading'
import type { MarkStats } from './marks'
import type { AdvInterval, MarkReception } from './reception'

/** Below this median a mark's packet loss may be the receiver's sensitivity, not congestion. */
export const RECEPTION_MIN_MEDIAN_DBM = -85

/** The site-level measurements the interference class and the recommendations are decided from. */
export interface SiteEvidence {
  exponent: number | null
  marksFitted: number
  /** Median Rician K over the fading marks (see {@link measureSite}). */
  kFactor_dB: number | null
  fadingMarks: number
  /** Pooled share of samples ≥ 15 dB below the local median over the fading marks. */
  deepFadeShare: number | null
  /** Median per-mark spread of the channel medians. */
  channelSpread_dB: number | null
  /** Median over out-side marks (d > 0) of in-side model − mark median. */
  outsideExcess_dB: number | null
  outsideMarks: number
  /** Median packet reception ratio over marks above {@link RECEPTION_MIN_MEDIAN_DBM}. */
  receptionRatio: number | null
  receptionMarks: number
  advInterval: AdvInterval | null
  wholeSecondTimes: boolean
}

/**
 * Measures the site. Fading is judged on the in-side marks (the reader's line-of-sight side, where a
 * metal frame shows) with at least 10 samples; on all such marks when no in-side mark qualifies.
 * The loss behind an obstruction compares out-side medians with the in-side model, which is this
 * site's unobstructed path (a textbook free-space n = 2 would misjudge rooms where n ≠ 2).
 */
export function measureSite(
  marks: readonly MarkStats[],
  reception: readonly MarkReception[],
  model: PathLossModel | null,
  advInterval: AdvInterval | null,
  wholeSecondTimes: boolean
): SiteEvidence {
  const enough = marks.filter((m) => m.count >= K_MIN_SAMPLES)
  const inside = enough.filter((m) => m.side === 'in')
  const fading = inside.length > 0 ? inside : enough
  const deep = fading.reduce((sum, m) => sum + m.deepFadeShare * m.count, 0)
  const samples = fading.reduce((sum, m) => sum + m.count, 0)
  const outside = model ? marks.filter((m) => m.side === 'out' && m.distance_m > 0) : []
  const receiving = marks.flatMap((m, i) => {
    const prr = reception[i]?.prr ?? null
    return m.median >= RECEPTION_MIN_MEDIAN_DBM && prr !== null ? [prr] : []
  })
  return {
    exponent: model?.exponent ?? null,
    marksFitted: model?.marksUsed ?? 0,
    kFactor_dB: median(fading.flatMap((m) => (m.kFactor_dB === null ? [] : [m.kFactor_dB]))),
    fadingMarks: fading.length,
    deepFadeShare: samples > 0 ? deep / samples : null,
    channelSpread_dB: median(marks.flatMap((m) => (m.channelSpread_dB === null ? [] : [m.channelSpread_dB]))),
    outsideExcess_dB: model ? median(outside.map((m) => predictRssi(model, m.distance_m) - m.median)) : null,
    outsideMarks: outside.length,
    receptionRatio: median(receiving),
    receptionMarks: receiving.length,
    advInterval,
    wholeSecondTimes
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length & 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
