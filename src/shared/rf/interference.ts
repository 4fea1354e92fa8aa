import type { InterferenceClass } from './schema'
import type { SiteEvidence } from './siteEvidence'

/** The thresholds of each rule, from the survey issue. */
export const INTERFERENCE_RULES = {
  clearExponent: [1.6, 2.4],
  absorptionExponent: 3,
  metalK_dB: 3,
  metalDeepFadeShare: 0.05,
  metalChannelSpread_dB: 6,
  absorptionExcess_dB: 10,
  congestedReception: 0.5
} as const

/** The interference class, how sure, and the measurements that decided it. */
export interface InterferenceVerdict {
  class: InterferenceClass
  confidence: number
  evidence: string[]
  scores: Record<InterferenceClass, number>
}

/** 0 at or below `lo`, 1 at or above `hi`, linear between: how firmly a measurement passes a rule. */
function rising(x: number, lo: number, hi: number): number {
  return Math.min(1, Math.max(0, (x - lo) / (hi - lo)))
}

function falling(x: number, lo: number, hi: number): number {
  return 1 - rising(x, lo, hi)
}

function exponentInClearBand(n: number): number {
  const [lo, hi] = INTERFERENCE_RULES.clearExponent
  return n < lo ? rising(n, 1.0, lo) : falling(n, hi, 3.0)
}

type Scores = Record<InterferenceClass, number>

/**
 * Scores each class 0–1 from soft versions of the rules (each rule ramps over a band around
 * its threshold, so a value just across a line is weak evidence):
 * - clear: the weakest of n in 1.6–2.4, K > 3 dB, deep fades < 5%, reception ≥ 50%, wall loss < 10 dB;
 * - metal: the mean of K ≤ 3 dB, ≥ 5% of samples ≥ 15 dB below the local median, channel medians ≥ 6 dB apart;
 * - absorption: n ≥ 3 or ≥ 10 dB below the in-side model behind the obstruction, scaled down when the fading is metal-like;
 * - congested: reception below 50% of what the advertising interval predicts.
 * Missing measurements are left out of a score. The class is the top score; confidence is that score
 * times (1 − runner-up / 2), so two strong candidates halve it.
 */
export function classifyInterference(site: SiteEvidence): InterferenceVerdict {
  const scores = scoreClasses(site)
  const ranked = (['metal', 'absorption', 'congested', 'clear'] as const).slice().sort((a, b) => scores[b] - scores[a])
  const winner = scores[ranked[0]!] > 0 ? ranked[0]! : 'clear'
  const runnerUp = scores[ranked.find((c) => c !== winner)!]
  const confidence = Math.round(scores[winner] * (1 - runnerUp / 2) * 100) / 100
  return { class: winner, confidence, evidence: describeEvidence(site, winner), scores: roundScores(scores) }
}

function scoreClasses(site: SiteEvidence): Scores {
  const kLow = site.kFactor_dB === null ? null : falling(site.kFactor_dB, 3, 6)
  const deepFades = site.deepFadeShare === null ? null : rising(site.deepFadeShare, 0.02, 0.05)
  const channelsDisagree = site.channelSpread_dB === null ? null : rising(site.channelSpread_dB, 4, 8)
  const metal = mean([kLow, deepFades, channelsDisagree])
  const metalFading = mean([kLow, deepFades])
  const steep = site.exponent === null ? 0 : rising(site.exponent, 2.6, 3.0)
  const wallLoss = site.outsideExcess_dB === null ? 0 : rising(site.outsideExcess_dB, 6, 10)
  const congested = site.receptionRatio === null ? 0 : falling(site.receptionRatio, 0.4, 0.6)
  const clearChecks = [
    site.exponent === null ? null : exponentInClearBand(site.exponent),
    kLow === null ? null : 1 - kLow,
    deepFades === null ? null : 1 - deepFades,
    site.receptionRatio === null ? null : 1 - congested,
    site.outsideExcess_dB === null ? null : 1 - wallLoss
  ].filter((v): v is number => v !== null)
  return {
    clear: clearChecks.length > 0 ? Math.min(...clearChecks) : 0,
    metal,
    absorption: Math.max(steep, wallLoss) * (1 - metalFading / 2),
    congested
  }
}

function mean(values: (number | null)[]): number {
  const present = values.filter((v): v is number => v !== null)
  return present.length === 0 ? 0 : present.reduce((a, b) => a + b, 0) / present.length
}

function roundScores(scores: Scores): Scores {
  const round = (v: number) => Math.round(v * 100) / 100
  return { clear: round(scores.clear), metal: round(scores.metal), absorption: round(scores.absorption), congested: round(scores.congested) }
}

interface Finding {
  text: string
  concerns: InterferenceClass[]
}

/** One line per measurement with the number and the rule; the winner's lines first. */
function describeEvidence(site: SiteEvidence, winner: InterferenceClass): string[] {
  const findings = [exponentFinding(site), ...fadingFindings(site), wallFinding(site), ...receptionFindings(site)]
  const first = findings.filter((f) => f.concerns.includes(winner))
  const rest = findings.filter((f) => !f.concerns.includes(winner))
  return [...first, ...rest].map((f) => f.text)
}

const dB = (v: number) => `${v.toFixed(1)} dB`
const percent = (v: number) => `${(v * 100).toFixed(1)}%`

function exponentFinding(site: SiteEvidence): Finding {
  const concerns: InterferenceClass[] = ['clear', 'absorption']
  if (site.exponent === null) return { text: 'path-loss exponent n: no fit (needs marks at two or more distances > 0)', concerns }
  return { text: `path-loss exponent n = ${site.exponent.toFixed(2)} over ${site.marksFitted} marks (clear: 1.6–2.4; absorption: ≥ 3)`, concerns }
}

function fadingFindings(site: SiteEvidence): Finding[] {
  const concerns: InterferenceClass[] = ['metal', 'clear', 'absorption']
  const k =
    site.kFactor_dB === null
      ? 'Rician K: not estimated (no mark with 10 or more samples)'
      : `Rician K = ${dB(site.kFactor_dB)} (median of ${site.fadingMarks} marks, moment method on linear power) (metal: ≤ 3 dB; clear: above)`
  const deep =
    site.deepFadeShare === null
      ? 'deep fades: not measured'
      : `${percent(site.deepFadeShare)} of samples are ≥ 15 dB below the local median (metal: ≥ 5%)`
  const channels =
    site.channelSpread_dB === null
      ? 'channel agreement: not assessed (the samples carry no channel, or under 5 samples per channel)'
      : `channels 37/38/39 medians differ by ${dB(site.channelSpread_dB)} (median over marks) (metal: ≥ 6 dB)`
  return [k, deep, channels].map((text) => ({ text, concerns }))
}

function wallFinding(site: SiteEvidence): Finding {
  const concerns: InterferenceClass[] = ['absorption', 'clear']
  if (site.outsideExcess_dB === null) {
    return { text: 'loss behind an obstruction: not assessed (needs out-side marks and an in-side fit)', concerns }
  }
  const text = `out-side marks are ${dB(site.outsideExcess_dB)} below the in-side model (median of ${site.outsideMarks} marks) (absorption: ≥ 10 dB)`
  return { text, concerns }
}

function receptionFindings(site: SiteEvidence): Finding[] {
  const concerns: InterferenceClass[] = ['congested', 'clear']
  const interval = site.advInterval
  if (interval === null) {
    const why = site.wholeSecondTimes ? 'timestamps are whole seconds, so advertising events cannot be told apart' : 'too few events to infer it'
    return [{ text: `advertising interval unknown (${why}; give --adv-interval-ms): congestion not assessed`, concerns }]
  }
  const source = interval.source === 'option' ? 'from the option' : 'inferred from the timestamps'
  const intervalText = `advertising interval ${interval.ms} ms (${source})`
  if (site.receptionRatio === null) return [{ text: `${intervalText}; reception not assessed (no mark above −85 dBm)`, concerns }]
  const expected = (1000 / (interval.ms + 5)).toFixed(1)
  const text = `packet reception ${percent(site.receptionRatio)} of the ${expected} events/s a ${interval.ms} ms interval (+5 ms mean delay) predicts, median of ${site.receptionMarks} marks above −85 dBm (congested: < 50%)`
  return [{ text: intervalText, concerns }, { text, concerns }]
}
