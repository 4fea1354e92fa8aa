import { describe, expect, it } from 'vitest'
import { normalCdf, signedArea, tracePolygons } from '../../../src/shared/plan'
import { createRandom } from '../../../src/shared/rf'

describe('leak polygons', () => {
  it('trace rings whose signed areas add up to the marked area, for random masks', () => {
    const random = createRandom(11)
    for (let trial = 0; trial < 40; trial++) {
      const grid = { cell_m: 0.1 + random.next(), rows: 3 + Math.floor(random.next() * 12), cols: 3 + Math.floor(random.next() * 12) }
      const mask = new Uint8Array(grid.rows * grid.cols).map(() => (random.next() < 0.45 ? 1 : 0))
      const marked = mask.reduce((a, b) => a + b, 0) * grid.cell_m ** 2
      const rings = tracePolygons(grid, mask, { r0: 0, r1: grid.rows, c0: 0, c1: grid.cols })
      // Holes run the other way round, so the sum of signed areas is the marked area.
      const total = rings.reduce((sum, ring) => sum + signedArea(ring), 0)
      expect(Math.abs(total)).toBeCloseTo(marked, 6)
    }
  })

  it('outline one marked cell as a square of four corners in plan metres', () => {
    const grid = { cell_m: 0.5, rows: 3, cols: 3 }
    const mask = new Uint8Array(9)
    mask[4] = 1
    const [ring] = tracePolygons(grid, mask, { r0: 0, r1: 3, c0: 0, c1: 3 })
    expect(ring).toHaveLength(4)
    expect(new Set(ring!.map(([x, y]) => `${x},${y}`))).toEqual(new Set(['0.5,0.5', '1,0.5', '0.5,1', '1,1']))
  })
})

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1.6449, 0.95],
    [-1.6449, 0.05],
    [-7, 0],
    [7, 1]
  ])('Φ(%s) ≈ %s', (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 4)
  })
})
