import type { PlanMetrePoint, WallInMetres } from './geometry'
import { wallShadows } from './wallShadow'
import type { MarkResidual, ReaderModel } from './readerModel'

/** The plan's grid: cell centres at ((col + ½)·cell_m, (row + ½)·cell_m) from the plan's origin. */
export interface PlanGrid {
  cell_m: number
  rows: number
  cols: number
}

/** A rectangle of grid cells, rows r0 ≤ r < r1 and columns c0 ≤ c < c1. */
export interface CellWindow {
  r0: number
  r1: number
  c0: number
  c1: number
}

/** Residuals spread by inverse-distance weighting onto a coarse lattice, read back bilinearly. */
export interface ResidualField {
  step_m: number
  rows: number
  cols: number
  values: Float32Array
  max: number
}

/** Marks further than this have no say in a point's correction. */
export const IDW_RADIUS_M = 4
const IDW_NEAR_M = 0.25
/** Weight of the model itself (a residual of 0): far from marks the correction fades back to the model. */
const IDW_PRIOR_WEIGHT = 0.25
const COARSE_STEP_M = 0.5
const NEAREST_M = 0.05
const Z_LIMIT = 6

/**
 * Inverse-distance-weighted residuals on a lattice of `step` ≥ 0.5 m. Each mark is spread only onto
 * the nodes within IDW_RADIUS_M of it (why: 500 marks × 600k cells would not fit the budget).
 */
export function residualField(residuals: readonly MarkResidual[], width_m: number, height_m: number, cell_m: number): ResidualField {
  const step = Math.max(COARSE_STEP_M, cell_m)
  const cols = Math.ceil(width_m / step) + 1
  const rows = Math.ceil(height_m / step) + 1
  const sums = new Float64Array(rows * cols)
  const weights = new Float64Array(rows * cols).fill(IDW_PRIOR_WEIGHT)
  for (const mark of residuals) spreadMark(mark, step, rows, cols, sums, weights)
  const values = new Float32Array(rows * cols)
  let max = 0
  for (let i = 0; i < values.length; i++) {
    values[i] = sums[i]! / weights[i]!
    if (values[i]! > max) max = values[i]!
  }
  return { step_m: step, rows, cols, values, max }
}

function spreadMark(mark: MarkResidual, step: number, rows: number, cols: number, sums: Float64Array, weights: Float64Array): void {
  const { x, y } = mark.position
  const r0 = Math.max(0, Math.ceil((y - IDW_RADIUS_M) / step))
  const r1 = Math.min(rows - 1, Math.floor((y + IDW_RADIUS_M) / step))
  const c0 = Math.max(0, Math.ceil((x - IDW_RADIUS_M) / step))
  const c1 = Math.min(cols - 1, Math.floor((x + IDW_RADIUS_M) / step))
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const d = Math.hypot(c * step - x, r * step - y)
      if (d >= IDW_RADIUS_M) continue
      const w = (1 - d / IDW_RADIUS_M) ** 2 / (d * d + IDW_NEAR_M * IDW_NEAR_M)
      const i = r * cols + c
      sums[i] = sums[i]! + w * mark.residual_dB
      weights[i] = weights[i]! + w
    }
  }
}

/** Everything one pass over a reader's cells needs. */
export interface FieldInput {
  grid: PlanGrid
  reader: PlanMetrePoint
  model: ReaderModel
  walls: readonly WallInMetres[]
  residuals: ResidualField
  threshold_dBm: number
}

/**
 * Predicted RSSI (model + walls crossed + interpolated residual) and p(unlock) = Φ((RSSI − threshold)/σ)
 * for every cell of `window`, written into the full-plan row-major arrays.
 *
 * Why two paths: beyond EXACT_WITHIN_M of the reader the log-distance term is read bilinearly from the
 * residual lattice with the model added at its nodes (error ≤ 0.27·(n/2)/d² dB, ≤ 0.011 dB there),
 * which saves a logarithm per cell; nearer, where the curve is steep, it is computed per cell.
 * Walls are always exact, per cell.
 */
export function fillField(input: FieldInput, window: CellWindow, rssi: Float32Array, pUnlock: Float32Array): void {
  const { grid, reader, model, threshold_dBm } = input
  const shadows = wallShadows(input.walls, reader)
  const residual = latticeRows(input.residuals, input.residuals.values, grid, window)
  const smooth = latticeRows(input.residuals, withModel(input.residuals, reader, model, grid, window), grid, window)
  const width = window.c1 - window.c0
  const losses = new Float32Array(width + 1)
  const levels = new Float32Array(width)
  const zScale = 1 / model.sigma_dB
  for (let r = window.r0; r < window.r1; r++) {
    const y = (r + 0.5) * grid.cell_m
    shadows.fillRow(y, grid.cell_m, window.c0, window.c1, losses)
    smooth.fillRow(r, levels)
    exactNearReader(input, window, r, residual, levels)
    for (let k = 0, i = r * grid.cols + window.c0; k < width; k++, i++) {
      const level = levels[k]! - losses[k]!
      rssi[i] = level
      const z = (level - threshold_dBm) * zScale
      pUnlock[i] = z <= -Z_LIMIT ? 0 : z >= Z_LIMIT ? 1 : normalCdf(z)
    }
  }
}

/** Cells nearer than this to the reader get the log-distance term computed exactly. */
export const EXACT_WITHIN_M = 5

/** Overwrites the row's levels within EXACT_WITHIN_M of the reader with model(d) + interpolated residual. */
function exactNearReader(input: FieldInput, window: CellWindow, r: number, residual: LatticeRows, levels: Float32Array): void {
  const { grid, reader, model } = input
  const dy2 = ((r + 0.5) * grid.cell_m - reader.y) ** 2
  const reach2 = EXACT_WITHIN_M * EXACT_WITHIN_M - dy2
  if (reach2 <= 0) return
  const half = Math.sqrt(reach2)
  const k0 = Math.max(0, Math.floor((reader.x - half) / grid.cell_m) - window.c0)
  const k1 = Math.min(window.c1 - window.c0, Math.ceil((reader.x + half) / grid.cell_m) + 1 - window.c0)
  if (k0 >= k1) return
  const corrections = residual.fillRow(r, null, k0, k1)
  const slope = 10 * model.exponent * 0.5
  for (let k = k0; k < k1; k++) {
    const dx = (window.c0 + k + 0.5) * grid.cell_m - reader.x
    // log10(d) = ½·log10(d²): no square root per cell.
    levels[k] = model.rssiAt1m - slope * Math.log10(Math.max(NEAREST_M * NEAREST_M, dx * dx + dy2)) + corrections[k]!
  }
}

/** The residual lattice plus the model's level at each node, at the nodes `window`'s cells read from. */
function withModel(field: ResidualField, reader: PlanMetrePoint, model: ReaderModel, grid: PlanGrid, window: CellWindow): Float32Array {
  const out = new Float32Array(field.values.length)
  const slope = 10 * model.exponent * 0.5
  const node = (cell: number, limit: number): number => clamp(Math.floor(((cell + 0.5) * grid.cell_m) / field.step_m), 0, limit - 1)
  const r1 = Math.min(field.rows - 1, node(window.r1 - 1, field.rows) + 1)
  const c0 = node(window.c0, field.cols)
  const c1 = Math.min(field.cols - 1, node(window.c1 - 1, field.cols) + 1)
  for (let r = node(window.r0, field.rows); r <= r1; r++) {
    const dy2 = (r * field.step_m - reader.y) ** 2
    for (let c = c0; c <= c1; c++) {
      const dx = c * field.step_m - reader.x
      out[r * field.cols + c] = field.values[r * field.cols + c]! + model.rssiAt1m - slope * Math.log10(Math.max(NEAREST_M * NEAREST_M, dx * dx + dy2))
    }
  }
  return out
}

interface LatticeRows {
  /** Fills out[k0..k1) (or an internal buffer, returned) with the lattice read at row r's cell centres. */
  fillRow(r: number, out: Float32Array | null, k0?: number, k1?: number): Float32Array
}

/**
 * Bilinear reading of a lattice at cell centres, a row at a time: the two lattice rows around the
 * cell row are blended once, then each cell blends two neighbours.
 */
function latticeRows(field: Pick<ResidualField, 'step_m' | 'rows' | 'cols'>, v: Float32Array, grid: PlanGrid, window: CellWindow): LatticeRows {
  const width = window.c1 - window.c0
  const index = new Int32Array(width)
  const frac = new Float32Array(width)
  for (let k = 0; k < width; k++) {
    const u = clamp(((window.c0 + k + 0.5) * grid.cell_m) / field.step_m, 0, field.cols - 1.000001)
    index[k] = Math.floor(u)
    frac[k] = u - Math.floor(u)
  }
  const blended = new Float32Array(field.cols)
  const buffer = new Float32Array(width)
  return {
    fillRow(r, out, k0 = 0, k1 = width) {
      const target = out ?? buffer
      const u = clamp(((r + 0.5) * grid.cell_m) / field.step_m, 0, field.rows - 1.000001)
      const top = Math.floor(u) * field.cols
      const fy = u - Math.floor(u)
      const c0 = index[k0]!
      const c1 = Math.min(field.cols - 1, index[k1 - 1]! + 1)
      for (let c = c0; c <= c1; c++) blended[c] = v[top + c]! + (v[top + field.cols + c]! - v[top + c]!) * fy
      for (let k = k0; k < k1; k++) {
        const j = index[k]!
        target[k] = blended[j]! + (blended[j + 1]! - blended[j]!) * frac[k]!
      }
      return target
    }
  }
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, error < 1.5e-7), exactly 0 or 1 beyond ±6σ. */
export function normalCdf(z: number): number {
  if (z <= -Z_LIMIT) return 0
  if (z >= Z_LIMIT) return 1
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-x * x)
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v
}
