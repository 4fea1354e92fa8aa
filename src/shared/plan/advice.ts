import { fillField, type CellWindow } from './field'
import type { ReaderContext } from './coverage'
import { zoneAreas } from './zones'

/** One suggestion in the plan's terms, with the figures behind it. */
export interface ReaderAdvice {
  /** How far the reader would move along the door's normal, into the approach side. */
  move_m: number
  leakBefore_m2: number
  leakAfter_m2: number
  reliableBefore_m2: number
  reliableAfter_m2: number
  text: string
}

/** Plan-sized arrays the re-runs write into, shared by every reader of one map (why: 5 MB less garbage per reader). */
export interface AdviceScratch {
  rssi: Float32Array
  pUnlock: Float32Array
}

/** The moves tried, smallest first: a reader can usually be remounted within a metre or so. */
export const ADVICE_MOVES_M = [0.25, 0.5, 1, 1.5] as const
/** p(unlock) ≥ LEAK_P needs z ≥ −1.645: cells beyond the reach of z = −1.7 count in neither area. */
const Z_REACH = 1.7

/**
 * For a reader that leaks, re-runs its map with the reader moved along the door's normal into the
 * approach side (same fitted model, same measured residuals) and reports the smallest move that
 * ends the leak, or else the one that cuts it most.
 */
export function adviseReader(context: ReaderContext, scratch: AdviceScratch): ReaderAdvice[] {
  if (context.leakArea_m2 === 0) return []
  const tried = ADVICE_MOVES_M.map((move) => ({ move, ...movedZones(context, move, scratch) }))
  const best = tried.find((t) => t.leak_m2 === 0) ?? tried.reduce((a, b) => (b.leak_m2 < a.leak_m2 ? b : a))
  if (best.leak_m2 >= context.leakArea_m2) {
    const text = `moving this reader up to ${ADVICE_MOVES_M.at(-1)} m from the door does not shrink its ${area(context.leakArea_m2)} leak: lower its TX power or raise its unlock threshold`
    return [advice(context, best.move, best, text)]
  }
  const text = `moving this reader ${best.move} m inward (away from the door, into its approach side) cuts the leak area from ${area(context.leakArea_m2)} to ${area(best.leak_m2)}; reliable area ${area(context.reliableArea_m2)} → ${area(best.reliable_m2)}`
  return [advice(context, best.move, best, text)]
}

function advice(context: ReaderContext, move: number, after: { leak_m2: number; reliable_m2: number }, text: string): ReaderAdvice {
  return { move_m: move, leakBefore_m2: round(context.leakArea_m2), leakAfter_m2: round(after.leak_m2), reliableBefore_m2: round(context.reliableArea_m2), reliableAfter_m2: round(after.reliable_m2), text }
}

function movedZones(context: ReaderContext, move: number, scratch: AdviceScratch): { leak_m2: number; reliable_m2: number } {
  const reader = { x: context.reader.x + context.inward.x * move, y: context.reader.y + context.inward.y * move }
  const window = reachWindow(context, reader)
  const { grid } = context.field
  fillField({ ...context.field, reader }, window, scratch.rssi, scratch.pUnlock)
  const zones = zoneAreas(grid, scratch.pUnlock, context.wrongSide, window)
  return { leak_m2: zones.leak_m2, reliable_m2: zones.reliable_m2 }
}

/** The cells where p(unlock) can be above 0 at all: within the distance the strongest residual and 6σ could carry the signal. */
function reachWindow(context: ReaderContext, reader: { x: number; y: number }): CellWindow {
  const { model, residuals, threshold_dBm, grid } = context.field
  const reach = 10 ** ((model.rssiAt1m + residuals.max + Z_REACH * model.sigma_dB - threshold_dBm) / (10 * model.exponent))
  const cells = (v: number, limit: number): number => Math.min(limit, Math.max(0, Math.floor(v / grid.cell_m)))
  return {
    r0: cells(reader.y - reach, grid.rows),
    r1: cells(reader.y + reach, grid.rows - 1) + 1,
    c0: cells(reader.x - reach, grid.cols),
    c1: cells(reader.x + reach, grid.cols - 1) + 1
  }
}

function area(m2: number): string {
  return `${round(m2)} m²`
}

function round(v: number): number {
  return Math.round(v * 10) / 10
}
