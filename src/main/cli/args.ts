import { lookUp, namedEntities, type EntityKind, type Named } from '../../shared/domain/lookup'
import type { Site } from '../../shared/domain/site'
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

/** Error codes of a name on the command line that matches several entities, or none. */
export const NameErrorCode = { ambiguous: 'name_ambiguous', unknown: 'name_unknown' } as const

const PLURAL: Record<EntityKind, string> = { door: 'doors', person: 'people', group: 'groups', 'credential type': 'credential types', credential: 'credentials' }

/**
 * The entity `--door`, `--person`, `--group` or `--credential` names, by id or by name (CONVENTIONS.md).
 * Several matches exit 2 listing them. No match exits 2 listing the closest names, unless
 * `passUnknown` (decide): then the text goes on as an id, so the answer is `door_unknown`.
 */
export function entityId(raw: string, site: Site, kind: EntityKind, options: { option?: string; passUnknown?: boolean } = {}): Id {
  const option = `--${options.option ?? kind}`
  const found = lookUp(raw, namedEntities(site, kind))
  if (found.found === 'one') return found.id
  if (found.found === 'several') {
    throw new UsageError(`${option} ${raw}: matches ${found.candidates.length} ${PLURAL[kind]}: ${listed(found.candidates)}`, NameErrorCode.ambiguous)
  }
  if (options.passUnknown) return asId(raw)
  const hint = found.closest.length ? `; closest: ${listed(found.closest)}` : ''
  throw new UsageError(`${option} ${raw}: the site has no such ${kind}${hint}`, NameErrorCode.unknown)
}

/** An entity option when given: {@link entityId} on its text. */
export function entityOption(values: OptionValues, site: Site, kind: EntityKind, options: { option?: string; passUnknown?: boolean } = {}): Id | undefined {
  const raw = stringOption(values, options.option ?? kind)
  return raw === undefined ? undefined : entityId(raw, site, kind, options)
}

function listed(entities: readonly Named[]): string {
  return entities.map((e) => (e.names.length ? `${JSON.stringify(e.id)} ${JSON.stringify(e.label)}` : JSON.stringify(e.id))).join(', ')
}

/** Text typed for an id: a whole number is the number, anything else the string. */
function asId(raw: string): Id {
  const n = Number(raw)
  return /^-?\d+$/.test(raw) && Number.isSafeInteger(n) ? n : raw
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
