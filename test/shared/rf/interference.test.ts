import { describe, expect, it } from 'vitest'
import {
  analyzeSurvey,
  classifyInterference,
  createRandom,
  scenarioSamples,
  type InterferenceClass,
  type Random,
  type Sample,
  type ScenarioName,
  type SiteEvidence
} from '../../../src/shared/rf'

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
    expect(interference.evidence[0]).toMatch(/^Rician K = -?\d+\.\d dB .*\(metal: ≤ 3 dB with deep fades or disagreeing channels; clear: above\)$/)
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
    ['Rayleigh-like K alone, without deep fades or disagreeing channels (Gaussian scatter in dB)', { kFactor_dB: 2 }, 'clear', 1],
    ['Rayleigh-like K with Rayleigh-level deep fades', { kFactor_dB: 0, deepFadeShare: 0.025 }, 'metal', 0.58],
    ['Rayleigh-like K with channels 7 dB apart', { kFactor_dB: 0, channelSpread_dB: 7 }, 'metal', 0.67],
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

/** A walk with RSSI = −59 − 20·log10(d) dBm plus the given per-sample scatter (seeded), 300 reports per mark at ~9.5/s. */
function walkWith(scatter: (random: Random) => number, seed = 7): Sample[] {
  const random = createRandom(seed)
  const samples: Sample[] = []
  let t = 1_700_000_000_000
  for (const d of [0.25, 0.5, 1, 1.5, 2, 3, 4]) {
    for (let i = 0; i < 300; i++) {
      t += 105
      samples.push({ t, rssi: Math.round(-59 - 20 * Math.log10(d) + scatter(random)), distance_m: d, side: 'in' })
    }
  }
  return samples
}

describe('fading that is not metal', () => {
  it.each([3, 4, 6])('an open walk with %d dB of Gaussian scatter in dB is clear, not metal (K ≤ 3 dB alone is no multipath)', (sigma) => {
    const { interference, recommendations } = analyzeSurvey(walkWith((random) => sigma * random.normal()))
    expect(interference.class).toBe('clear')
    expect(interference.confidence).toBeGreaterThanOrEqual(0.6)
    expect(recommendations.join('\n')).not.toMatch(/standoff spacer/)
  })

  it('Rayleigh fading (exponential power) is still metal', () => {
    const rayleigh = (random: Random) => 10 * Math.log10(Math.max(1e-9, -Math.log(1 - random.next())))
    expect(analyzeSurvey(walkWith(rayleigh)).interference.class).toBe('metal')
  })
})
