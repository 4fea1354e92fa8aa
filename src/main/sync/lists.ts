import { LintelError } from '../../shared/contract/result'
import { SyncErrorCode, type Answer, type DoorFlowApi } from './doorflowApi'
import { withRetries, type Backoff } from './backoff'

type Item = Record<string, unknown>

/**
 * A list body as DoorFlow's guide shows it (`{"people": [...]}`), as its OpenAPI describes it
 * (a plain array), or wrapped under another name (`data`, or the body's only array).
 */
export function listItems(body: unknown, key: string | readonly string[]): Item[] {
  const keys = typeof key === 'string' ? [key] : key
  const items = Array.isArray(body) ? body : wrapped(body, keys)
  if (!Array.isArray(items)) throw new LintelError(SyncErrorCode.badAnswer, `DoorFlow answered a list of ${keys[0] ?? 'items'} in an unknown shape`)
  return items.filter((item): item is Item => typeof item === 'object' && item !== null)
}

function wrapped(body: unknown, keys: readonly string[]): unknown {
  if (typeof body !== 'object' || body === null) return undefined
  const record = body as Item
  for (const key of [...keys, 'data']) if (Array.isArray(record[key])) return record[key]
  const arrays = Object.values(record).filter(Array.isArray)
  return arrays.length === 1 ? arrays[0] : undefined
}

/** GET with retries on unknown or unreadable answers (reads are safe to repeat); null for 404. */
export async function read(api: DoorFlowApi, path: string, backoff: Backoff): Promise<unknown> {
  return (await readAnswer(api, path, backoff))?.body ?? null
}

/** Like {@link read}, with the answer's headers (for `Total` and `Per-Page`); undefined for 404. */
async function readAnswer(api: DoorFlowApi, path: string, backoff: Backoff): Promise<Extract<Answer, { kind: 'ok' }> | undefined> {
  const answer = await withRetries(backoff, () => api.request('GET', path))
  if (answer.kind === 'ok') return answer
  if (answer.kind === 'not_found') return undefined
  if (answer.kind === 'rejected') throw new LintelError('sync_rejected', `GET ${path}: ${answer.message}`)
  if (answer.kind === 'forbidden') throw new LintelError(SyncErrorCode.forbidden, answer.message)
  if (answer.kind === 'bad_answer') throw new LintelError(SyncErrorCode.badAnswer, answer.message)
  throw new LintelError('sync_unreachable', `GET ${path}: no answer (${answer.reason})`)
}

/** How to page a list: the page-size parameter (`per_page`, or `n` for events), its size, and extra query. */
export interface ListOptions {
  query?: Record<string, string>
  perPage?: number
  perPageParam?: 'per_page' | 'n'
  /** False for lists DoorFlow does not page (`/groups`): one GET, no paging parameters. */
  paged?: boolean
}

/** A list as read: its records, whether every page was read, and why not. */
export interface ListRead {
  items: Item[]
  complete: boolean
  warning?: string
}

/** Every record of a list (see {@link eachPage}); [] for a 404. */
export async function readList(api: DoorFlowApi, path: string, key: string | readonly string[], backoff: Backoff, options: ListOptions = {}): Promise<ListRead> {
  const items: Item[] = []
  const end = await eachPage(api, path, key, backoff, options, (page) => void items.push(...page))
  return { items, ...end }
}

/** Every record of a list, or an error if the server stopped paging properly. */
export async function readAll(api: DoorFlowApi, path: string, key: string | readonly string[], backoff: Backoff, options: ListOptions = {}): Promise<Item[]> {
  const list = await readList(api, path, key, backoff, options)
  if (!list.complete) throw new LintelError(SyncErrorCode.badAnswer, list.warning ?? `GET ${path}: the list could not be read to its end`)
  return list.items
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

const headerNumber = (value: unknown): number | undefined => {
  const n = Number(Array.isArray(value) ? value[0] : value)
  return typeof value !== 'undefined' && Number.isInteger(n) && n >= 0 ? n : undefined
}

/**
 * Calls `take` with each page's new records until it returns true or the list ends. The list ends
 * when `Total` records were read; without a `Total` header, at an empty page or one shorter than the
 * first (a server may cap the page size). A page that brings only records already read (a server
 * repeating a page) stops the reading: the list is then incomplete, with a warning.
 */
async function eachPage(api: DoorFlowApi, path: string, key: string | readonly string[], backoff: Backoff, options: ListOptions, take: (items: Item[]) => boolean | void): Promise<{ complete: boolean; warning?: string }> {
  const sep = path.includes('?') ? '&' : '?'
  if (options.paged === false) {
    const query = new URLSearchParams(options.query ?? {}).toString()
    const answer = await readAnswer(api, query ? `${path}${sep}${query}` : path, backoff)
    if (answer) take(listItems(answer.body, key))
    return { complete: true }
  }
  const perPage = options.perPage ?? 100
  const seen = new Set<string>()
  let pageSize = perPage
  let read = 0
  for (let page = 1; page < 100_000; page++) {
    const query = new URLSearchParams({ ...options.query, page: String(page), [options.perPageParam ?? 'per_page']: String(perPage) })
    const answer = await readAnswer(api, `${path}${sep}${query.toString()}`, backoff)
    if (answer === undefined) return { complete: page === 1 }
    const items = listItems(answer.body, key)
    const total = headerNumber(answer.headers?.total)
    const fresh = items.filter((item) => item.id === undefined || item.id === null || (!seen.has(String(item.id)) && Boolean(seen.add(String(item.id)))))
    read += fresh.length
    if (take(fresh) === true) return { complete: false }
    if (items.length > 0 && fresh.length === 0 && (total === undefined || read < total)) {
      return { complete: false, warning: `GET ${path}: DoorFlow sent page ${page} again (only records already read); stopped after ${read}${total === undefined ? '' : ` of ${total}`} records` }
    }
    if (total !== undefined && read >= total) return { complete: true }
    if (items.length === 0) return { complete: total === undefined || read >= total, ...(total !== undefined && read < total ? { warning: `GET ${path}: the list ended after ${read} of ${total} records` } : {}) }
    if (page === 1) pageSize = headerNumber(answer.headers?.['per-page']) ?? Math.min(items.length, perPage)
    if (total === undefined && items.length < pageSize) return { complete: true }
  }
  return { complete: false, warning: `GET ${path}: too many pages` }
}
