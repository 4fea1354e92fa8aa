import { describe, expect, it } from 'vitest'
import { analyzeSurvey, scenarioSamples, SurveyAnalysisSchema, type Sample } from '../../../src/shared/rf'

const MARK_FIELDS = ['distance_m', 'side', 'count', 'median', 'p10', 'p90', 'fadeDepth_dB', 'pUnlock', 'estimatedDistance_m']

describe('survey analysis result', () => {
  it('has the shape the CLI promises, validates against the exported schema and survives JSON', () => {
    const result = analyzeSurvey(scenarioSamples('concrete', 1, { reportsChannel: true, reportsAllChannels: true }))
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['samples', 'marks', 'model', 'reliableRange_m', 'leakRange_m', 'leaksToWrongSide', 'interference', 'recommendations'])
    )
    expect(Object.keys(result.marks[0]!)).toEqual(expect.arrayContaining(MARK_FIELDS))
    expect(Object.keys(result.model)).toEqual(expect.arrayContaining(['rssiAt1m', 'exponent', 'sigma_dB', 'r2']))
    expect(Object.keys(result.interference)).toEqual(expect.arrayContaining(['class', 'confidence', 'evidence']))
    expect(SurveyAnalysisSchema.parse(result)).toEqual(result)
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('counts samples, and is the same for the same input', () => {
    const samples = scenarioSamples('clear', 2)
    const result = analyzeSurvey(samples)
    expect(result.samples).toBe(samples.length)
    expect(result.marks.reduce((sum, m) => sum + m.count, 0)).toBe(samples.length)
    expect(analyzeSurvey(samples)).toEqual(result)
  })

  it('lists marks at distance 0 or less but leaves them, and the out side, out of the fit', () => {
    const level = (distance_m: number, rssi: number, side: 'in' | 'out' = 'in'): Sample[] =>
      Array.from({ length: 20 }, (_, i) => ({ t: i * 100, rssi, distance_m, side }))
    const samples = [...level(0, -30), ...level(1, -60), ...level(2, -66), ...level(4, -72), ...level(1, -90, 'out')]
    const result = analyzeSurvey(samples)
    expect(result.marks.map((m) => [m.side, m.distance_m])).toEqual([
      ['in', 0],
      ['in', 1],
      ['in', 2],
      ['in', 4],
      ['out', 1]
    ])
    expect(result.model).toMatchObject({ marksUsed: 3, rssiAt1m: -60 })
    expect(result.model.exponent).toBeCloseTo(1.993, 3)
    expect(result.marks[3]!.estimatedDistance_m).toBeCloseTo(4, 1)
    expect(result.marks[4]!.estimatedDistance_m!).toBeGreaterThan(20)
  })

  it('gives a valid result with null model and ranges for no samples', () => {
    const result = analyzeSurvey([])
    expect(SurveyAnalysisSchema.parse(result)).toEqual(result)
    expect(result).toMatchObject({ samples: 0, marks: [], reliableRange_m: null, leakRange_m: null, leaksToWrongSide: null, advInterval: null })
    expect(result.model).toEqual({ rssiAt1m: null, exponent: null, sigma_dB: null, r2: null, marksUsed: 0 })
  })

  it('uses -70 dBm as the default threshold', () => {
    const samples: Sample[] = [-69, -70, -71, -72].map((rssi, i) => ({ t: i, rssi, distance_m: 1, side: 'in' }))
    expect(analyzeSurvey(samples)).toMatchObject({ threshold_dBm: -70, marks: [{ pUnlock: 0.5 }] })
  })
})
