import type { InterferenceVerdict } from './interference'
import { pUnlockAt, type MarkStats } from './marks'
import { sortedQuantile } from './quantiles'
import { RELIABLE_P, sideRanges } from './ranges'
import type { PlatformFit, SideRangesResult } from './schema'
import type { SiteEvidence } from './siteEvidence'

/** Everything the recommendations may cite. */
export interface RecommendationInput {
  threshold_dBm: number
  marks: readonly MarkStats[]
  inside: SideRangesResult | null
  outside: SideRangesResult | null
  site: SiteEvidence
  verdict: InterferenceVerdict
  /** How the walk serves the site's phone platforms; their advice follows the reader's own. */
  platforms?: readonly PlatformFit[]
}

const pct = (p: number) => `${Math.round(p * 100)}%`
const m = (d: number) => `${+d.toFixed(2)} m`

/** Advice tied to the evidence; each sentence names the measurement behind it. */
export function recommend(input: RecommendationInput): string[] {
  const advice = [
    metalAdvice(input),
    absorptionAdvice(input),
    ...thresholdAdvice(input),
    deadSpotAdvice(input),
    walkFartherAdvice(input),
    ...intervalAdvice(input.site),
    ...(input.platforms ?? []).map((p) => p.advice)
  ].filter((a): a is string => a !== null)
  if (advice.length > 0) return advice
  const reach = input.inside?.reliableRange_m != null ? `reliable to ${m(input.inside.reliableRange_m)}` : 'ranges as measured'
  const wrongSide = input.outside ? 'no leak to the wrong side' : 'the wrong side was not surveyed'
  return [`No change needed: ${input.verdict.class} (confidence ${input.verdict.confidence}), ${reach}, ${wrongSide}.`]
}

function metalAdvice({ verdict, site }: RecommendationInput): string | null {
  if (verdict.class !== 'metal' && verdict.scores.metal < 0.5) return null
  const facts = [
    site.kFactor_dB !== null ? `Rician K ${site.kFactor_dB.toFixed(1)} dB (≤ 3 dB is Rayleigh-like)` : null,
    site.deepFadeShare !== null ? `${(site.deepFadeShare * 100).toFixed(1)}% of samples ≥ 15 dB below the local median` : null,
    site.channelSpread_dB !== null ? `channels ${site.channelSpread_dB.toFixed(1)} dB apart within one event` : null
  ].filter((f) => f !== null)
  return `Fit a non-metallic standoff spacer (10–20 mm) between the reader and the metal frame, or move the reader off the metal: strong multipath — ${facts.join(', ')}.`
}

function absorptionAdvice({ verdict, site }: RecommendationInput): string | null {
  if (verdict.class !== 'absorption' && verdict.scores.absorption < 0.5) return null
  if (site.exponent !== null && site.exponent >= 3) {
    return `Move the reader to the approach side of the wall or into the door opening: the approach side loses signal fast (n = ${site.exponent.toFixed(2)}, ≥ 3 means masonry or bodies in the path).`
  }
  const loss = (site.outsideExcess_dB ?? 0).toFixed(1)
  return `Keep the reader on the approach side of this wall: it absorbs ${loss} dB (out-side marks against the in-side model), so a reader mounted behind it would lose that much towards approaching phones.`
}

function thresholdAdvice(input: RecommendationInput): string[] {
  const { outside, inside } = input
  if (outside && outside.maxPUnlock > 0.05) return [raiseThreshold(input)]
  if (inside && !inside.reliableBeyondWalk && inside.reliableRange_m === null) {
    const lower = lowerThreshold(input)
    return lower ? [lower] : []
  }
  return []
}

function raiseThreshold({ marks, threshold_dBm }: RecommendationInput): string {
  const out = marks.filter((k) => k.side === 'out')
  const worst = out.reduce((a, b) => (pUnlockAt(b, threshold_dBm) > pUnlockAt(a, threshold_dBm) ? b : a))
  const needed = Math.ceil(Math.max(...out.map((k) => sortedQuantile(k.sorted, 0.95)))) + 1
  const leak = `the out-side mark at ${m(worst.distance_m)} unlocks ${pct(pUnlockAt(worst, threshold_dBm))} of the time at ${threshold_dBm} dBm`
  const inside = sideRanges(marks.filter((k) => k.side === 'in').map((k) => ({ distance_m: k.distance_m, pUnlock: pUnlockAt(k, needed) })))
  const reliable = inside?.reliableRange_m ?? (inside?.reliableBeyondWalk ? inside.farthestMark_m : null)
  if (reliable !== null && reliable > 0) {
    return `Raise the unlock threshold from ${threshold_dBm} to ${needed} dBm: ${leak}; at ${needed} dBm every out-side mark stays at or below 5% and the in side stays reliable to ${m(reliable)}.`
  }
  return `Move the reader away from the opening or put a wall between it and the other side: ${leak}, and a threshold high enough to stop that (${needed} dBm) leaves no in-side mark reliable.`
}

function lowerThreshold({ marks, threshold_dBm }: RecommendationInput): string | null {
  const inside = marks.filter((k) => k.side === 'in')
  const best = inside.reduce<MarkStats | null>((a, b) => (a === null || pUnlockAt(b, threshold_dBm) > pUnlockAt(a, threshold_dBm) ? b : a), null)
  if (!best) return null
  const lowered = Math.floor(sortedQuantile(best.sorted, 1 - RELIABLE_P))
  const out = marks.filter((k) => k.side === 'out')
  const leaks = out.filter((k) => pUnlockAt(k, lowered) > 0.05).map((k) => m(k.distance_m))
  const caution = leaks.length > 0 ? `; but the out side would then unlock at ${leaks.join(', ')}` : ''
  return `Lower the unlock threshold from ${threshold_dBm} to ${lowered} dBm: no in-side mark reaches 95% (best: ${m(best.distance_m)} at ${pct(pUnlockAt(best, threshold_dBm))}); at ${lowered} dBm that mark reaches 95%${caution}.`
}

function deadSpotAdvice({ inside }: RecommendationInput): string | null {
  if (!inside || inside.deadSpots_m.length === 0) return null
  const spots = inside.deadSpots_m.slice(0, 5).map(m).join(', ')
  const more = inside.deadSpots_m.length > 5 ? ` and ${inside.deadSpots_m.length - 5} more` : ''
  const edge = inside.reliableRange_m !== null ? m(inside.reliableRange_m) : `beyond ${m(inside.farthestMark_m)}`
  return `Move the reader 10–20 cm and re-test, moving the phone a few centimetres at each mark: dead spots below 95% at ${spots}${more} lie inside the reliable range (${edge}); multipath swings RSSI by up to 20 dB over 10–15 cm.`
}

function walkFartherAdvice({ inside, threshold_dBm }: RecommendationInput): string | null {
  if (!inside?.leakBeyondWalk) return null
  return `Walk beyond ${m(inside.farthestMark_m)}, or raise the threshold above ${threshold_dBm} dBm: the farthest in-side mark still unlocks above 5% of the time, so the leak range lies beyond the walk.`
}

function intervalAdvice(site: SiteEvidence): string[] {
  const interval = site.advInterval
  if (!interval) return []
  const advice: string[] = []
  const named = interval.source === 'inferred' ? `the inferred ${interval.ms} ms` : `${interval.ms} ms`
  if (site.receptionRatio !== null && site.receptionRatio < 0.5) {
    const shorter = Math.max(20, Math.round(interval.ms / 2))
    const received = `only ${pct(site.receptionRatio)} of the expected packets arrive (congested: < 50%)`
    advice.push(
      shorter < interval.ms
        ? `Shorten the advertising interval from ${named} to ${shorter} ms, or remove competing advertisers nearby: ${received}.`
        : `Remove or move competing advertisers and 2.4 GHz sources near the reader (${named} is already the shortest advertising interval): ${received}.`
    )
  } else if (interval.ms >= 1000) {
    advice.push(`Shorten the advertising interval from ${named} to 100–300 ms: a phone may wait over ${(interval.ms / 1000).toFixed(1)} s to see the reader.`)
  }
  return advice
}
