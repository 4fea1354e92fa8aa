import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countAtLeast, selectQuantile, slidingMedian, sortedQuantile } from '../../../src/shared/rf'

const sortedCopy = (values: number[]) => Float64Array.from(values).sort()
const values = fc.array(fc.integer({ min: -120, max: 0 }), { minLength: 1, maxLength: 200 })

describe('quantiles', () => {
  it('interpolates between order statistics (type 7)', () => {
    const sorted = sortedCopy([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(sortedQuantile(sorted, 0.5)).toBe(5.5)
    expect(sortedQuantile(sorted, 0.1)).toBeCloseTo(1.9, 12)
    expect(sortedQuantile(sorted, 0.9)).toBeCloseTo(9.1, 12)
    expect(sortedQuantile(sorted, 0)).toBe(1)
    expect(sortedQuantile(sorted, 1)).toBe(10)
    expect(sortedQuantile(new Float64Array(0), 0.5)).toBeNaN()
  })

  it('quickselect gives the same quantile as sorting', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), (list, q) => {
        expect(selectQuantile(Float64Array.from(list), q)).toBeCloseTo(sortedQuantile(sortedCopy(list), q), 9)
      })
    )
  })

  it('counts values at or above a threshold in a sorted array', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: -125, max: 5 }), (list, threshold) => {
        expect(countAtLeast(sortedCopy(list), threshold)).toBe(list.filter((v) => v >= threshold).length)
      })
    )
  })

  it('the sliding median equals the median of each centred, truncated window', () => {
    fc.assert(
      fc.property(values, fc.constantFrom(1, 3, 5, 31), (list, window) => {
        const input = Float64Array.from([99, ...list, 99])
        const out = new Float64Array(input.length)
        slidingMedian(input, 1, input.length - 1, window, out)
        const half = window >> 1
        list.forEach((_, i) => {
          const slice = list.slice(Math.max(0, i - half), Math.min(list.length, i + half + 1))
          expect(out[i + 1]).toBe(sortedQuantile(sortedCopy(slice), 0.5))
        })
      })
    )
  })
})
