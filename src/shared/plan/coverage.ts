import { fillField, residualField, type CellWindow, type FieldInput, type PlanGrid, type ResidualField } from './field'
import { metresPerPixel, normalTowards, sideOfLine, toMetres, wallsInMetres, type PlanMetrePoint, type WallInMetres } from './geometry'
import { readerModel, type MarkResidual, type ReaderModel } from './readerModel'
import type { SurveyProject } from './schema'
import { adviseReader, type ReaderAdvice } from './advice'
import { isWrongSide, leakMask, onWrongSide, overlapArea, tracePolygons, wrongSideOf, zoneAreas, LEAK_P, RELIABLE_P, type Polygon, type WrongSide } from './zones'

/** Options of one coverage map. */
export interface CoverageOptions {
  /** Only this reader (its project id or its BLE reader id). */
  readerId?: string
  /** Cell size in metres (default 0.1). */
  cell?: number
  /** Whether to compute the move-the-reader advice (default true). */
  advice?: boolean
}

/** The grid one reader's map is drawn on: it covers the whole plan from its origin; arrays are row-major. */
export interface CoverageGrid {
  origin: PlanMetrePoint
  cell_m: number
  rows: number
  cols: number
  rssi: Float32Array
  pUnlock: Float32Array
}

/** One reader's coverage: what `lintel survey map` prints and the Plan view draws. */
export interface ReaderCoverage {
  readerId: string
  bleReaderId: string
  doorId: string
  doorName: string
  /** No marks: the map is the default model alone. */
  modelOnly: boolean
  model: ReaderModel
  threshold_dBm: number
  position_m: PlanMetrePoint
  /** The door's line in plan metres and which side of it is wrong (null when the reader's door is not on the plan). */
  wrongSide: WrongSide | null
  /** The reader's marks with their medians; `wrongSide` comes from the door's line, never from the user. */
  marks: { position_m: PlanMetrePoint; median_dBm: number; wrongSide: boolean }[]
  grid: CoverageGrid
  reliableArea_m2: number
  leakArea_m2: number
  leakPolygons: Polygon[]
  /** Other readers whose leak-level zone (p ≥ 5%) shares cells with this one's. */
  overlaps: { readerId: string; area_m2: number }[]
  advice: ReaderAdvice[]
}

export interface CoverageMap {
  plan: { width_m: number; height_m: number; metresPerPixel: number }
  readers: ReaderCoverage[]
}

export const DEFAULT_CELL_M = 0.1

/** What each cell of a reader's map is: 0 neither, 1 reliable (approach side, p ≥ 95%), 2 leak (wrong side, p ≥ 5%). */
export const CellZone = { none: 0, reliable: 1, leak: 2 } as const

/** The zone of every cell of a reader's map, row-major like its grid: what a view shades. */
export function cellZones(coverage: Pick<ReaderCoverage, 'grid' | 'wrongSide'>): Uint8Array {
  const { grid, wrongSide } = coverage
  const zones = new Uint8Array(grid.rows * grid.cols)
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0, i = r * grid.cols; c < grid.cols; c++, i++) {
      const p = grid.pUnlock[i]!
      if (p < LEAK_P) continue
      if (onWrongSide(grid, wrongSide, r, c)) zones[i] = CellZone.leak
      else if (p >= RELIABLE_P) zones[i] = CellZone.reliable
    }
  }
  return zones
}

/** Coverage maps of a project's readers. The project must have passed `checkProject` (a positive scale). */
export function coverageMap(project: SurveyProject, options: CoverageOptions = {}): CoverageMap {
  const mpp = metresPerPixel(project.plan.scale)
  const width_m = project.plan.widthPx * mpp
  const height_m = project.plan.heightPx * mpp
  const cell = options.cell ?? DEFAULT_CELL_M
  const grid: PlanGrid = { cell_m: cell, cols: Math.max(1, Math.ceil(width_m / cell)), rows: Math.max(1, Math.ceil(height_m / cell)) }
  const walls = wallsInMetres(project, mpp)
  const maps = project.readers.map((reader) => readerMap(project, reader, { grid, walls, mpp, width_m, height_m }))
  const chosen = options.readerId === undefined ? maps : maps.filter((m) => m.readerId === options.readerId || m.bleReaderId === options.readerId)
  for (const map of chosen) map.overlaps = overlapsOf(map, maps, grid)
  if (options.advice ?? true) {
    const scratch = { rssi: new Float32Array(grid.rows * grid.cols), pUnlock: new Float32Array(grid.rows * grid.cols) }
    for (const map of chosen) map.advice = adviseReader(map.context, scratch)
  }
  return { plan: { width_m, height_m, metresPerPixel: mpp }, readers: chosen.map(({ context: _, ...rest }) => rest) }
}

interface PlanContext {
  grid: PlanGrid
  walls: WallInMetres[]
  mpp: number
  width_m: number
  height_m: number
}

/** What the advice needs to re-run one reader's map with the reader moved. */
export interface ReaderContext {
  field: Omit<FieldInput, 'reader'>
  reader: PlanMetrePoint
  wrongSide: WrongSide | null
  /** Unit vector from the door's line into its approach side. */
  inward: PlanMetrePoint
  leakArea_m2: number
  reliableArea_m2: number
  /** Where p(unlock) ≥ LEAK_P on either side. */
  reach: CellWindow
}

function readerMap(project: SurveyProject, reader: SurveyProject['readers'][number], plan: PlanContext): ReaderCoverage & { context: ReaderContext } {
  const door = project.doors.find((d) => d.id === reader.doorId)
  const position = toMetres(reader.position, plan.mpp)
  const marks = project.marks.filter((m) => m.readerId === reader.id).map((m) => ({ position: toMetres(m.position, plan.mpp), rssi: m.rssi }))
  const { model, residuals } = readerModel(position, marks, plan.walls, reader.txPower_dBm)
  const threshold_dBm = reader.threshold_dBm ?? project.threshold_dBm
  const field = { grid: plan.grid, model, walls: plan.walls, residuals: residualField(residuals, plan.width_m, plan.height_m, plan.grid.cell_m), threshold_dBm }
  const size = plan.grid.rows * plan.grid.cols
  const grid: CoverageGrid = { origin: { x: 0, y: 0 }, cell_m: plan.grid.cell_m, rows: plan.grid.rows, cols: plan.grid.cols, rssi: new Float32Array(size), pUnlock: new Float32Array(size) }
  const whole: CellWindow = { r0: 0, r1: grid.rows, c0: 0, c1: grid.cols }
  fillField({ ...field, reader: position }, whole, grid.rssi, grid.pUnlock)
  const { wrongSide, inward } = doorSides(door, position, plan.mpp)
  const zones = zoneAreas(plan.grid, grid.pUnlock, wrongSide, whole)
  const leakPolygons = zones.leak_m2 > 0 ? tracePolygons(plan.grid, leakMask(plan.grid, grid.pUnlock, wrongSide, zones.reach), zones.reach) : []
  return {
    readerId: reader.id,
    bleReaderId: reader.bleReaderId,
    doorId: reader.doorId,
    doorName: door?.name ?? reader.doorId,
    modelOnly: marks.length === 0,
    model,
    threshold_dBm,
    position_m: position,
    wrongSide,
    marks: residuals.map((m: MarkResidual) => ({ position_m: m.position, median_dBm: m.median, wrongSide: isWrongSide(wrongSide, m.position) })),
    grid,
    reliableArea_m2: zones.reliable_m2,
    leakArea_m2: zones.leak_m2,
    leakPolygons,
    overlaps: [],
    advice: [],
    context: { field, reader: position, wrongSide, inward, leakArea_m2: zones.leak_m2, reliableArea_m2: zones.reliable_m2, reach: zones.reach }
  }
}

/** The wrong side is the half-plane beyond the door's line away from its approach side (by default the reader's side). */
function doorSides(door: SurveyProject['doors'][number] | undefined, reader: PlanMetrePoint, mpp: number): { wrongSide: WrongSide | null; inward: PlanMetrePoint } {
  if (!door) return { wrongSide: null, inward: { x: 0, y: 0 } }
  const from = toMetres(door.from, mpp)
  const to = toMetres(door.to, mpp)
  const readerSide = sideOfLine(from, to, reader)
  const side: 1 | -1 = door.approachSide ? (door.approachSide === 'left' ? 1 : -1) : readerSide === -1 ? -1 : 1
  const inward = normalTowards(from, to, side)
  const mid = { x: (from.x + to.x) / 2 + inward.x, y: (from.y + to.y) / 2 + inward.y }
  return { wrongSide: wrongSideOf(from, to, mid), inward }
}

type MapWithContext = ReaderCoverage & { context: ReaderContext }

function overlapsOf(map: MapWithContext, all: readonly MapWithContext[], grid: PlanGrid): ReaderCoverage['overlaps'] {
  const zone = (m: MapWithContext): { pUnlock: Float32Array; reach: CellWindow } => ({ pUnlock: m.grid.pUnlock, reach: m.context.reach })
  return all
    .filter((other) => other.readerId !== map.readerId)
    .map((other) => ({ readerId: other.readerId, area_m2: overlapArea(grid, zone(map), zone(other), LEAK_P) }))
    .filter((o) => o.area_m2 > 0)
}

export type { ResidualField }
