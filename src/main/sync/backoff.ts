import type { Answer } from './doorflowApi'
import { sleep } from './doorflowApi'

/** Exponential backoff with full jitter: attempt n waits a random time up to min(max, base·2ⁿ). */
export interface Backoff {
  readonly baseMs: number
  readonly maxMs: number
  /** Tries of one operation within a run before it is left for the next run. */
  readonly attempts: number
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 200, maxMs: 10_000, attempts: 8 }

export function backoffDelay(backoff: Backoff, attempt: number, random = Math.random): number {
  return random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt)
}

/** Repeats a safe (idempotent) request while its answer is unknown, with backoff. */
export async function withRetries(backoff: Backoff, send: () => Promise<Answer>, onRetry?: () => void): Promise<Answer> {
  let answer = await send()
  for (let attempt = 0; answer.kind === 'unknown' && attempt < backoff.attempts; attempt++) {
    onRetry?.()
    await sleep(backoffDelay(backoff, attempt))
    answer = await send()
  }
  return answer
}
