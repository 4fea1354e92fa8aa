import { UsageError } from './io'
import type { OptionValues } from './command'

type Id = string | number

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}

export function requireOption(values: OptionValues, name: string): string {
  const value = stringOption(values, name)
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`)
  return value
}

/**
 * `--door 3` matches the entity whose id is 3 or "3"; both existing is ambiguous (exit 2).
 * With no match the id is passed on as typed so the engine can answer "unknown".
 */
export function resolveId(raw: string, ids: Iterable<Id>, what: string): Id {
  const numeric = /^-?\d+$/.test(raw) ? Number(raw) : undefined
  let asNumber = false
  let asString = false
  for (const id of ids) {
    if (id === raw) asString = true
    else if (numeric !== undefined && id === numeric) asNumber = true
  }
  if (asNumber && asString) throw new UsageError(`--${what} ${raw} is ambiguous: the site has both ${raw} and "${raw}"`)
  if (asString) return raw
  return numeric !== undefined && Number.isSafeInteger(numeric) ? numeric : raw
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i

/** `--at` needs an ISO 8601 instant with Z or an offset; the default is now. */
export function instantOption(values: OptionValues, name = 'at', now = () => new Date()): string {
  const raw = stringOption(values, name)
  if (raw === undefined) return now().toISOString()
  if (!ISO_INSTANT.test(raw) || Number.isNaN(Date.parse(raw))) {
    throw new UsageError(`--${name} ${raw}: expected an ISO 8601 instant with Z or an offset, e.g. 2026-11-23T08:55:00Z`)
  }
  return raw
}

/** Positive integer option with a default. */
export function countOption(values: OptionValues, name: string, fallback: number, max = 1_000_000): number {
  const raw = stringOption(values, name)
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} ${raw}: expected a whole number from 1 to ${max}`)
  return n
}
