import { describe, expect, it } from 'vitest'
import { analyzeSurvey, applyOffset, deviceOffset, type Sample } from '../../../src/shared/rf'

function at(distance_m: number, rssi: number[], side: 'in' | 'out' = 'in'): Sample[] {
  return rssi.map((value, i) => ({ t: i * 100, rssi: value, distance_m, side }))
}

describe('device offset calibration', () => {
  it('is the median over shared marks of reference median minus device median', () => {
    const device = [...at(0.5, [-60, -61, -62]), ...at(1, [-70, -70, -71]), ...at(2, [-80, -90, -81]), ...at(3, [-95])]
    const reference = [...at(0.5, [-55, -56, -57]), ...at(1, [-64, -64, -64]), ...at(2, [-60, -60, -60]), ...at(4, [-70])]
    const offset = deviceOffset(device, reference)!
    expect(offset.marks.map((m) => [m.distance_m, m.reference_dB - m.device_dB])).toEqual([
      [0.5, 5],
      [1, 6],
      [2, 21]
    ])
    expect(offset.offset_dB).toBe(6)
  })

  it('pairs marks by side as well as distance, and gives nothing without a shared mark', () => {
    expect(deviceOffset(at(1, [-60], 'in'), at(1, [-50], 'out'))).toBeNull()
  })

  it('applies the offset to samples, and the analysis applies it when given', () => {
    const samples = at(1, [-75, -72, -70])
    expect(applyOffset(samples, 4).map((s) => s.rssi)).toEqual([-71, -68, -66])
    const result = analyzeSurvey(samples, { threshold: -70, calibrationOffsetDb: 4 })
    expect(result.marks[0]).toMatchObject({ median: -68, pUnlock: 0.6667 })
    expect(result.calibrationOffset_dB).toBe(4)
  })
})
