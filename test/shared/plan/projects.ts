import { createRandom } from '../../../src/shared/rf'
import type { SurveyProject, SurveyProjectInput } from '../../../src/shared/plan'
import { SurveyProjectSchema, WALL_LOSS_DB, wallLossBetween } from '../../../src/shared/plan'

/** A plan of `width_m` × `height_m` at 10 px per metre, with one door line along y = 5 m from x = 0 to 10 m. */
export function openPlan(width_m = 20, height_m = 10, overrides: Partial<SurveyProjectInput> = {}): SurveyProject {
  const input: SurveyProjectInput = {
    version: 1,
    plan: { widthPx: width_m * 10, heightPx: height_m * 10, scale: { from: { x: 0, y: 0 }, to: { x: 100, y: 0 }, distance_m: 10 } },
    doors: [{ id: 'd1', name: 'Side Door', from: { x: 0, y: 50 }, to: { x: 100, y: 50 } }],
    readers: [{ id: 'r1', bleReaderId: 'sim-2', doorId: 'd1', position: { x: 50, y: 50.5 } }],
    ...overrides
  }
  return SurveyProjectSchema.parse(input)
}

/** Marks around a reader at pixel (px, py), with RSSI from a log-distance model (n = 2, −59 dBm at 1 m) and ±`spread` dB noise. */
export function modelMarks(readerId: string, px: number, py: number, count: number, seed = 1, spread = 2, wallLoss: (x: number, y: number) => number = () => 0): SurveyProject['marks'] {
  const rssiAt1m = -59
  const exponent = 2
  const random = createRandom(seed)
  return Array.from({ length: count }, () => {
    const angle = 2 * Math.PI * random.next()
    const d_m = 0.3 + 6 * random.next()
    const position = { x: px + Math.cos(angle) * d_m * 10, y: py + Math.sin(angle) * d_m * 10 }
    const level = rssiAt1m - 10 * exponent * Math.log10(d_m) - wallLoss(position.x, position.y)
    const rssi = Array.from({ length: 20 }, () => Math.round(level + spread * random.normal()))
    return { position, readerId, rssi }
  })
}

const MATERIAL_CYCLE = ['drywall', 'brick', 'concrete', 'glass', 'metal'] as const

/** The benchmark's case: a 100 × 60 m plan, 5 readers on doors, 12 walls, 500 marks. */
export function bigPlan(): SurveyProject {
  const readers = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, bleReaderId: `sim-${i}`, doorId: `d${i}`, position: { x: 100 + i * 180, y: 300.5 } }))
  const doors = readers.map((r, i) => ({ id: `d${i}`, name: `Door ${i}`, from: { x: r.position.x - 5, y: 300 }, to: { x: r.position.x + 5, y: 300 } }))
  const walls = Array.from({ length: 12 }, (_, i) => ({ from: { x: i * 80, y: 300 }, to: { x: i * 80 + 70, y: 300 }, material: MATERIAL_CYCLE[i % 5]! }))
  const inMetres = walls.map((w) => ({ from: { x: w.from.x / 10, y: w.from.y / 10 }, to: { x: w.to.x / 10, y: w.to.y / 10 }, loss_dB: WALL_LOSS_DB[w.material] }))
  const marks = readers.flatMap((r, i) => {
    const loss = (x: number, y: number): number => wallLossBetween({ x: r.position.x / 10, y: r.position.y / 10 }, { x: x / 10, y: y / 10 }, inMetres)
    return modelMarks(r.id, r.position.x, r.position.y, 100, i + 1, 2, loss)
  })
  return openPlan(100, 60, { readers, doors, walls, marks })
}
