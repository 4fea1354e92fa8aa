import { isInstant } from '../time'

const DURATION = /^(\d+)(m|h|d)$/
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/**
 * `--since`: an ISO instant with an offset, or a duration back from `now` (`30m`, `2h`, `14d`).
 * Returns the ISO instant, or undefined when the text is neither.
 */
export function parseSince(text: string, now: number): string | undefined {
  const duration = DURATION.exec(text.trim())
  if (duration) return new Date(now - Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS]).toISOString()
  return isInstant(text) ? text : undefined
}
