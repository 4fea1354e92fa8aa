import { LintelError } from '../../shared/contract/result'
import type { DoorFlowApi } from './doorflowApi'
import { withRetries, type Backoff } from './backoff'

/** A list body as DoorFlow's guide shows it (`{"people": [...]}`) or as its OpenAPI SDK returns it (a plain array). */
export function listItems(body: unknown, key: string): Record<string, unknown>[] {
  const items = Array.isArray(body) ? body : (body as Record<string, unknown> | undefined)?.[key]
  if (!Array.isArray(items)) throw new LintelError('sync_bad_answer', `DoorFlow answered a list of ${key} in an unknown shape`)
  return items.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
}

/** GET with retries on unknown answers (reads are safe to repeat); null for 404. */
export async function read(api: DoorFlowApi, path: string, backoff: Backoff): Promise<unknown> {
  const answer = await withRetries(backoff, () => api.request('GET', path))
  if (answer.kind === 'ok') return answer.body
  if (answer.kind === 'not_found') return null
  if (answer.kind === 'rejected') throw new LintelError('sync_rejected', `GET ${path}: ${answer.message}`)
  throw new LintelError('sync_unreachable', `GET ${path}: no answer (${answer.reason})`)
}

/** Every page of a list (page/per_page), optionally only records changed since an instant. */
export async function readAll(api: DoorFlowApi, path: string, key: string, backoff: Backoff, options: { since?: string; perPage?: number } = {}): Promise<Record<string, unknown>[]> {
  const perPage = options.perPage ?? 100
  const all: Record<string, unknown>[] = []
  for (let page = 1; page < 10_000; page++) {
    const query = new URLSearchParams({ page: String(page), per_page: String(perPage) })
    if (options.since) query.set('since', options.since)
    const sep = path.includes('?') ? '&' : '?'
    const items = listItems(await read(api, `${path}${sep}${query.toString()}`, backoff), key)
    all.push(...items)
    if (items.length < perPage) break
  }
  return all
}
