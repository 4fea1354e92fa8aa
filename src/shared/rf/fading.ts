import { selectQuantile } from './quantiles'
import { EVENT_GROUPING_MS } from './reception'

/** A sample this far or more below its local median counts as a deep fade (the metal rule). */
export const DEEP_FADE_DB = 15
/** Rician K estimates below this many samples are not reported. */
export const K_MIN_SAMPLES = 10
/** K in dB is clamped to ±this, so a mark without any variance stays finite in JSON. */
export const K_CAP_DB = 40
/** A mark needs this many events heard on two or more channels for a channel spread. */
export const CHANNEL_MIN_SAMPLES = 5

const LN10_OVER_10 = Math.LN10 / 10

/**
 * Fade depth of `rssi[start, end)` against its local medians `local[start, end)`:
 * `depth_dB` is the 95th percentile of (local − rssi), i.e. the worst 5% of samples fall at least
 * this far below; `deepShare` is the share at least {@link DEEP_FADE_DB} below.
 */
export function fadeDepth(
  rssi: Float64Array,
  local: Float64Array,
  start: number,
  end: number,
  scratch: Float64Array
): { depth_dB: number; deepShare: number } {
  const n = end - start
  let deep = 0
  for (let i = 0; i < n; i++) {
    const below = local[start + i]! - rssi[start + i]!
    scratch[i] = below
    if (below >= DEEP_FADE_DB) deep++
  }
  return { depth_dB: selectQuantile(scratch.subarray(0, n), 0.95), deepShare: n > 0 ? deep / n : 0 }
}

/**
 * Rician K-factor of `rssi[start, end)` by the moment method on linear power (Greenstein et al.
 * 1999): with mean power G and power variance V, the line-of-sight power is √(G² − V) and
 * K = √(G² − V) / (G − √(G² − V)). K = 0 (Rayleigh) when V ≥ G². In dB, clamped to ±{@link K_CAP_DB};
 * null under {@link K_MIN_SAMPLES} samples.
 */
export function ricianK_dB(rssi: Float64Array, start: number, end: number): number | null {
  const n = end - start
  if (n < K_MIN_SAMPLES) return null
  const reference = rssi[start]!
  let sum = 0
  let sumSquares = 0
  for (let i = start; i < end; i++) {
    const power = Math.exp((rssi[i]! - reference) * LN10_OVER_10)
    sum += power
    sumSquares += power * power
  }
  const mean = sum / n
  const variance = Math.max(0, sumSquares / n - mean * mean)
  const los2 = mean * mean - variance
  if (los2 <= 0) return -K_CAP_DB
  const los = Math.sqrt(los2)
  const k = los / (mean - los)
  if (!(k > 0) || !Number.isFinite(k)) return K_CAP_DB
  return Math.max(-K_CAP_DB, Math.min(K_CAP_DB, 10 * Math.log10(k)))
}

/**
 * How much the three advertising channels disagree at a mark: the median, over advertising events
 * heard on two or more channels (reports ≤ 10 ms apart), of the highest minus the lowest RSSI — the
 * same place and moment on different frequencies. With a strong line of sight the channels agree
 * within a few dB; under multipath each fades on its own. Null under {@link CHANNEL_MIN_SAMPLES}
 * such events: a scanner that hops channels hears each at a different place and time, and comparing
 * its per-channel medians measures the movement, not the channels.
 */
export function channelSpread_dB(
  columns: { t: Float64Array; rssi: Float64Array; channel: Uint8Array },
  start: number,
  end: number,
  scratch: Float64Array
): number | null {
  const { t, rssi, channel } = columns
  let events = 0
  let i = start
  while (i < end) {
    let j = i + 1
    let lowest = rssi[i]!
    let highest = lowest
    let channels = channel[i] ? 1 : 0
    for (; j < end && t[j]! - t[i]! <= EVENT_GROUPING_MS; j++) {
      if (channel[j] && channel[j] !== channel[j - 1]) channels++
      lowest = Math.min(lowest, rssi[j]!)
      highest = Math.max(highest, rssi[j]!)
    }
    if (channels >= 2) scratch[events++] = highest - lowest
    i = j
  }
  return events >= CHANNEL_MIN_SAMPLES ? selectQuantile(scratch.subarray(0, events), 0.5) : null
}
