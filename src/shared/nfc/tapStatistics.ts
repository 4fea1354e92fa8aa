import { z } from 'zod'
import { sortedQuantile } from '../rf/quantiles'
import type { TapRecord } from './tapRecord'

/** A tap test's figures: how many reads succeeded, how fast, and why the others failed. */
export const TapStatisticsSchema = z.object({
  taps: z.number().int().nonnegative(),
  succeeded: z.number().int().nonnegative(),
  /** succeeded / taps, 0–1; null before the first tap. */
  successRate: z.number().min(0).max(1).nullable(),
  /** Read latency of the successful taps in milliseconds; null when there are none. */
  latencyMs: z.object({ p50: z.number(), p95: z.number(), max: z.number() }).nullable(),
  /** Failed taps by error code. */
  failuresByCause: z.record(z.string(), z.number().int().positive())
})
export type TapStatistics = z.infer<typeof TapStatisticsSchema>

/** Figures over any list of taps; the CLI summary and the Verify page both use it. */
export function tapStatistics(taps: readonly Pick<TapRecord, 'latency_ms' | 'error'>[]): TapStatistics {
  const latencies: number[] = []
  const failuresByCause: Record<string, number> = {}
  for (const tap of taps) {
    if (tap.error) failuresByCause[tap.error.code] = (failuresByCause[tap.error.code] ?? 0) + 1
    else latencies.push(tap.latency_ms)
  }
  const sorted = Float64Array.from(latencies).sort()
  return {
    taps: taps.length,
    succeeded: latencies.length,
    successRate: taps.length === 0 ? null : latencies.length / taps.length,
    latencyMs: sorted.length === 0 ? null : { p50: round(sortedQuantile(sorted, 0.5)), p95: round(sortedQuantile(sorted, 0.95)), max: round(sorted[sorted.length - 1]!) },
    failuresByCause
  }
}

const round = (ms: number): number => Math.round(ms * 100) / 100
