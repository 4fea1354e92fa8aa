import { describe, expect, it } from 'vitest'
import { createRandom, describeMarks, estimateDistance, fitLogDistance, groupByMark, predictRssi, type FitPoint, type Sample } from '../../../src/shared/rf'

const DISTANCES = [0.25, 0.5, 1, 1.5, 2, 3, 4, 6]

function noiseless(rssiAt1m: number, exponent: number): FitPoint[] {
  return DISTANCES.map((d) => {
    const median = predictRssi({ rssiAt1m, exponent }, d)
    return { distance_m: d, median, count: 100, p10: median - 2, p90: median + 2 }
  })
}

function noisyWalk(rssiAt1m: number, exponent: number, seed: number, shadowing_dB: number): Sample[] {
  const random = createRandom(seed)
  return DISTANCES.flatMap((d) => {
    const shadow = shadowing_dB * random.normal()
    return Array.from({ length: 150 }, (_, i) => ({
      t: i * 100,
      rssi: Math.round(predictRssi({ rssiAt1m, exponent }, d) + shadow + 4 * random.normal()),
      distance_m: d,
      side: 'in' as const
    }))
  })
}

describe('log-distance fit', () => {
  it.each([
    [-59, 2],
    [-45, 1.2],
    [-70, 3.5]
  ])('recovers A = %d dBm and n = %d exactly from noiseless medians', (a, n) => {
    const model = fitLogDistance(noiseless(a, n))!
    expect(model.rssiAt1m).toBeCloseTo(a, 9)
    expect(model.exponent).toBeCloseTo(n, 9)
    expect(model.sigma_dB).toBeCloseTo(0, 9)
    expect(model.r2).toBeCloseTo(1, 9)
  })

  it.each([1, 2, 3, 4, 5])('recovers n within 0.1 and A within 0.5 dB from samples with 4 dB noise, seed %d', (seed) => {
    const model = fitLogDistance(describeMarks(groupByMark(noisyWalk(-59, 2.2, seed, 0))))!
    expect(Math.abs(model.exponent - 2.2)).toBeLessThan(0.1)
    expect(Math.abs(model.rssiAt1m + 59)).toBeLessThan(0.5)
  })

  // With 2 dB shadowing per mark over these 8 marks the standard error of n is about 0.16 and of A about 0.7 dB: allow 3 of each.
  it.each([1, 2, 3, 4, 5])('recovers n within 0.5 and A within 2.1 dB when marks also shadow by 2 dB, seed %d', (seed) => {
    const model = fitLogDistance(describeMarks(groupByMark(noisyWalk(-59, 2.2, seed, 2))))!
    expect(Math.abs(model.exponent - 2.2)).toBeLessThan(0.5)
    expect(Math.abs(model.rssiAt1m + 59)).toBeLessThan(2.1)
    expect(model.sigma_dB).toBeGreaterThan(0.5)
    expect(model.sigma_dB).toBeLessThan(4)
    expect(model.r2!).toBeGreaterThan(0.9)
  })

  it('leaves marks at distance 0 or less out of the fit', () => {
    const points = [...noiseless(-59, 2), { distance_m: 0, median: -20, count: 500, p10: -21, p90: -19 }, { distance_m: -1, median: -99, count: 5, p10: -99, p90: -99 }]
    const model = fitLogDistance(points)!
    expect(model.marksUsed).toBe(DISTANCES.length)
    expect(model.exponent).toBeCloseTo(2, 9)
  })

  it('does not let one long dwell pull the fit off the other marks', () => {
    const points = noiseless(-59, 2).map((p) => ({ ...p, median: p.median + (p.distance_m === 0.25 ? 6 : 0) }))
    points[0] = { ...points[0]!, count: 10_000 }
    const model = fitLogDistance(points)!
    expect(Math.abs(model.exponent - 2)).toBeLessThan(0.5)
  })

  it('gives no model with fewer than two distinct distances', () => {
    expect(fitLogDistance(noiseless(-59, 2).slice(0, 1))).toBeNull()
    expect(fitLogDistance([])).toBeNull()
  })

  it('estimates the distance that the model maps back to the same RSSI', () => {
    const model = { rssiAt1m: -59, exponent: 2.3 }
    for (const d of [0.1, 0.5, 1, 3, 10]) expect(estimateDistance(model, predictRssi(model, d))).toBeCloseTo(d, 9)
    expect(estimateDistance({ rssiAt1m: -59, exponent: 0 }, -60)).toBeNull()
    expect(estimateDistance({ rssiAt1m: -59, exponent: -1 }, -60)).toBeNull()
  })
})
