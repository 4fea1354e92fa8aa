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

/** A problem class needs at least this score; below it the verdict is `clear` (possibly with low confidence). */
export const PROBLEM_MIN_SCORE = 0.5

/** 0 at or below `lo`, 1 at or above `hi`, linear between: how firmly a measurement passes a rule. */
function rising(x: number, lo: number, hi: number): number {
  return Math.min(1, Math.max(0, (x - lo) / (hi - lo)))
}

function falling(x: number, lo: number, hi: number): number {
  return 1 - rising(x, lo, hi)
}

function exponentInClearBand(n: number): number {
  const [lo, hi] = INTERFERENCE_RULES.clearExponent
  return n < lo ? rising(n, lo - 0.4, lo) : falling(n, hi, hi + 0.4)
}

type Scores = Record<InterferenceClass, number>

/**
 * Scores each class 0–1 from soft versions of the rules: a rule scores 1 when met and falls
 * linearly to 0 over a margin on the benign side (K 3→5 dB, deep fades 5→2%, channel spread 6→4 dB,
 * n 3→2.6, wall loss 10→6 dB, reception 50→70%, and n 1.6–2.4 widening by 0.4 each way for clear):
 * - clear: the weakest of n in 1.6–2.4, deep fades < 5%, reception ≥ 50%, wall loss < 10 dB, and K > 3 dB
 *   unless nothing else points to multipath (see multipathSupport);
 * - metal: the mean of K ≤ 3 dB, ≥ 5% of samples ≥ 15 dB below the local median, channel medians ≥ 6 dB
 *   apart, times the support of the deep fades or the channels (a low K alone is not metal);
 * - absorption: n ≥ 3 or ≥ 10 dB below the in-side model behind the obstruction, scaled down when the fading is metal-like;
 * - congested: reception below 50% of what the advertising interval predicts.
 * Missing measurements are left out of a score. The class is the top problem class if it scores at
 * least {@link PROBLEM_MIN_SCORE}, else `clear`; confidence is the class's score times
 * (1 − runner-up / 2), so two strong candidates halve it, and a clear verdict with n outside the
 * band has low confidence.
 */
export function classifyInterference(site: SiteEvidence): InterferenceVerdict {
  const rules = ruleValues(site)
  const scores = scoreClasses(rules)
  const problem = (['metal', 'absorption', 'congested'] as const).reduce((a, b) => (scores[b] > scores[a] ? b : a))
  const winner = scores[problem] >= PROBLEM_MIN_SCORE ? problem : 'clear'
  const runnerUp = Math.max(...(['clear', 'metal', 'absorption', 'congested'] as const).filter((c) => c !== winner).map((c) => scores[c]))
  const confidence = Math.round(scores[winner] * (1 - runnerUp / 2) * 100) / 100
  return { class: winner, confidence, evidence: describeEvidence(site, rules, winner), scores: roundScores(scores) }
}

/** How firmly each rule is met, 0–1; null when its measurement is missing. */
interface RuleValues {
  clearExponent: number | null
  steepExponent: number | null
  lowK: number | null
  deepFades: number | null
  /** Deep fades at the Rayleigh level (0.5% → 2%), the support a low K needs. */
  someDeepFades: number | null
  channelsDisagree: number | null
  wallLoss: number | null
  congested: number | null
}

function ruleValues(site: SiteEvidence): RuleValues {
  const ramp = <T>(value: number | null, rule: (v: number) => T) => (value === null ? null : rule(value))
  return {
    clearExponent: ramp(site.exponent, exponentInClearBand),
    steepExponent: ramp(site.exponent, (n) => rising(n, 2.6, INTERFERENCE_RULES.absorptionExponent)),
    lowK: ramp(site.kFactor_dB, (k) => falling(k, INTERFERENCE_RULES.metalK_dB, 5)),
    deepFades: ramp(site.deepFadeShare, (share) => rising(share, 0.02, INTERFERENCE_RULES.metalDeepFadeShare)),
    someDeepFades: ramp(site.deepFadeShare, (share) => rising(share, 0.005, 0.02)),
    channelsDisagree: ramp(site.channelSpread_dB, (spread) => rising(spread, 4, INTERFERENCE_RULES.metalChannelSpread_dB)),
    wallLoss: ramp(site.outsideExcess_dB, (excess) => rising(excess, 6, INTERFERENCE_RULES.absorptionExcess_dB)),
    congested: ramp(site.receptionRatio, (ratio) => falling(ratio, INTERFERENCE_RULES.congestedReception, 0.7))
  }
}

/**
 * How far the multipath symptoms other than K back a low K, 0–1: deep fades at the Rayleigh level
 * (0 at 0.5% of samples ≥ 15 dB below the local median, 1 at 2%; Rayleigh gives 2.2%) or channels
 * at least 5 dB apart. A low K alone is not multipath: Gaussian scatter of 3 dB or more in dB
 * (shadowing as the phone moves, or an ordinary synthetic walk) already gives K ≤ 3 dB by the moment
 * method, with almost no deep fades.
 */
function multipathSupport(rules: RuleValues): number {
  return Math.min(1, Math.max(rules.someDeepFades ?? 0, 2 * (rules.channelsDisagree ?? 0)))
}

function scoreClasses(rules: RuleValues): Scores {
  const support = multipathSupport(rules)
  const corroboratedLowK = rules.lowK === null ? null : rules.lowK * support
  const clearChecks = [rules.clearExponent, not(corroboratedLowK), not(rules.deepFades), not(rules.congested), not(rules.wallLoss)]
  const present = clearChecks.filter((v): v is number => v !== null)
  const metalFading = mean([corroboratedLowK, rules.deepFades])
  return {
    clear: present.length > 0 ? Math.min(...present) : 0,
    metal: mean([rules.lowK, rules.deepFades, rules.channelsDisagree]) * support,
    absorption: Math.max(rules.steepExponent ?? 0, rules.wallLoss ?? 0) * (1 - metalFading / 2),
    congested: rules.congested ?? 0
  }
}

function not(value: number | null): number | null {
  return value === null ? null : 1 - value
}

function mean(values: (number | null)[]): number {
  const present = values.filter((v): v is number => v !== null)
  return present.length === 0 ? 0 : present.reduce((a, b) => a + b, 0) / present.length
}

function roundScores(scores: Scores): Scores {
  const round = (v: number) => Math.round(v * 100) / 100
  return { clear: round(scores.clear), metal: round(scores.metal), absorption: round(scores.absorption), congested: round(scores.congested) }
}

/** A line of evidence and how firmly it supports each class it bears on. */
interface Finding {
  text: string
  support: Partial<Record<InterferenceClass, number | null>>
}

/** One line per measurement with the number and the rule, those that most support the verdict first. */
function describeEvidence(site: SiteEvidence, rules: RuleValues, winner: InterferenceClass): string[] {
  const findings = [exponentFinding(site, rules), ...fadingFindings(site, rules), wallFinding(site, rules), ...receptionFindings(site, rules)]
  const strength = (f: Finding) => f.support[winner] ?? -1
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort((a, b) => strength(b.finding) - strength(a.finding) || a.order - b.order)
    .map(({ finding }) => finding.text)
}

const dB = (v: number) => `${v.toFixed(1)} dB`
const percent = (v: number) => `${(v * 100).toFixed(1)}%`
const marks = (n: number) => (n === 1 ? '1 mark' : `${n} marks`)

function exponentFinding(site: SiteEvidence, rules: RuleValues): Finding {
  const support = { clear: rules.clearExponent, absorption: rules.steepExponent }
  if (site.exponent === null) return { text: 'path-loss exponent n: no fit (needs marks at two or more distances > 0)', support }
  return { text: `path-loss exponent n = ${site.exponent.toFixed(2)} over ${marks(site.marksFitted)} (clear: 1.6–2.4; absorption: ≥ 3)`, support }
}

function fadingFindings(site: SiteEvidence, rules: RuleValues): Finding[] {
  const k =
    site.kFactor_dB === null
      ? 'Rician K: not estimated (no mark with 10 or more samples)'
      : `Rician K = ${dB(site.kFactor_dB)} (median of ${marks(site.fadingMarks)}, moment method on linear power) (metal: ≤ 3 dB with deep fades or disagreeing channels; clear: above)`
  const deep =
    site.deepFadeShare === null
      ? 'deep fades: not measured'
      : `${percent(site.deepFadeShare)} of samples are ≥ 15 dB below the local median (metal: ≥ 5%)`
  const channels =
    site.channelSpread_dB === null
      ? 'channel agreement: not assessed (needs the channel of each copy of an advertising event, from a scanner that hears all three)'
      : `channels 37/38/39 of one advertising event differ by ${dB(site.channelSpread_dB)} (median over marks) (metal: ≥ 6 dB)`
  return [
    { text: k, support: { metal: rules.lowK, clear: not(rules.lowK) } },
    { text: deep, support: { metal: rules.deepFades, clear: not(rules.deepFades) } },
    { text: channels, support: { metal: rules.channelsDisagree, clear: not(rules.channelsDisagree) } }
  ]
}

function wallFinding(site: SiteEvidence, rules: RuleValues): Finding {
  const support = { absorption: rules.wallLoss, clear: not(rules.wallLoss) }
  if (site.outsideExcess_dB === null) {
    return { text: 'loss behind an obstruction: not assessed (needs out-side marks and an in-side fit)', support }
  }
  const text = `out-side marks are ${dB(site.outsideExcess_dB)} below the in-side model (median of ${marks(site.outsideMarks)}) (absorption: ≥ 10 dB)`
  return { text, support }
}

function receptionFindings(site: SiteEvidence, rules: RuleValues): Finding[] {
  const support = { congested: rules.congested, clear: not(rules.congested) }
  const interval = site.advInterval
  if (interval === null) {
    const why = site.wholeSecondTimes ? 'timestamps are whole seconds, so advertising events cannot be told apart' : 'too few events to infer it'
    return [{ text: `advertising interval unknown (${why}; give --adv-interval-ms): congestion not assessed`, support }]
  }
  const source = interval.source === 'option' ? 'from the option' : 'inferred from the timestamps'
  const intervalText = `advertising interval ${interval.ms} ms (${source})`
  if (site.receptionRatio === null) return [{ text: `${intervalText}; reception not assessed (no mark above −85 dBm)`, support }]
  const expected = (1000 / (interval.ms + 5)).toFixed(1)
  const text = `packet reception ${percent(site.receptionRatio)} of the ${expected} events/s a ${interval.ms} ms interval (+5 ms mean delay) predicts, median of ${marks(site.receptionMarks)} above −85 dBm (congested: < 50%)`
  return [
    { text, support },
    { text: intervalText, support }
  ]
}
