import type { PlanMetrePoint, WallInMetres } from './geometry'

/**
 * The walls as seen from one reader, ready to be laid along grid rows. Why rows: on one row every
 * sign in the crossing test (C and D either side of reader→cell; reader and cell either side of C→D)
 * is linear in the column, so each wall shadows one run of columns, found in O(1); a row's wall
 * losses then cost one addition per cell however many walls the plan has.
 */
export interface WallShadows {
  /** Adds each wall's loss over the columns c0 ≤ c < c1 of the row at height y that it hides from the reader. */
  fillRow(y: number, cell_m: number, c0: number, c1: number, out: Float32Array): void
}

interface Linear {
  f0: number
  f1: number
}

/** Prepares the crossing test of every wall against reader→cell for rows of cells. */
export function wallShadows(walls: readonly WallInMetres[], reader: PlanMetrePoint): WallShadows {
  const prepared = walls.map((w) => ({
    c: { x: w.from.x - reader.x, y: w.from.y - reader.y },
    d: { x: w.to.x - reader.x, y: w.to.y - reader.y },
    e: { x: w.to.x - w.from.x, y: w.to.y - w.from.y },
    from: w.from,
    readerSide: Math.sign((w.to.x - w.from.x) * (reader.y - w.from.y) - (w.to.y - w.from.y) * (reader.x - w.from.x)),
    loss: w.loss_dB
  }))
  // Rows no wall shadows (most of them, on the reader's side of every wall) skip the clearing and the running sum.
  let dirty = true
  return {
    fillRow(y, cell_m, c0, c1, out) {
      if (dirty) out.fill(0, 0, c1 - c0 + 1)
      dirty = false
      const dy = y - reader.y
      const x0 = reader.x - (c0 + 0.5) * cell_m
      for (const w of prepared) {
        if (w.readerSide === 0) continue
        // Signs as linear functions of k = c − c0, with dx = (c0 + ½ + k)·cell − reader.x.
        const sc = { f0: -x0 * w.c.y - dy * w.c.x, f1: cell_m * w.c.y }
        const sd = { f0: -x0 * w.d.y - dy * w.d.x, f1: cell_m * w.d.y }
        const sp = { f0: w.e.x * (y - w.from.y) - w.e.y * ((c0 + 0.5) * cell_m - w.from.x), f1: -w.e.y * cell_m }
        const beyond = { f0: -w.readerSide * sp.f0, f1: -w.readerSide * sp.f1 }
        dirty = addRun(out, positiveRun([sc, neg(sd), beyond], c1 - c0), w.loss) || dirty
        dirty = addRun(out, positiveRun([neg(sc), sd, beyond], c1 - c0), w.loss) || dirty
      }
      if (dirty) for (let k = 1; k < c1 - c0; k++) out[k] = out[k]! + out[k - 1]!
    }
  }
}

function neg(f: Linear): Linear {
  return { f0: -f.f0, f1: -f.f1 }
}

/** The integer run lo ≤ k < hi, within [0, n), where every function is positive. */
function positiveRun(fs: readonly Linear[], n: number): [number, number] {
  let lo = 0
  let hi = n
  for (const f of fs) {
    if (f.f1 === 0) {
      if (!(f.f0 > 0)) return [0, 0]
      continue
    }
    const root = -f.f0 / f.f1
    if (f.f1 > 0) lo = Math.max(lo, Math.floor(root) + 1)
    else hi = Math.min(hi, Math.ceil(root))
  }
  return [lo, hi]
}

/** Adds `loss` over lo ≤ k < hi as a difference (summed along the row later); whether anything was added. */
function addRun(out: Float32Array, [lo, hi]: [number, number], loss: number): boolean {
  if (lo >= hi) return false
  out[lo] = out[lo]! + loss
  out[hi] = out[hi]! - loss
  return true
}
