import { describe, expect, it } from 'vitest'
import { createRandom, describeMarks, groupByMark, pUnlockAt, ricianK_dB, K_CAP_DB, type Sample } from '../../../src/shared/rf'

function mark(rssi: readonly number[], distance_m = 1, side: 'in' | 'out' = 'in', stepMs = 100): Sample[] {
  return rssi.map((value, i) => ({ t: i * stepMs, rssi: value, distance_m, side }))
}

describe('grouping samples into marks', () => {
  it('groups by distance and side, in-side first, each side by distance, time-ordered within a mark', () => {
    const samples: Sample[] = [
      { t: 30, rssi: -70, distance_m: 2, side: 'in' },
      { t: 10, rssi: -60, distance_m: 1, side: 'out' },
      { t: 20, rssi: -65, distance_m: 2, side: 'in' },
      { t: 5, rssi: -50, distance_m: 0.5, side: 'in' }
    ]
    const columns = groupByMark(samples, 1)
    expect(columns.marks.map((m) => [m.side, m.distance_m, m.end - m.start])).toEqual([
      ['in', 0.5, 1],
      ['in', 2, 2],
      ['out', 1, 1]
    ])
    expect(Array.from(columns.t)).toEqual([5, 20, 30, 10])
    expect(Array.from(columns.rssi)).toEqual([-49, -64, -69, -59])
  })
})

describe('per-mark statistics', () => {
  it('gives count, median, p10 and p90 of known values', () => {
    const [stats] = describeMarks(groupByMark(mark([-61, -62, -63, -64, -65, -66, -67, -68, -69, -70])))
    expect(stats).toMatchObject({ count: 10, median: -65.5 })
    expect(stats!.p10).toBeCloseTo(-69.1, 10)
    expect(stats!.p90).toBeCloseTo(-61.9, 10)
  })

  it('pUnlock is the observed share at or above the threshold', () => {
    const [stats] = describeMarks(groupByMark(mark([-60, -65, -70, -70, -75, -80, -85, -90])))
    expect(pUnlockAt(stats!, -70)).toBe(0.5)
    expect(pUnlockAt(stats!, -59)).toBe(0)
    expect(pUnlockAt(stats!, -90)).toBe(1)
  })

  it('measures fades below the windowed median: every tenth sample 20 dB down', () => {
    const rssi = Array.from({ length: 200 }, (_, i) => (i % 10 === 9 ? -80 : -60))
    const [stats] = describeMarks(groupByMark(mark(rssi)))
    expect(stats!.windowedMedian).toBe(-60)
    expect(stats!.windowedMedianSpread_dB).toBe(0)
    expect(stats!.deepFadeShare).toBeCloseTo(0.1, 10)
    expect(stats!.fadeDepth_dB).toBe(20)
  })

  it('the windowed median follows a slow drift that the mark median hides', () => {
    const rssi = Array.from({ length: 300 }, (_, i) => (i < 150 ? -55 : -75))
    const [stats] = describeMarks(groupByMark(mark(rssi)))
    expect(stats!.windowedMedianSpread_dB).toBe(20)
    expect(stats!.deepFadeShare).toBe(0)
  })

  it('measures channel disagreement within advertising events heard on several channels', () => {
    const samples: Sample[] = []
    for (let e = 0; e < 20; e++) {
      samples.push({ t: e * 100, rssi: -60, distance_m: 1, channel: 37, side: 'in' })
      samples.push({ t: e * 100 + 1, rssi: -68, distance_m: 1, channel: 38, side: 'in' })
      samples.push({ t: e * 100 + 1, rssi: -63, distance_m: 1, channel: 39, side: 'in' })
    }
    const [stats] = describeMarks(groupByMark(samples))
    expect(stats!.channelSpread_dB).toBe(8)
  })

  it('leaves channel disagreement unknown when each event is heard on one channel only', () => {
    const samples: Sample[] = Array.from({ length: 60 }, (_, i) => ({ t: i * 100, rssi: -60 - (i % 3) * 5, distance_m: 1, channel: (37 + (i % 3)) as 37, side: 'in' }))
    expect(describeMarks(groupByMark(samples))[0]!.channelSpread_dB).toBeNull()
  })
})

describe('Rician K by the moment method', () => {
  function fadingRssi(k: number, n: number, seed: number): Float64Array {
    const random = createRandom(seed)
    const los = Math.sqrt(k / (k + 1))
    const sigma = Math.sqrt(1 / (2 * (k + 1)))
    return Float64Array.from({ length: n }, () => {
      const re = los + sigma * random.normal()
      const im = sigma * random.normal()
      return -60 + 10 * Math.log10(re * re + im * im)
    })
  }

  it.each([
    [10, 10],
    [3, 4.77],
    [1, 0]
  ])('recovers K = %d (%d dB) from 20,000 Rician samples within 1 dB', (k, k_dB) => {
    const rssi = fadingRssi(k, 20_000, 7)
    expect(ricianK_dB(rssi, 0, rssi.length)).toBeCloseTo(k_dB, 0)
  })

  it('reports Rayleigh fading far below the 3 dB metal line', () => {
    const rssi = fadingRssi(0, 20_000, 8)
    expect(ricianK_dB(rssi, 0, rssi.length)!).toBeLessThan(-8)
  })

  it('caps a mark without variance and leaves a mark under 10 samples unknown', () => {
    expect(ricianK_dB(new Float64Array(50).fill(-60), 0, 50)).toBe(K_CAP_DB)
    expect(ricianK_dB(new Float64Array(9).fill(-60), 0, 9)).toBeNull()
  })
})
