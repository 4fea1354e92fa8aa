import { WALL_LOSS_DB, type PlanPoint, type SurveyProject } from './schema'

/** A position on the plan in metres from the plan's origin (its top-left corner; x right, y down). */
export interface PlanMetrePoint {
  x: number
  y: number
}

/** A wall in plan metres with the loss of one pass through it. */
export interface WallInMetres {
  from: PlanMetrePoint
  to: PlanMetrePoint
  loss_dB: number
}

/** Metres per pixel from the two scale points and their known distance; ≤ 0 or not finite when the scale is unusable. */
export function metresPerPixel(scale: SurveyProject['plan']['scale']): number {
  const pixels = Math.hypot(scale.to.x - scale.from.x, scale.to.y - scale.from.y)
  return pixels > 0 ? scale.distance_m / pixels : 0
}

/** Which side of the line through a→b the point p is on: 1 (left, as seen walking from a to b on screen), −1 (right), 0 on it. */
export function sideOfLine(a: PlanMetrePoint, b: PlanMetrePoint, p: PlanMetrePoint): -1 | 0 | 1 {
  // Screen y points down, so the mathematical "left turn" (positive cross product) is on the walker's right.
  const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
  return cross > 0 ? -1 : cross < 0 ? 1 : 0
}

/** Whether the segments a–b and c–d cross at a point inside both (touching ends do not count). */
export function segmentsCross(a: PlanMetrePoint, b: PlanMetrePoint, c: PlanMetrePoint, d: PlanMetrePoint): boolean {
  return turn(a, b, c) * turn(a, b, d) < 0 && turn(c, d, a) * turn(c, d, b) < 0
}

function turn(p: PlanMetrePoint, q: PlanMetrePoint, r: PlanMetrePoint): number {
  return Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x))
}

/** Total loss of the walls the straight path a→b passes through. */
export function wallLossBetween(a: PlanMetrePoint, b: PlanMetrePoint, walls: readonly WallInMetres[]): number {
  let loss = 0
  for (const wall of walls) if (segmentsCross(a, b, wall.from, wall.to)) loss += wall.loss_dB
  return loss
}

/** The unit normal of the line a→b pointing to `side` (1 left, −1 right, in sideOfLine's terms). */
export function normalTowards(a: PlanMetrePoint, b: PlanMetrePoint, side: 1 | -1): PlanMetrePoint {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1
  const n = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length }
  const probe = { x: a.x + n.x, y: a.y + n.y }
  return sideOfLine(a, b, probe) === side ? n : { x: -n.x, y: -n.y }
}

/** A plan pixel point in metres. */
export function toMetres(p: PlanPoint, mpp: number): PlanMetrePoint {
  return { x: p.x * mpp, y: p.y * mpp }
}

/** The project's walls in metres, each with its material's loss unless a measured one is given. */
export function wallsInMetres(project: SurveyProject, mpp: number): WallInMetres[] {
  return project.walls.map((w) => ({ from: toMetres(w.from, mpp), to: toMetres(w.to, mpp), loss_dB: w.loss_dB ?? WALL_LOSS_DB[w.material] }))
}
