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

/** Pages read at once once `Total` says how many there are. */
const PAGES_IN_FLIGHT = 4

type Page = { items: Item[]; total: number | undefined; perPage: number | undefined } | undefined

/**
 * Calls `take` with each page's new records, in page order, until it returns true or the list ends.
 * The list ends when `Total` records were read; without a `Total` header, at an empty page or one
 * shorter than the first (a server may cap the page size). When `Total` is given, the pages after
 * the first are read a few at a time. A page that brings only records already read (a server
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
  const fetchPage = async (n: number): Promise<Page> => {
    const query = new URLSearchParams({ ...options.query, page: String(n), [options.perPageParam ?? 'per_page']: String(perPage) })
    const answer = await readAnswer(api, `${path}${sep}${query.toString()}`, backoff)
    return answer && { items: listItems(answer.body, key), total: headerNumber(answer.headers?.total), perPage: headerNumber(answer.headers?.['per-page']) }
  }
  const reader = new PageReader(path, take)
  const first = await fetchPage(1)
  if (first === undefined) return { complete: true }
  const pageSize = first.perPage ?? Math.min(first.items.length, perPage)
  let end = reader.add(first, 1, pageSize)
  if (end || first.total === undefined || pageSize === 0) {
    for (let n = 2; !end && n < 100_000; n++) end = reader.add(await fetchPage(n), n, pageSize)
    return end ?? { complete: false, warning: `GET ${path}: too many pages` }
  }
  const pages = Math.ceil(first.total / pageSize)
  for (let n = 2; !end && n <= pages; n += PAGES_IN_FLIGHT) {
    const batch = await Promise.all(Array.from({ length: Math.min(PAGES_IN_FLIGHT, pages - n + 1) }, (_, i) => fetchPage(n + i)))
    for (const [i, page] of batch.entries()) end ??= reader.add(page, n + i, pageSize)
  }
  return end ?? { complete: false, warning: `GET ${path}: the pages ended before the Total DoorFlow gave` }
}

/** Takes pages in order, keeping what was read, and says when and how the list ended. */
class PageReader {
  private readonly seen = new Set<string>()
  private read = 0

  constructor(
    private readonly path: string,
    private readonly take: (items: Item[]) => boolean | void
  ) {}

  /** Adds page `n`; returns how the list ended, or undefined to go on. */
  add(page: Page, n: number, pageSize: number): { complete: boolean; warning?: string } | undefined {
    if (page === undefined) return { complete: n === 1 }
    const { items, total } = page
    const fresh = items.filter((item) => item.id === undefined || item.id === null || (!this.seen.has(String(item.id)) && Boolean(this.seen.add(String(item.id)))))
    this.read += fresh.length
    if (this.take(fresh) === true) return { complete: false }
    if (items.length > 0 && fresh.length === 0 && (total === undefined || this.read < total)) {
      return { complete: false, warning: `GET ${this.path}: DoorFlow sent page ${n} again (only records already read); stopped after ${this.read}${total === undefined ? '' : ` of ${total}`} records` }
    }
    if (total !== undefined && this.read >= total) return { complete: true }
    if (items.length === 0) return total !== undefined && this.read < total ? { complete: false, warning: `GET ${this.path}: the list ended after ${this.read} of ${total} records` } : { complete: true }
    if (total === undefined && items.length < pageSize) return { complete: true }
    return undefined
  }
}
