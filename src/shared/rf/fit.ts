/** One mark as the fit sees it. `p10`/`p90` give the within-mark spread. */
export interface FitPoint {
  distance_m: number
  median: number
  count: number
  p10: number
  p90: number
}

/** RSSI(d) = rssiAt1m − 10·exponent·log10(d), fitted to mark medians. */
export interface PathLossModel {
  rssiAt1m: number
  exponent: number
  /** Standard deviation of the mark medians around the model (m − 2 degrees of freedom; 0 for two marks). */
  sigma_dB: number
  /** Share of the variance of the mark medians the model explains; null when they are all equal. */
  r2: number | null
  marksUsed: number
}

/** (p90 − p10) of a normal distribution in standard deviations. */
const P10_P90_WIDTH = 2.5631
/** Variance of rounding to whole dB, the floor for a mark whose p10 equals its p90. */
const WHOLE_DB_VARIANCE = 1 / 12

/**
 * Fits the log-distance model by weighted least squares on per-mark medians, x = log10(d).
 *
 * Why medians: RSSI in dB is skewed by fades (a long lower tail), so a least-squares fit to every
 * sample is pulled down by fades and dominated by whichever mark holds the most samples; the median
 * is the robust level of a mark. Why these weights: a mark median is off the model by the site's
 * between-mark scatter τ² (shadowing, multipath; does not shrink with more samples) plus its own
 * sampling error v = (π/2)·s²/count (s from p10–p90, at least the 1 dB rounding). Weighting by count alone would let one long dwell dominate;
 * so a first unweighted pass estimates τ², and the second pass weighs each mark by 1/(τ² + v).
 * Marks at distance ≤ 0 are left out. Null with fewer than two distinct distances.
 */
export function fitLogDistance(points: readonly FitPoint[]): PathLossModel | null {
  const usable = points.filter((p) => p.distance_m > 0 && Number.isFinite(p.median))
  const x = usable.map((p) => Math.log10(p.distance_m))
  const y = usable.map((p) => p.median)
  if (new Set(x).size < 2) return null
  const sampling = usable.map((p) => ((Math.PI / 2) * Math.max(((p.p90 - p.p10) / P10_P90_WIDTH) ** 2, WHOLE_DB_VARIANCE)) / p.count)
  const first = weightedLine(x, y, x.map(() => 1))
  const m = usable.length
  const meanSampling = sampling.reduce((a, b) => a + b, 0) / m
  const scatter = m > 2 ? Math.max(0, residualSquares(x, y, first) / (m - 2) - meanSampling) : 0
  const line = weightedLine(x, y, sampling.map((v) => 1 / (scatter + v + 1e-9)))
  return {
    rssiAt1m: line.intercept,
    exponent: -line.slope / 10,
    sigma_dB: m > 2 ? Math.sqrt(residualSquares(x, y, line) / (m - 2)) : 0,
    r2: rSquared(x, y, line),
    marksUsed: m
  }
}

interface Line {
  intercept: number
  slope: number
}

function weightedLine(x: number[], y: number[], w: number[]): Line {
  let sw = 0
  let sx = 0
  let sy = 0
  for (let i = 0; i < x.length; i++) {
    sw += w[i]!
    sx += w[i]! * x[i]!
    sy += w[i]! * y[i]!
  }
  const mx = sx / sw
  const my = sy / sw
  let sxx = 0
  let sxy = 0
  for (let i = 0; i < x.length; i++) {
    sxx += w[i]! * (x[i]! - mx) ** 2
    sxy += w[i]! * (x[i]! - mx) * (y[i]! - my)
  }
  const slope = sxy / sxx
  return { slope, intercept: my - slope * mx }
}

function residualSquares(x: number[], y: number[], line: Line): number {
  let sum = 0
  for (let i = 0; i < x.length; i++) sum += (y[i]! - line.intercept - line.slope * x[i]!) ** 2
  return sum
}

function rSquared(x: number[], y: number[], line: Line): number | null {
  const mean = y.reduce((a, b) => a + b, 0) / y.length
  const total = y.reduce((a, b) => a + (b - mean) ** 2, 0)
  return total > 0 ? 1 - residualSquares(x, y, line) / total : null
}

/** The model's RSSI at `distance_m` (> 0). */
export function predictRssi(model: Pick<PathLossModel, 'rssiAt1m' | 'exponent'>, distance_m: number): number {
  return model.rssiAt1m - 10 * model.exponent * Math.log10(distance_m)
}

/** The distance at which the model gives `rssi`; null when the exponent is not positive or the result is not finite. */
export function estimateDistance(model: Pick<PathLossModel, 'rssiAt1m' | 'exponent'>, rssi: number): number | null {
  if (!(model.exponent > 0)) return null
  const d = 10 ** ((model.rssiAt1m - rssi) / (10 * model.exponent))
  return Number.isFinite(d) && d > 0 ? d : null
}
