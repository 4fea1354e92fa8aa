import { describe, expect, it } from 'vitest'
import { metresPerPixel, segmentsCross, sideOfLine, wallLossBetween } from '../../../src/shared/plan'
import { createRandom } from '../../../src/shared/rf'

describe('plan geometry', () => {
  it.each([
    { p: { x: 5, y: -1 }, side: 1, where: 'above a west→east line is its left (screen y points down)' },
    { p: { x: 5, y: 1 }, side: -1, where: 'below it is its right' },
    { p: { x: 50, y: 0 }, side: 0, where: 'on the line beyond its ends is on it' }
  ])('sideOfLine: $where', ({ p, side }) => {
    expect(sideOfLine({ x: 0, y: 0 }, { x: 10, y: 0 }, p)).toBe(side)
  })

  it.each([
    { a: { x: 0, y: 0 }, b: { x: 2, y: 2 }, c: { x: 0, y: 2 }, d: { x: 2, y: 0 }, cross: true },
    { a: { x: 0, y: 0 }, b: { x: 1, y: 1 }, c: { x: 0, y: 3 }, d: { x: 3, y: 0 }, cross: false },
    { a: { x: 0, y: 0 }, b: { x: 2, y: 0 }, c: { x: 2, y: -1 }, d: { x: 2, y: 1 }, cross: false }
  ])('segmentsCross($a → $b, $c → $d) is $cross', ({ a, b, c, d, cross }) => {
    expect(segmentsCross(a, b, c, d)).toBe(cross)
  })

  it('adds the loss of every wall on the straight path and none of the others', () => {
    const walls = [
      { from: { x: 1, y: -5 }, to: { x: 1, y: 5 }, loss_dB: 3 },
      { from: { x: 2, y: -5 }, to: { x: 2, y: 5 }, loss_dB: 15 },
      { from: { x: 5, y: 1 }, to: { x: 6, y: 1 }, loss_dB: 22 }
    ]
    expect(wallLossBetween({ x: 0, y: 0 }, { x: 3, y: 0 }, walls)).toBe(18)
    expect(wallLossBetween({ x: 0, y: 0 }, { x: 1.5, y: 0 }, walls)).toBe(3)
  })

  it('metres per pixel is the known distance over the clicked points’ pixel distance, for any pair', () => {
    const random = createRandom(3)
    for (let i = 0; i < 50; i++) {
      const from = { x: random.next() * 1000, y: random.next() * 1000 }
      const to = { x: random.next() * 1000, y: random.next() * 1000 }
      const distance_m = 0.1 + random.next() * 50
      expect(metresPerPixel({ from, to, distance_m }) * Math.hypot(to.x - from.x, to.y - from.y)).toBeCloseTo(distance_m, 9)
    }
    expect(metresPerPixel({ from: { x: 1, y: 1 }, to: { x: 1, y: 1 }, distance_m: 5 })).toBe(0)
  })
})
