import type { CellWindow, PlanGrid } from './field'
import type { PlanMetrePoint } from './geometry'

/** p(unlock) at or above which a cell is reliable (on the approach side). */
export const RELIABLE_P = 0.95
/** p(unlock) at or above which a cell on the wrong side leaks. */
export const LEAK_P = 0.05

/** A closed ring of plan-metre vertices [x, y]; the first vertex is not repeated at the end. */
export type Polygon = [number, number][]

/**
 * The wrong side of a door: the half-plane beyond the line through `from`→`to` that does not hold the
 * approach side. `cross(x, y)` · `sign` > 0 there.
 */
export interface WrongSide {
  from: PlanMetrePoint
  to: PlanMetrePoint
  sign: number
}

/** The wrong side of the line from→to, given a point on its approach side; null when that point is on the line. */
export function wrongSideOf(from: PlanMetrePoint, to: PlanMetrePoint, approach: PlanMetrePoint): WrongSide | null {
  const sign = -Math.sign((to.x - from.x) * (approach.y - from.y) - (to.y - from.y) * (approach.x - from.x))
  return sign === 0 ? null : { from, to, sign }
}

/** Whether the cell at row r, column c lies on the wrong side. */
export function onWrongSide(grid: PlanGrid, side: WrongSide | null, r: number, c: number): boolean {
  return isWrongSide(side, { x: (c + 0.5) * grid.cell_m, y: (r + 0.5) * grid.cell_m })
}

/** Whether a plan point lies on the wrong side (strictly beyond the door's line). */
export function isWrongSide(side: WrongSide | null, p: PlanMetrePoint): boolean {
  if (!side) return false
  return ((side.to.x - side.from.x) * (p.y - side.from.y) - (side.to.y - side.from.y) * (p.x - side.from.x)) * side.sign > 0
}

/** What one pass over a reader's cells finds. */
export interface ZoneAreas {
  reliable_m2: number
  leak_m2: number
  /** The smallest window holding every cell with p(unlock) ≥ LEAK_P on either side (empty when none). */
  reach: CellWindow
}

/** Reliable area (approach side, p ≥ 0.95) and leak area (wrong side, p ≥ 0.05) in m². */
export function zoneAreas(grid: PlanGrid, pUnlock: Float32Array, side: WrongSide | null, window: CellWindow): ZoneAreas {
  const reach = { r0: grid.rows, r1: 0, c0: grid.cols, c1: 0 }
  let reliable = 0
  let leaking = 0
  for (let r = window.r0; r < window.r1; r++) {
    for (let c = window.c0, i = r * grid.cols + window.c0; c < window.c1; c++, i++) {
      const p = pUnlock[i]!
      if (p < LEAK_P) continue
      if (r < reach.r0) reach.r0 = r
      reach.r1 = r + 1
      if (c < reach.c0) reach.c0 = c
      if (c >= reach.c1) reach.c1 = c + 1
      if (onWrongSide(grid, side, r, c)) leaking++
      else if (p >= RELIABLE_P) reliable++
    }
  }
  const cellArea = grid.cell_m * grid.cell_m
  return { reliable_m2: reliable * cellArea, leak_m2: leaking * cellArea, reach }
}

/** 1 where a cell of the plan leaks (wrong side, p ≥ LEAK_P), looked for only within `window`. */
export function leakMask(grid: PlanGrid, pUnlock: Float32Array, side: WrongSide | null, window: CellWindow): Uint8Array {
  const mask = new Uint8Array(grid.rows * grid.cols)
  for (let r = window.r0; r < window.r1; r++) {
    for (let c = window.c0, i = r * grid.cols + window.c0; c < window.c1; c++, i++) if (pUnlock[i]! >= LEAK_P && onWrongSide(grid, side, r, c)) mask[i] = 1
  }
  return mask
}

/** Where p(unlock) ≥ `p` for each of two readers at once, in m², looking only where both reach. */
export function overlapArea(grid: PlanGrid, a: { pUnlock: Float32Array; reach: CellWindow }, b: { pUnlock: Float32Array; reach: CellWindow }, p: number): number {
  const r0 = Math.max(a.reach.r0, b.reach.r0)
  const r1 = Math.min(a.reach.r1, b.reach.r1)
  const c0 = Math.max(a.reach.c0, b.reach.c0)
  const c1 = Math.min(a.reach.c1, b.reach.c1)
  let count = 0
  for (let r = r0; r < r1; r++) {
    for (let i = r * grid.cols + c0, end = r * grid.cols + c1; i < end; i++) if (a.pUnlock[i]! >= p && b.pUnlock[i]! >= p) count++
  }
  return count * grid.cell_m * grid.cell_m
}

/**
 * The outlines of the marked cells, traced along cell boundaries: each boundary edge is directed with
 * the marked cell on its left, and edges are chained into closed rings (outer rings and holes alike).
 * Collinear vertices are dropped.
 */
export function tracePolygons(grid: PlanGrid, mask: Uint8Array, window: CellWindow): Polygon[] {
  const { edges, byStart } = boundaryEdges(grid, mask, window)
  const used = new Uint8Array(edges.length / 4)
  const rings: Polygon[] = []
  for (let e = 0; e < used.length; e++) {
    if (used[e]) continue
    const ring: Polygon = []
    let current = e
    while (current >= 0 && !used[current]) {
      used[current] = 1
      ring.push([edges[current * 4]! * grid.cell_m, edges[current * 4 + 1]! * grid.cell_m])
      const next = byStart.get(key(edges[current * 4 + 2]!, edges[current * 4 + 3]!)) ?? []
      current = next.find((n) => !used[n]) ?? -1
    }
    rings.push(dropCollinear(ring))
  }
  return rings
}

const key = (x: number, y: number): number => y * 1_000_003 + x

function boundaryEdges(grid: PlanGrid, mask: Uint8Array, w: CellWindow): { edges: number[]; byStart: Map<number, number[]> } {
  const edges: number[] = []
  const byStart = new Map<number, number[]>()
  const at = (r: number, c: number): number => (r >= 0 && r < grid.rows && c >= 0 && c < grid.cols ? mask[r * grid.cols + c]! : 0)
  const add = (x0: number, y0: number, x1: number, y1: number): void => {
    const k = key(x0, y0)
    const list = byStart.get(k)
    if (list) list.push(edges.length / 4)
    else byStart.set(k, [edges.length / 4])
    edges.push(x0, y0, x1, y1)
  }
  for (let r = w.r0; r < w.r1; r++) {
    for (let c = w.c0; c < w.c1; c++) {
      if (!at(r, c)) continue
      // Grid y grows downward, so "marked cell on the left" runs clockwise on screen.
      if (!at(r - 1, c)) add(c + 1, r, c, r)
      if (!at(r, c - 1)) add(c, r, c, r + 1)
      if (!at(r + 1, c)) add(c, r + 1, c + 1, r + 1)
      if (!at(r, c + 1)) add(c + 1, r + 1, c + 1, r)
    }
  }
  return { edges, byStart }
}

function dropCollinear(ring: Polygon): Polygon {
  const out: Polygon = []
  for (let i = 0; i < ring.length; i++) {
    const prev = ring[(i + ring.length - 1) % ring.length]!
    const here = ring[i]!
    const next = ring[(i + 1) % ring.length]!
    const cross = (here[0] - prev[0]) * (next[1] - here[1]) - (here[1] - prev[1]) * (next[0] - here[0])
    if (Math.abs(cross) > 1e-12) out.push(here)
  }
  return out
}

/** Area of a ring by the shoelace formula (positive or negative by orientation). */
export function signedArea(ring: Polygon): number {
  let sum = 0
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!
    const [x1, y1] = ring[(i + 1) % ring.length]!
    sum += x0 * y1 - x1 * y0
  }
  return sum / 2
}
