import { fitLogDistance, predictRssi, selectQuantile, type FitPoint } from '../rf'
import { wallLossBetween, type PlanMetrePoint, type WallInMetres } from './geometry'

/** How a reader's path-loss model was made. */
export const ModelSource = { fitted: 'fitted', default: 'default', modelOnly: 'model-only' } as const
export type ModelSource = (typeof ModelSource)[keyof typeof ModelSource]

/** A reader's log-distance model in line of sight, the spread of single readings around the map, and how it was made. */
export interface ReaderModel {
  source: ModelSource
  rssiAt1m: number
  exponent: number
  /** Spread of one reading around the predicted level: between-mark scatter and within-mark fading together. */
  sigma_dB: number
  marksUsed: number
}

/** One mark of this reader in plan metres, with its median and what the model left unexplained there. */
export interface MarkResidual {
  position: PlanMetrePoint
  median: number
  residual_dB: number
}

/** A reader with no usable marks: free-space-like decay in an ordinary room (n = 2, as the virtual site). */
export const DEFAULT_MODEL = { exponent: 2, sigma_dB: 6, rssiAt1m: -59 } as const
/** The usual difference between a reader's advertised TX power and the RSSI a phone reads at 1 m. */
export const LOSS_AT_1M_DB = 55
/** Fitted exponents outside this range mean the marks cannot pin the model (all at one distance, a walk into a fade). */
const PLAUSIBLE_EXPONENT = { min: 1, max: 6 } as const
const P10_P90_WIDTH = 2.5631
const MIN_SIGMA_DB = 1.5
const NEAREST_M = 0.05

interface MarkInput {
  position: PlanMetrePoint
  rssi: readonly number[]
}

/**
 * Fits the reader's model to its marks after adding back the wall losses on each mark's path, so the
 * fit sees line-of-sight decay; falls back to the default model with fewer than two distinct distances.
 */
export function readerModel(reader: PlanMetrePoint, marks: readonly MarkInput[], walls: readonly WallInMetres[], txPower_dBm?: number): { model: ReaderModel; residuals: MarkResidual[] } {
  const stats = marks.map((m) => markStats(reader, m, walls))
  const fit = fitLogDistance(stats.map((s) => s.point))
  const fallbackAt1m = txPower_dBm !== undefined ? txPower_dBm - LOSS_AT_1M_DB : DEFAULT_MODEL.rssiAt1m
  const usable = fit && fit.exponent >= PLAUSIBLE_EXPONENT.min && fit.exponent <= PLAUSIBLE_EXPONENT.max
  const within = stats.length ? median(stats.map((s) => (s.point.p90 - s.point.p10) / P10_P90_WIDTH)) : 0
  const model: ReaderModel = usable
    ? { source: ModelSource.fitted, rssiAt1m: fit.rssiAt1m, exponent: fit.exponent, sigma_dB: Math.max(MIN_SIGMA_DB, Math.hypot(fit.sigma_dB, within)), marksUsed: fit.marksUsed }
    : { source: marks.length ? ModelSource.default : ModelSource.modelOnly, rssiAt1m: fallbackAt1m, exponent: DEFAULT_MODEL.exponent, sigma_dB: DEFAULT_MODEL.sigma_dB, marksUsed: 0 }
  const residuals = stats.map((s) => ({
    position: s.position,
    median: s.point.median - s.wallLoss,
    residual_dB: s.point.median - predictRssi(model, Math.max(NEAREST_M, s.point.distance_m))
  }))
  return { model, residuals }
}

function markStats(reader: PlanMetrePoint, mark: MarkInput, walls: readonly WallInMetres[]): { point: FitPoint; position: PlanMetrePoint; wallLoss: number } {
  const values = Float64Array.from(mark.rssi)
  const wallLoss = wallLossBetween(reader, mark.position, walls)
  const point: FitPoint = {
    distance_m: Math.hypot(mark.position.x - reader.x, mark.position.y - reader.y),
    median: selectQuantile(values, 0.5) + wallLoss,
    count: values.length,
    p10: selectQuantile(values, 0.1),
    p90: selectQuantile(values, 0.9)
  }
  return { point, position: mark.position, wallLoss }
}

function median(values: number[]): number {
  return selectQuantile(Float64Array.from(values), 0.5)
}
