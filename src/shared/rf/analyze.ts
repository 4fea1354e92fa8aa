import { groupByMark, type SurveyColumns } from './columns'
import { estimateDistance, fitLogDistance, type PathLossModel } from './fit'
import { classifyInterference } from './interference'
import { describeMarks, pUnlockAt, type MarkStats } from './marks'
import { leaksToWrongSide, sideRanges } from './ranges'
import { copiesPerEvent, hasWholeSecondTimes, inferAdvInterval, markReception, type AdvInterval, type MarkReception } from './reception'
import { fitPlatforms, type PlatformTarget } from './platformFit'
import { recommend } from './recommendations'
import type { MarkResult, Sample, Side, SurveyAnalysis } from './schema'
import { measureSite } from './siteEvidence'

/** The unlock threshold when none is given. */
export const DEFAULT_THRESHOLD_DBM = -70

export interface SurveyOptions {
  /** Unlock threshold in dBm (default −70). */
  threshold?: number
  /** The reader's advertising interval; inferred from the timestamps when absent. */
  advIntervalMs?: number
  /** Added to every RSSI before the analysis (see deviceOffset). */
  calibrationOffsetDb?: number
  /** The site's phone platforms (radios, unlock distance): the analysis says how the walk serves each. */
  platforms?: readonly PlatformTarget[]
}

/**
 * Analyses a range walk: per-mark statistics, the log-distance fit, reliable and leak ranges on the
 * approach (`in`) side and the wrong (`out`) side, the interference class and recommendations.
 * Pure and synchronous; a million samples take 0.3–0.7 s (docs/rf-analysis.md).
 */
export function analyzeSurvey(samples: readonly Sample[], options: SurveyOptions = {}): SurveyAnalysis {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD_DBM
  const offset = options.calibrationOffsetDb ?? 0
  const columns = groupByMark(samples, offset)
  const stats = describeMarks(columns)
  const model = fitSurveyModel(stats)
  const wholeSeconds = hasWholeSecondTimes(columns.t)
  const advInterval = advIntervalOf(options, columns)
  const copies = copiesPerEvent(columns, wholeSeconds)
  const reception = columns.marks.map((mark) => markReception(columns.t, mark, advInterval?.ms ?? null, wholeSeconds, copies))
  // A mark at a negative distance is listed (and left out of the fit) but is no point of a range.
  const rangeMarks = (side: Side) =>
    stats.filter((s) => s.side === side && s.distance_m >= 0).map((s) => ({ distance_m: s.distance_m, pUnlock: pUnlockAt(s, threshold) }))
  const inside = sideRanges(rangeMarks('in'))
  const outside = sideRanges(rangeMarks('out'))
  const site = measureSite(stats, reception, model, advInterval, wholeSeconds)
  const verdict = classifyInterference(site)
  const platforms = options.platforms ? fitPlatforms(options.platforms, stats, threshold) : undefined
  return {
    samples: samples.length,
    threshold_dBm: threshold,
    calibrationOffset_dB: offset,
    marks: stats.map((s, i) => markResult(s, reception[i]!, model, threshold)),
    model: modelResult(model),
    reliableRange_m: inside?.reliableRange_m ?? null,
    leakRange_m: inside?.leakRange_m ?? null,
    leaksToWrongSide: leaksToWrongSide(rangeMarks('out')),
    sides: { in: inside, out: outside },
    advInterval,
    interference: verdict,
    recommendations: recommend({ threshold_dBm: threshold, marks: stats.filter((s) => s.distance_m >= 0), inside, outside, site, verdict, platforms: platforms ?? [] }),
    ...(platforms ? { platforms } : {})
  }
}

/**
 * The model is fitted on the in-side marks at d > 0: the out side is behind the door or wall, and its
 * extra loss is evidence (absorption), not path loss. With no in-side marks, all marks are used.
 */
export function fitSurveyModel(stats: readonly MarkStats[]): PathLossModel | null {
  const inside = stats.filter((s) => s.side === 'in')
  return fitLogDistance(inside.length > 0 ? inside : stats)
}

function advIntervalOf(options: SurveyOptions, columns: SurveyColumns): AdvInterval | null {
  if (options.advIntervalMs !== undefined && options.advIntervalMs > 0) return { ms: options.advIntervalMs, source: 'option' }
  const inferred = inferAdvInterval(columns)
  return inferred === null ? null : { ms: inferred, source: 'inferred' }
}

function markResult(s: MarkStats, reception: MarkReception, model: PathLossModel | null, threshold: number): MarkResult {
  const estimate = model ? estimateDistance(model, s.median) : null
  return {
    distance_m: s.distance_m,
    side: s.side,
    count: s.count,
    median: round(s.median, 2),
    p10: round(s.p10, 2),
    p90: round(s.p90, 2),
    fadeDepth_dB: round(s.fadeDepth_dB, 2),
    pUnlock: round(pUnlockAt(s, threshold), 4),
    estimatedDistance_m: estimate === null ? null : round(estimate, 3),
    windowedMedian: round(s.windowedMedian, 2),
    windowedMedianSpread_dB: round(s.windowedMedianSpread_dB, 2),
    deepFadeShare: round(s.deepFadeShare, 4),
    kFactor_dB: s.kFactor_dB === null ? null : round(s.kFactor_dB, 2),
    channelSpread_dB: s.channelSpread_dB === null ? null : round(s.channelSpread_dB, 2),
    receivedPerSecond: reception.receivedPerSecond === null ? null : round(reception.receivedPerSecond, 3),
    prr: reception.prr === null ? null : round(reception.prr, 4)
  }
}

function modelResult(model: PathLossModel | null): SurveyAnalysis['model'] {
  if (!model) return { rssiAt1m: null, exponent: null, sigma_dB: null, r2: null, marksUsed: 0 }
  return {
    rssiAt1m: round(model.rssiAt1m, 2),
    exponent: round(model.exponent, 3),
    sigma_dB: round(model.sigma_dB, 2),
    r2: model.r2 === null ? null : round(model.r2, 4),
    marksUsed: model.marksUsed
  }
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}
