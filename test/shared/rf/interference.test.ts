import { describe, expect, it } from 'vitest'
import { analyzeSurvey, classifyInterference, scenarioSamples, type InterferenceClass, type ScenarioName, type SiteEvidence } from '../../../src/shared/rf'

const SEEDS = [1, 2, 3, 4, 5]
const EXPECTED: Record<ScenarioName, InterferenceClass> = { clear: 'clear', metal: 'metal', concrete: 'absorption', congested: 'congested' }
const SCANNERS = {
  'a phone scanner (one channel at a time, no channel reported)': {},
  'a sniffer (all three channels, channel reported)': { reportsChannel: true, reportsAllChannels: true }
}

describe.each(Object.entries(SCANNERS))('synthetic walks heard by %s', (_scanner, options) => {
  describe.each(Object.keys(EXPECTED) as ScenarioName[])('the %s scenario', (scenario) => {
    it.each(SEEDS)(`is classified ${EXPECTED[scenario]} with confidence ≥ 0.7, seed %d`, (seed) => {
      const { interference } = analyzeSurvey(scenarioSamples(scenario, seed, options))
      expect(interference.class).toBe(EXPECTED[scenario])
      expect(interference.confidence).toBeGreaterThanOrEqual(0.7)
    })
  })
})

describe('evidence and recommendations on synthetic walks', () => {
  it('states every measurement with its number and the rule it was held against', () => {
    const { interference } = analyzeSurvey(scenarioSamples('metal', 1, { reportsChannel: true, reportsAllChannels: true }))
    expect(interference.evidence[0]).toMatch(/^Rician K = -?\d+\.\d dB .*\(metal: ≤ 3 dB; clear: above\)$/)
    expect(interference.evidence).toContainEqual(expect.stringMatching(/^\d+\.\d% of samples are ≥ 15 dB below the local median \(metal: ≥ 5%\)$/))
    expect(interference.evidence).toContainEqual(expect.stringMatching(/^channels 37\/38\/39 of one advertising event differ by \d+\.\d dB .*\(metal: ≥ 6 dB\)$/))
    expect(interference.evidence).toContainEqual(expect.stringMatching(/^path-loss exponent n = \d\.\d\d over 9 marks \(clear: 1\.6–2\.4; absorption: ≥ 3\)$/))
    expect(interference.evidence).toContainEqual(expect.stringMatching(/^packet reception \d+\.\d% .*\(congested: < 50%\)$/))
  })

  it('advises a standoff spacer on metal, citing K', () => {
    const advice = analyzeSurvey(scenarioSamples('metal', 2)).recommendations.join('\n')
    expect(advice).toMatch(/standoff spacer .*Rician K -?\d+\.\d dB/)
  })

  it('finds the concrete wall leaking at its nearest out-side mark and advises a threshold that stops it', () => {
    const result = analyzeSurvey(scenarioSamples('concrete', 3))
    expect(result.leaksToWrongSide).toBe(true)
    expect(result.sides.out?.leakRange_m).not.toBeNull()
    expect(result.interference.evidence[0]).toMatch(/out-side marks are 1\d\.\d dB below the in-side model/)
    expect(result.recommendations.join('\n')).toMatch(/Raise the unlock threshold from -70 to -\d+ dBm: the out-side mark at 0.5 m unlocks/)
  })

  it('advises a shorter advertising interval on a congested site', () => {
    expect(analyzeSurvey(scenarioSamples('congested', 4)).recommendations.join('\n')).toMatch(/Shorten the advertising interval from the inferred 100 ms to 50 ms/)
  })
})

const OPEN: SiteEvidence = {
  exponent: 2,
  marksFitted: 8,
  kFactor_dB: 9,
  fadingMarks: 8,
  deepFadeShare: 0,
  channelSpread_dB: null,
  outsideExcess_dB: null,
  outsideMarks: 0,
  receptionRatio: 0.95,
  receptionMarks: 8,
  advInterval: { ms: 100, source: 'option' },
  wholeSecondTimes: false
}

describe('the classification rules', () => {
  it.each<[string, Partial<SiteEvidence>, InterferenceClass, number]>([
    ['line of sight', {}, 'clear', 1],
    ['n at the top of the clear band', { exponent: 2.4 }, 'clear', 1],
    ['n of 1.2, outside the clear band with nothing else wrong', { exponent: 1.2 }, 'clear', 0],
    ['Rayleigh-like K with deep fades and disagreeing channels', { kFactor_dB: 0, deepFadeShare: 0.08, channelSpread_dB: 9 }, 'metal', 1],
    ['Rayleigh-like K alone', { kFactor_dB: 2 }, 'metal', 0.5],
    ['n of 3.4', { exponent: 3.4 }, 'absorption', 1],
    ['12 dB lost behind the wall', { outsideExcess_dB: 12 }, 'absorption', 1],
    ['30% reception', { receptionRatio: 0.3 }, 'congested', 1],
    ['nothing measured', { exponent: null, kFactor_dB: null, deepFadeShare: null, receptionRatio: null, advInterval: null }, 'clear', 0]
  ])('%s', (_name, change, expected, confidence) => {
    const verdict = classifyInterference({ ...OPEN, ...change })
    expect(verdict.class).toBe(expected)
    expect(verdict.confidence).toBeCloseTo(confidence, 2)
  })

  it('halves the confidence when two problems are equally strong', () => {
    const verdict = classifyInterference({ ...OPEN, exponent: 3.4, receptionRatio: 0.2 })
    expect(['absorption', 'congested']).toContain(verdict.class)
    expect(verdict.confidence).toBe(0.5)
    expect(verdict.scores).toMatchObject({ absorption: 1, congested: 1 })
  })

  it('scales absorption down when the fading looks like metal', () => {
    const verdict = classifyInterference({ ...OPEN, outsideExcess_dB: 15, kFactor_dB: 0, deepFadeShare: 0.1 })
    expect(verdict.scores.absorption).toBe(0.5)
    expect(verdict.class).toBe('metal')
  })

  it('says when congestion could not be assessed and why', () => {
    const verdict = classifyInterference({ ...OPEN, advInterval: null, receptionRatio: null, wholeSecondTimes: true })
    expect(verdict.evidence).toContain(
      'advertising interval unknown (timestamps are whole seconds, so advertising events cannot be told apart; give --adv-interval-ms): congestion not assessed'
    )
  })
})
