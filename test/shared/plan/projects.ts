import { createRandom } from '../../../src/shared/rf'
import type { SurveyProject, SurveyProjectInput } from '../../../src/shared/plan'
import { SurveyProjectSchema } from '../../../src/shared/plan'

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
