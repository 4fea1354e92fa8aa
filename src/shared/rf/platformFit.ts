import { pUnlockAt, type MarkStats } from './marks'
import { sortedQuantile } from './quantiles'
import { RELIABLE_P, sideRanges } from './ranges'
import type { PlatformFit } from './schema'

/**
 * One phone platform as the site's rules describe it (Settings → Platform rules, `lintel settings
 * site.*`): which radios it uses for mobile credentials, and how close it should unlock.
 */
export interface PlatformTarget {
  platform: 'ios' | 'android'
  radios: readonly string[]
  /** The site's unlock distance for this platform, in cm; absent when the site sets none. */
  unlockDistance_cm?: number | undefined
}

const NAME = { ios: 'iPhones', android: 'Android phones' } as const
/** A walk mark stands for the unlock distance when it lies this close to it (m), or within 25%. */
const MARK_TOLERANCE_M = 0.25
const pct = (p: number) => `${Math.round(p * 100)}%`
const m = (d: number) => `${+d.toFixed(2)} m`

/**
 * How this reader's measured walk serves each platform the site names: a Bluetooth walk says nothing
 * about a platform that presents by NFC only; for one that uses Bluetooth, the in-side mark at the
 * site's unlock distance shows whether it unlocks reliably there at the threshold, how far unlocking
 * reaches, and the threshold that would make that distance the reliable edge. Measured, like the
 * ranges: the model cannot represent the swings of a real room.
 */
export function fitPlatforms(targets: readonly PlatformTarget[], marks: readonly MarkStats[], threshold: number): PlatformFit[] {
  const inside = marks.filter((k) => k.side === 'in' && k.distance_m >= 0).sort((a, b) => a.distance_m - b.distance_m)
  return targets.map((target) => fitOne(target, inside, threshold))
}

function fitOne(target: PlatformTarget, inside: readonly MarkStats[], threshold: number): PlatformFit {
  const distance_m = target.unlockDistance_cm !== undefined ? target.unlockDistance_cm / 100 : null
  const base: PlatformFit = { platform: target.platform, radios: [...target.radios], unlockDistance_m: distance_m, mark_m: null, pUnlockAtMark: null, unlockStopsBy_m: null, suggestedThreshold_dBm: null, advice: null, summary: '' }
  const who = NAME[target.platform]
  if (!target.radios.includes('ble')) {
    return { ...base, summary: `${who} present by ${target.radios.join(' or ').toUpperCase()} at this site, not Bluetooth: this walk does not cover them.`, advice: `Test ${who} by presenting one at the reader's ${target.radios.join(' or ').toUpperCase()} pad: at this site they do not use Bluetooth, so this walk says nothing about them.` }
  }
  const stops = stopsBy(inside, threshold)
  if (distance_m === null) return { ...base, unlockStopsBy_m: stops.at, summary: `${who} use Bluetooth; the site sets no unlock distance for them (Settings → Platform rules).` }
  const mark = nearest(inside, distance_m)
  if (!mark) {
    return { ...base, unlockStopsBy_m: stops.at, summary: `${who}: no in-side mark near the site's ${m(distance_m)} unlock distance.`, advice: `Add a mark at ${m(distance_m)} on the approach side: it is the site's unlock distance for ${who}, and no mark of this walk lies within ${m(Math.max(MARK_TOLERANCE_M, distance_m * 0.25))} of it.` }
  }
  const p = pUnlockAt(mark, threshold)
  const fitted = Math.floor(sortedQuantile(mark.sorted, 1 - RELIABLE_P))
  const then = stopsBy(inside, fitted)
  const found = { ...base, mark_m: mark.distance_m, pUnlockAtMark: round(p), unlockStopsBy_m: stops.at }
  const reach = stops.beyondWalk ? `beyond the walk (${m(inside.at(-1)!.distance_m)})` : stops.at === null ? 'nowhere' : `by ${m(stops.at)}`
  const thenReach = then.beyondWalk ? `still unlocks beyond the walk` : then.at === null ? 'nothing unlocks' : `unlocking stops by ${m(then.at)}`
  if (p < RELIABLE_P) {
    return { ...found, suggestedThreshold_dBm: fitted, summary: `${who} unlock ${pct(p)} of the time at the site's ${m(distance_m)} (mark ${m(mark.distance_m)}): not reliable.`, advice: `Lower the unlock threshold from ${threshold} to ${fitted} dBm for ${who}: at the site's ${m(distance_m)} unlock distance the mark at ${m(mark.distance_m)} unlocks only ${pct(p)} of the time at ${threshold} dBm; at ${fitted} dBm it reaches 95% (and ${thenReach}).` }
  }
  const far = stops.beyondWalk || (stops.at !== null && stops.at > Math.max(2 * distance_m, distance_m + 0.5))
  if (far && fitted > threshold) {
    return { ...found, suggestedThreshold_dBm: fitted, summary: `${who} unlock reliably at the site's ${m(distance_m)}, and unlocking reaches ${reach}.`, advice: `Raise the unlock threshold from ${threshold} to ${fitted} dBm for ${who}: the site wants them to unlock at ${m(distance_m)}, but at ${threshold} dBm unlocking reaches ${reach}; at ${fitted} dBm the ${m(mark.distance_m)} mark still unlocks 95% of the time and ${thenReach}.` }
  }
  return { ...found, summary: `${who} unlock ${pct(p)} of the time at the site's ${m(distance_m)} (mark ${m(mark.distance_m)}), and unlocking stops ${reach}.` }
}

/** The in-side mark standing for a distance: the closest, if it lies within the tolerance. */
function nearest(inside: readonly MarkStats[], distance_m: number): MarkStats | null {
  let best: MarkStats | null = null
  for (const k of inside) if (!best || Math.abs(k.distance_m - distance_m) < Math.abs(best.distance_m - distance_m)) best = k
  return best && Math.abs(best.distance_m - distance_m) <= Math.max(MARK_TOLERANCE_M, distance_m * 0.25) ? best : null
}

/** Where unlocking stops on the in side at a threshold (the leak range), or that it reaches beyond the walk. */
function stopsBy(inside: readonly MarkStats[], threshold: number): { at: number | null; beyondWalk: boolean } {
  const ranges = sideRanges(inside.map((k) => ({ distance_m: k.distance_m, pUnlock: pUnlockAt(k, threshold) })))
  return { at: ranges?.leakRange_m ?? null, beyondWalk: ranges?.leakBeyondWalk ?? false }
}

const round = (p: number) => Math.round(p * 10_000) / 10_000
