import { z } from 'zod'

/** Which side of the door a mark is on: `in` is the approach side where phones should unlock, `out` the wrong side. */
export const SideSchema = z.enum(['in', 'out'])
export type Side = z.infer<typeof SideSchema>

/** The three BLE advertising channels. */
export const ChannelSchema = z.union([z.literal(37), z.literal(38), z.literal(39)])
export type Channel = z.infer<typeof ChannelSchema>

/** One RSSI reading of the surveyed reader, taken at a distance mark. `t` is in milliseconds; RSSI within the HCI range. */
export const SampleSchema = z.object({
  t: z.number(),
  rssi: z.number().min(-127).max(20),
  distance_m: z.number(),
  channel: ChannelSchema.optional(),
  side: SideSchema
})
export type Sample = z.infer<typeof SampleSchema>

/** Statistics of one distance mark (samples grouped by distance and side). */
export const MarkResultSchema = z.object({
  distance_m: z.number(),
  side: SideSchema,
  count: z.number().int().positive(),
  median: z.number(),
  p10: z.number(),
  p90: z.number(),
  /** 95th percentile of (local median − rssi): the worst 5% of samples fall at least this far below. */
  fadeDepth_dB: z.number(),
  /** Observed share of samples at or above the unlock threshold. */
  pUnlock: z.number().min(0).max(1),
  /** Distance the fitted model gives for this mark's median; null without a usable fit. */
  estimatedDistance_m: z.number().nullable(),
  /** Median of the sliding-window medians (window of 31 samples in time order). */
  windowedMedian: z.number(),
  /** Highest minus lowest sliding-window median within the mark. */
  windowedMedianSpread_dB: z.number(),
  /** Share of samples 15 dB or more below the local (windowed) median. */
  deepFadeShare: z.number().min(0).max(1),
  /** Rician K by the moment method on linear power, capped at 40 dB; null under 10 samples. */
  kFactor_dB: z.number().nullable(),
  /** Median over events heard on 2+ channels of the highest minus lowest RSSI; null without such events. */
  channelSpread_dB: z.number().nullable(),
  /** Received advertising events per second; null when timestamps cannot resolve events. */
  receivedPerSecond: z.number().nullable(),
  /** Received events over the events the advertising interval predicts; null without an interval. */
  prr: z.number().nullable()
})
export type MarkResult = z.infer<typeof MarkResultSchema>

/** Log-distance model RSSI(d) = rssiAt1m − 10·exponent·log10(d); fields are null when fewer than two distances > 0. */
export const PathLossModelSchema = z.object({
  rssiAt1m: z.number().nullable(),
  exponent: z.number().nullable(),
  sigma_dB: z.number().nullable(),
  r2: z.number().nullable(),
  marksUsed: z.number().int().nonnegative()
})
export type PathLossModelResult = z.infer<typeof PathLossModelSchema>

/** Ranges computed over the marks of one side. */
export const SideRangesSchema = z.object({
  reliableRange_m: z.number().nullable(),
  leakRange_m: z.number().nullable(),
  farthestMark_m: z.number(),
  /** Every mark, out to the farthest, has pUnlock ≥ 0.95: the reliable range lies beyond the walk. */
  reliableBeyondWalk: z.boolean(),
  /** The farthest mark still has pUnlock > 0.05: the leak range lies beyond the walk. */
  leakBeyondWalk: z.boolean(),
  /** Marks nearer than reliableRange_m with pUnlock < 0.95. */
  deadSpots_m: z.array(z.number()),
  maxPUnlock: z.number()
})
export type SideRangesResult = z.infer<typeof SideRangesSchema>

export const InterferenceClassSchema = z.enum(['clear', 'metal', 'absorption', 'congested'])
export type InterferenceClass = z.infer<typeof InterferenceClassSchema>

/** How the walk serves one phone platform of the site's rules (see fitPlatforms). */
export const PlatformFitSchema = z.object({
  platform: z.enum(['ios', 'android']),
  /** The radios the site's rules give this platform. */
  radios: z.array(z.string()),
  /** The site's unlock distance for the platform; null when it sets none. */
  unlockDistance_m: z.number().nullable(),
  /** The in-side mark that stands for that distance; null when none lies near it. */
  mark_m: z.number().nullable(),
  /** Observed share of that mark's samples at or above the threshold. */
  pUnlockAtMark: z.number().min(0).max(1).nullable(),
  /** Where unlocking stops on the in side at the threshold (the leak range); null beyond the walk or nowhere. */
  unlockStopsBy_m: z.number().nullable(),
  /** The highest threshold at which the mark at the unlock distance still unlocks 95% of the time, when a change is advised. */
  suggestedThreshold_dBm: z.number().nullable(),
  /** One sentence of advice, or null when the walk serves the platform as the site wants. */
  advice: z.string().nullable(),
  summary: z.string()
})
export type PlatformFit = z.infer<typeof PlatformFitSchema>

/** The result of `survey analyze`. */
export const SurveyAnalysisSchema = z.object({
  samples: z.number().int().nonnegative(),
  threshold_dBm: z.number(),
  calibrationOffset_dB: z.number(),
  marks: z.array(MarkResultSchema),
  model: PathLossModelSchema,
  reliableRange_m: z.number().nullable(),
  leakRange_m: z.number().nullable(),
  /** True when any out-side mark has pUnlock > 0.05; null when no out-side mark was surveyed. */
  leaksToWrongSide: z.boolean().nullable(),
  sides: z.object({ in: SideRangesSchema.nullable(), out: SideRangesSchema.nullable() }),
  advInterval: z.object({ ms: z.number(), source: z.enum(['option', 'inferred']) }).nullable(),
  interference: z.object({
    class: InterferenceClassSchema,
    confidence: z.number().min(0).max(1),
    evidence: z.array(z.string()),
    scores: z.object({ clear: z.number(), metal: z.number(), absorption: z.number(), congested: z.number() })
  }),
  recommendations: z.array(z.string()),
  /** Per phone platform of the site's rules, when the analysis was given them (the app, or the CLI with --db/--site). */
  platforms: z.array(PlatformFitSchema).optional()
})
export type SurveyAnalysis = z.infer<typeof SurveyAnalysisSchema>
