import { LintelError } from '../../shared/contract/result'
import type { DoorFlowApi } from './doorflowApi'
import { withRetries, type Backoff } from './backoff'

type Item = Record<string, unknown>

/**
 * A list body as DoorFlow's guide shows it (`{"people": [...]}`), as its OpenAPI SDK returns it
 * (a plain array), or wrapped under another name (`data`, or the body's only array).
 */
export function listItems(body: unknown, key: string | readonly string[]): Item[] {
  const keys = typeof key === 'string' ? [key] : key
  const items = Array.isArray(body) ? body : wrapped(body, keys)
  if (!Array.isArray(items)) throw new LintelError('sync_bad_answer', `DoorFlow answered a list of ${keys[0] ?? 'items'} in an unknown shape`)
  return items.filter((item): item is Item => typeof item === 'object' && item !== null)
}

function wrapped(body: unknown, keys: readonly string[]): unknown {
  if (typeof body !== 'object' || body === null) return undefined
  const record = body as Item
  for (const key of [...keys, 'data']) if (Array.isArray(record[key])) return record[key]
  const arrays = Object.values(record).filter(Array.isArray)
  return arrays.length === 1 ? arrays[0] : undefined
}

/** GET with retries on unknown answers (reads are safe to repeat); null for 404. */
export async function read(api: DoorFlowApi, path: string, backoff: Backoff): Promise<unknown> {
  const answer = await withRetries(backoff, () => api.request('GET', path))
  if (answer.kind === 'ok') return answer.body
  if (answer.kind === 'not_found') return null
  if (answer.kind === 'rejected') throw new LintelError('sync_rejected', `GET ${path}: ${answer.message}`)
  throw new LintelError('sync_unreachable', `GET ${path}: no answer (${answer.reason})`)
}

/**
 * Every page of a list (page/per_page), optionally only records changed since an instant; [] for
 * a 404. A server may cap per_page below what was asked: the first page's length is then taken
 * as its page size, and the list ends at a page shorter than that (or an empty one). A page that
 * brings nothing new (a server ignoring `page`) ends it too.
 */
export async function readAll(api: DoorFlowApi, path: string, key: string | readonly string[], backoff: Backoff, options: { since?: string; perPage?: number } = {}): Promise<Item[]> {
  const all: Item[] = []
  await eachPage(api, path, key, backoff, options, (items) => void all.push(...items))
  return all
}

/** The first record of a list that matches, reading pages only until it is found; undefined if none does. */
export async function findInList(api: DoorFlowApi, path: string, key: string | readonly string[], backoff: Backoff, match: (item: Item) => boolean): Promise<Item | undefined> {
  let found: Item | undefined
  await eachPage(api, path, key, backoff, {}, (items) => {
    found = items.find(match)
    return found !== undefined
  })
  return found
}

/** Calls `take` with each page's new records until it returns true or the list ends (see {@link readAll}). */
async function eachPage(api: DoorFlowApi, path: string, key: string | readonly string[], backoff: Backoff, options: { since?: string; perPage?: number }, take: (items: Item[]) => boolean | void): Promise<void> {
  const perPage = options.perPage ?? 100
  const seen = new Set<string>()
  let pageSize = perPage
  for (let page = 1; page < 10_000; page++) {
    const query = new URLSearchParams({ page: String(page), per_page: String(perPage) })
    if (options.since) query.set('since', options.since)
    const sep = path.includes('?') ? '&' : '?'
    const body = await read(api, `${path}${sep}${query.toString()}`, backoff)
    if (body === null && page === 1) return
    const items = listItems(body, key)
    const fresh = items.filter((item) => {
      if (item.id === undefined || item.id === null) return true
      const id = String(item.id)
      if (seen.has(id)) return false
      seen.add(id)
      return true
    })
    if (take(fresh) === true) return
    if (items.length === 0 || fresh.length === 0) break
    if (page === 1 && items.length < perPage) pageSize = items.length
    else if (items.length < pageSize) break
  }
}
