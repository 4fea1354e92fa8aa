import { describe, expect, it } from 'vitest'
import { analyzeSurvey, leaksToWrongSide, sideRanges, type Sample } from '../../../src/shared/rf'

const marks = (pairs: [number, number][]) => pairs.map(([distance_m, pUnlock]) => ({ distance_m, pUnlock }))

describe('reliable and leak range of one side', () => {
  it('finds both on a walk that crosses them', () => {
    const ranges = sideRanges(marks([[0.25, 1], [0.5, 1], [1, 0.97], [1.5, 0.6], [2, 0.2], [3, 0.04], [4, 0]]))!
    expect(ranges).toMatchObject({ reliableRange_m: 1, leakRange_m: 3, reliableBeyondWalk: false, leakBeyondWalk: false, deadSpots_m: [] })
  })

  it('takes the largest distance at or above 0.95 and lists nearer dead spots', () => {
    const ranges = sideRanges(marks([[0.5, 1], [0.75, 0.3], [1, 0.96], [1.5, 0.1], [2, 0]]))!
    expect(ranges.reliableRange_m).toBe(1)
    expect(ranges.deadSpots_m).toEqual([0.75])
  })

  it('puts the leak range at the first mark from which every mark outward is at or below 0.05', () => {
    const ranges = sideRanges(marks([[0.5, 1], [1, 0.05], [1.5, 0.2], [2, 0.05], [3, 0]]))!
    expect(ranges.leakRange_m).toBe(2)
  })

  it('is null for a reliable range when the walk never leaves the reliable zone', () => {
    const ranges = sideRanges(marks([[0.5, 1], [1, 0.99], [2, 0.95]]))!
    expect(ranges).toMatchObject({ reliableRange_m: null, reliableBeyondWalk: true, leakRange_m: null, leakBeyondWalk: true })
  })

  it('is null for a reliable range when no mark reaches 0.95', () => {
    const ranges = sideRanges(marks([[0.5, 0.9], [1, 0.5], [2, 0]]))!
    expect(ranges).toMatchObject({ reliableRange_m: null, reliableBeyondWalk: false, leakRange_m: 2 })
  })

  it('is null for a leak range when no mark ever unlocks above 0.05', () => {
    const ranges = sideRanges(marks([[0.5, 0.05], [1, 0]]))!
    expect(ranges).toMatchObject({ reliableRange_m: null, leakRange_m: null, leakBeyondWalk: false, maxPUnlock: 0.05 })
  })

  it('sorts marks by distance and gives nothing for no marks', () => {
    expect(sideRanges(marks([[2, 0], [0.5, 1], [1, 0.5]]))).toMatchObject({ reliableRange_m: 0.5, leakRange_m: 2, farthestMark_m: 2 })
    expect(sideRanges([])).toBeNull()
  })

  it('says whether the wrong side leaks, and null when it was not surveyed', () => {
    expect(leaksToWrongSide(marks([[0.5, 0.06], [1, 0]]))).toBe(true)
    expect(leaksToWrongSide(marks([[0.5, 0.05], [1, 0]]))).toBe(false)
    expect(leaksToWrongSide([])).toBeNull()
  })
})

describe('ranges in the survey analysis', () => {
  function walk(side: 'in' | 'out', levels: [number, number[]][]): Sample[] {
    return levels.flatMap(([distance_m, rssi]) => rssi.map((value, i) => ({ t: i * 100, rssi: value, distance_m, side })))
  }
  const twenty = (above: number, high = -60, low = -80) => Array.from({ length: 20 }, (_, i) => (i < above ? high : low))

  it('computes the in side and the out side separately from the threshold', () => {
    const samples = [
      ...walk('in', [[0.5, twenty(20)], [1, twenty(19)], [2, twenty(10)], [3, twenty(0)]]),
      ...walk('out', [[0.5, twenty(4)], [1, twenty(1)], [2, twenty(0)]])
    ]
    const result = analyzeSurvey(samples, { threshold: -70 })
    expect(result.reliableRange_m).toBe(1)
    expect(result.leakRange_m).toBe(3)
    expect(result.leaksToWrongSide).toBe(true)
    expect(result.sides.out).toMatchObject({ leakRange_m: 1, reliableRange_m: null, maxPUnlock: 0.2 })
    expect(result.marks.map((m) => m.pUnlock)).toEqual([1, 0.95, 0.5, 0, 0.2, 0.05, 0])
  })

  it('reports null ranges and no wrong-side verdict for a short one-sided walk that never crosses', () => {
    const result = analyzeSurvey(walk('in', [[0.5, twenty(20)], [1, twenty(20)]]), { threshold: -70 })
    expect(result).toMatchObject({ reliableRange_m: null, leakRange_m: null, leaksToWrongSide: null })
    expect(result.sides.in).toMatchObject({ reliableBeyondWalk: true, leakBeyondWalk: true })
    expect(result.recommendations.join(' ')).toMatch(/Walk beyond 1 m/)
  })

  it('recommends a threshold that stops the wrong-side leak and says what it leaves reliable', () => {
    const samples = [...walk('in', [[0.5, twenty(20, -55)], [1, twenty(20)], [3, twenty(0)]]), ...walk('out', [[0.5, twenty(10, -65)]])]
    const advice = analyzeSurvey(samples, { threshold: -70 }).recommendations.join('\n')
    expect(advice).toMatch(/Raise the unlock threshold from -70 to -64 dBm: the out-side mark at 0.5 m unlocks 50%/)
    expect(advice).toMatch(/in side stays reliable to 1 m/)
  })

  it('lists marks at negative distances but keeps them out of the ranges, dead spots and advice', () => {
    const samples = walk('in', [[-1, twenty(0)], [-0.5, twenty(10)], [0, twenty(20)], [0.5, twenty(20)], [1, twenty(19)], [2, twenty(0)]])
    const result = analyzeSurvey(samples, { threshold: -70 })
    expect(result.marks.map((m) => m.distance_m)).toEqual([-1, -0.5, 0, 0.5, 1, 2])
    expect(result).toMatchObject({ reliableRange_m: 1, leakRange_m: 2 })
    expect(result.sides.in?.deadSpots_m).toEqual([])
    expect(result.recommendations.join('\n')).not.toMatch(/dead spots|-1 m|-0.5 m/)
  })

  it('moves the reader rather than promising a range of 0 m when only the door mark would stay reliable', () => {
    const samples = [...walk('in', [[0, twenty(20, -40)], [1, twenty(20)], [3, twenty(0)]]), ...walk('out', [[0.5, twenty(20, -50)]])]
    const advice = analyzeSurvey(samples, { threshold: -70 }).recommendations.join('\n')
    expect(advice).not.toMatch(/reliable to 0 m/)
    expect(advice).toMatch(/Move the reader away from the opening .*\(-49 dBm\) leaves no in-side mark reliable/)
  })

  it('recommends a lower threshold when no in-side mark is reliable', () => {
    const samples = walk('in', [[0.5, twenty(15, -68, -76)], [1, twenty(5, -68, -76)], [3, twenty(0)]])
    expect(analyzeSurvey(samples, { threshold: -70 }).recommendations.join('\n')).toMatch(/Lower the unlock threshold from -70 to -76 dBm: no in-side mark reaches 95% \(best: 0.5 m at 75%\)/)
  })
})
