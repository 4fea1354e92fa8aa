import { LintelError } from '../../shared/contract/result'
import type { IncomingHttpHeaders } from 'node:http'
import { HttpClient, type HttpAnswer } from './http'
import type { TokenStore, Tokens } from './tokens'
import type { TokenForm } from './shapes'

/** Sync error codes that stop a whole run. */
export const SyncErrorCode = {
  unauthorized: 'sync_unauthorized',
  noToken: 'sync_no_token',
  busy: 'sync_busy',
  badApi: 'sync_bad_api',
  badAnswer: 'sync_bad_answer',
  forbidden: 'sync_forbidden'
} as const

/**
 * What came back from one request. `unknown`: no answer, a timeout or a 5xx, so the server may or
 * may not have applied a write. `rejected`: a 4xx with the server's field errors (never retried blindly).
 */
export type Answer =
  | { kind: 'ok'; status: number; body: unknown; headers?: IncomingHttpHeaders }
  | { kind: 'not_found' }
  | { kind: 'rejected'; status: number; message: string; fields: Record<string, string>; body: unknown }
  | { kind: 'forbidden'; scope: string; message: string }
  | { kind: 'bad_answer'; message: string }
  | { kind: 'unknown'; reason: string }

export interface DoorFlowApiOptions {
  /** The base URL; paths under /api/3/ are appended. */
  baseUrl: string
  tokens: Tokens
  /** Where rotated tokens are saved. */
  tokenStore?: TokenStore
  timeoutMs?: number
  /** Called when a 429 makes every request wait, with the wait in ms. */
  onRateLimited?: (waitMs: number) => void
  /** This computer's clock (a port, so tests can set it off DoorFlow's). */
  now?: () => number
}

/** The DoorFlow API v3 over fetch: bearer auth, refresh on 401 (once), and one shared pause on 429. */
export class DoorFlowApi {
  private tokens: Tokens
  private pausedUntil = 0
  /** The last access token the server answered with anything but 401. */
  private accepted = ''
  private refreshing: Promise<void> | undefined
  private readonly base: string
  private readonly http = new HttpClient()
  /** Why the last refresh failed, for the 401 message ('' when none did). */
  private refreshRefusal = ''
  /** DoorFlow's clock minus ours, from the Date header of its last answer. */
  private serverOffsetMs = 0
  private readonly now: () => number

  constructor(private readonly options: DoorFlowApiOptions) {
    this.tokens = options.tokens
    this.now = options.now ?? Date.now
    let url: URL
    try {
      url = new URL(options.baseUrl)
    } catch {
      throw new LintelError(SyncErrorCode.badApi, `--api ${options.baseUrl}: expected a base URL such as https://api.doorflow.com`)
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new LintelError(SyncErrorCode.badApi, `--api ${options.baseUrl}: expected http(s)`)
    // A base given with the API prefix already (`…/api/3`) is taken as its base, not doubled.
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/api\/3$/, '')}/api/3`
  }

  /**
   * One request; 401 refreshes and retries once, 429 waits `retry_in` seconds (or Retry-After) and
   * retries. A refreshed token refused again stops the run, unless the server had accepted it in
   * between (it expired again while this request waited): then it is refreshed again (at most 5 times).
   */
  async request(method: string, path: string, body?: unknown): Promise<Answer> {
    for (let refreshes = 0, stale = 0, limited = 0; ; ) {
      await this.waitForPause()
      await this.renewIfExpiring()
      const token = this.tokens.access_token
      const response = await this.send(method, path, body)
      if ('kind' in response) return response
      this.readClock(response)
      if (response.status === 401) {
        // Another worker refreshed while this request was out: try again with the new token.
        if (this.tokens.access_token !== token && stale++ < 10) continue
        const refusedAfterRefresh = refreshes > 0 && this.accepted !== token
        if (refusedAfterRefresh || refreshes >= 5 || !(await this.refresh(token))) {
          throw new LintelError(SyncErrorCode.unauthorized, `DoorFlow refused the token (401)${this.refreshRefusal}; sign in again or pass a new --token.`)
        }
        refreshes++
        continue
      }
      this.accepted = token
      if (response.status === 429 && limited++ < 100) {
        this.pause(retryDelayMs(response))
        continue
      }
      return answerOf(response, method, path)
    }
  }

  /** DoorFlow's time now, by its last Date header (our clock when it sent none). */
  serverNow(): number {
    return this.now() + this.serverOffsetMs
  }

  /** How far DoorFlow's clock is from this computer's, in ms (positive: DoorFlow is ahead). */
  clockOffsetMs(): number {
    return this.serverOffsetMs
  }

  private readClock(response: HttpAnswer): void {
    const date = response.headers.date
    const at = typeof date === 'string' ? Date.parse(date) : NaN
    if (Number.isFinite(at)) this.serverOffsetMs = at - this.now()
  }

  /** Renews the token a minute before `expires_in` runs out, instead of waiting for a 401. */
  private async renewIfExpiring(): Promise<void> {
    const expires = this.tokens.expires_at ? Date.parse(this.tokens.expires_at) : NaN
    if (!Number.isFinite(expires) || !this.tokens.refresh_token || this.now() < expires - 60_000) return
    if (await this.refresh(this.tokens.access_token)) return
    // Not renewed: use the token until DoorFlow refuses it (then the 401 path decides), without asking again each request.
    const { expires_at: _dropped, ...rest } = this.tokens
    this.tokens = rest
  }

  /** Resolves once no token refresh is in flight (a rotated token must be saved before the run ends). */
  async settled(): Promise<void> {
    await this.refreshing?.catch(() => undefined)
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.http.close()
  }

  private async send(method: string, path: string, body?: unknown): Promise<HttpAnswer | Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.tokens.access_token}`, accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    try {
      return await this.http.send(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: this.options.timeoutMs ?? 15_000 })
    } catch (error) {
      return { kind: 'unknown', reason: networkReason(error) }
    }
  }

  private pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms)
    this.options.onRateLimited?.(ms)
  }

  private async waitForPause(): Promise<void> {
    while (Date.now() < this.pausedUntil) await sleep(this.pausedUntil - Date.now())
  }

  /** Refreshes once for all workers that saw the same expired token; false when no refresh is configured. */
  private async refresh(expired: string): Promise<boolean> {
    if (this.tokens.access_token !== expired) return true
    if (!this.tokens.refresh_token) return false
    this.refreshing ??= this.rotate().finally(() => (this.refreshing = undefined))
    await this.refreshing
    return this.tokens.access_token !== expired
  }

  private async rotate(): Promise<void> {
    const url = this.tokens.token_url ?? `${this.base.replace(/\/api\/3$/, '')}/oauth/token`
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.tokens.refresh_token ?? '' } satisfies TokenForm)
    if (this.tokens.client_id) form.set('client_id', this.tokens.client_id)
    if (this.tokens.client_secret) form.set('client_secret', this.tokens.client_secret)
    const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }
    const response = await this.http.send(url, { method: 'POST', headers, body: form.toString(), timeoutMs: this.options.timeoutMs ?? 15_000 }).catch(() => undefined)
    if (!response || response.status !== 200) {
      const error = response ? String((parseJson(response.text) as { error?: unknown } | undefined)?.error ?? `HTTP ${response.status}`) : 'no answer'
      this.refreshRefusal = `, and refused to refresh it (${error}${error === 'invalid_client' ? ': pass the OAuth client id with --client-id' : ''})`
      return
    }
    const body = parseJson(response.text) as { access_token?: string; refresh_token?: string; expires_in?: unknown } | undefined
    if (!body?.access_token) return
    const lasts = Number(body.expires_in)
    const expiresAt = Number.isFinite(lasts) && lasts > 0 ? { expires_at: new Date(this.now() + lasts * 1000).toISOString() } : {}
    const { expires_at: _old, ...rest } = this.tokens
    this.tokens = { ...rest, ...expiresAt, access_token: body.access_token, refresh_token: body.refresh_token ?? this.tokens.refresh_token }
    this.options.tokenStore?.write(this.tokens)
  }
}

function answerOf(response: HttpAnswer, method: string, path: string): Answer {
  const body = parseJson(response.text)
  if (response.status >= 500) return { kind: 'unknown', reason: `HTTP ${response.status}` }
  if (response.status === 404) return { kind: 'not_found' }
  if (response.status === 403) return forbidden(body, method, path)
  if (response.status >= 400) return { kind: 'rejected', status: response.status, ...fieldErrors(body, response.status), body }
  const unreadable = notJson(response, body)
  if (unreadable) return { kind: 'bad_answer', message: `${method} ${path}: DoorFlow answered ${unreadable}` }
  return { kind: 'ok', status: response.status, body, headers: response.headers }
}

/** Why a 2xx body cannot be read, or undefined: HTML (a web page, not the API), or JSON cut short or malformed. */
function notJson(response: HttpAnswer, body: unknown): string | undefined {
  const type = String(response.headers['content-type'] ?? '')
  const text = response.text.trimStart()
  if (type.includes('html') || text.startsWith('<')) return 'with an HTML page, not JSON: is --api the address of DoorFlow\'s API?'
  if (body === undefined && text !== '' && type.includes('json')) return `JSON that cannot be read (cut short or malformed, ${response.text.length} bytes)`
  return undefined
}

/** The OAuth scope each kind of request needs, per DoorFlow's OpenAPI. */
export function scopeFor(method: string, path: string): string {
  const resource = path.match(/^\/(people|credentials|credential_types|channels|events|groups|account)/)?.[1] ?? ''
  const read = method === 'GET'
  const scopes: Record<string, string> = {
    people: read ? 'account.person.readonly' : 'account.person', credentials: 'account.person.readonly',
    credential_types: 'account.credential_type.readonly', channels: 'account.channel.readonly',
    events: 'account.event.access.readonly', groups: 'account.group.readonly', account: 'account'
  }
  return scopes[resource] ?? 'unknown'
}

function forbidden(body: unknown, method: string, path: string): Answer {
  const text = JSON.stringify(body ?? '')
  const named = text.match(/account(\.[a-z_]+)+/)?.[0]
  const scope = named ?? scopeFor(method, path)
  return { kind: 'forbidden', scope, message: `DoorFlow refused ${method} ${path.split('?')[0]} (403): the token lacks the scope ${scope}; fix the token's scopes and sync again` }
}

/** DoorFlow's `{"errors": {"value": ["is already in use"]}}` as field → sentence. */
export function fieldErrors(body: unknown, status: number): { message: string; fields: Record<string, string> } {
  const errors = (body as { errors?: unknown } | undefined)?.errors
  const fields: Record<string, string> = {}
  if (errors && typeof errors === 'object') {
    for (const [field, value] of Object.entries(errors)) {
      const text = (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [String(value)]).join('; ')
      if (text) fields[field] = `${field.replace(/_/g, ' ')} ${text}`
    }
  }
  const first = Object.values(fields)[0]
  const error = (body as { error?: unknown } | undefined)?.error
  const said = typeof error === 'string' && error ? `: ${error}` : ` (HTTP ${status})`
  return { message: first ? `DoorFlow refused it: ${first}` : `DoorFlow refused it${said}`, fields }
}

/**
 * How long a 429 asks to wait: `retry_in` seconds in the body (also inside `error`), else the
 * Retry-After header in seconds or as an HTTP date, else 1 s.
 */
export function retryDelayMs(response: Pick<HttpAnswer, 'text' | 'headers'>, now = Date.now()): number {
  const body = parseJson(response.text) as { retry_in?: unknown; error?: { retry_in?: unknown } } | undefined
  const given = body?.retry_in ?? (typeof body?.error === 'object' && body.error !== null ? body.error.retry_in : undefined)
  const retryIn = given === undefined || given === null || given === '' ? NaN : Number(given)
  if (Number.isFinite(retryIn) && retryIn >= 0) return retryIn * 1000
  const header = response.headers['retry-after']
  if (typeof header === 'string' && header.trim() !== '') {
    const seconds = Number(header)
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
    const at = Date.parse(header)
    if (Number.isFinite(at)) return Math.max(0, at - now)
  }
  return 1000
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined
  } catch {
    return undefined
  }
}

function networkReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
