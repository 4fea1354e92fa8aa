import type { RemoteAdmit } from '../../shared/diagnose'
import type { Id } from '../../shared/domain/site'
import { idKey } from '../store/database'
import type { Store } from '../store/store'
import { DoorFlowApi, sleep, type Answer } from './doorflowApi'
import type { TokenStore, Tokens } from './tokens'
import type { AdmitPersonBody } from './shapes'

/** The saved DoorFlow connection and how long to wait for the controller. */
export interface AdmitOptions {
  baseUrl: string
  tokens: Tokens
  tokenStore?: TokenStore
  /** How long to poll the admission request before giving up (default 60 s; DoorFlow itself gives up at 2 minutes). */
  timeoutMs?: number
  /** The pause between polls (default 1 s). */
  pollMs?: number
}

type Outcome = RemoteAdmit['outcome']
const FINAL = new Set<string>(['admitted', 'denied', 'offline', 'timeout'])

/** The DoorFlow ids of a local person and door, or what is not synced yet. */
function remoteIds(store: Store, personId: Id, doorId: Id): { person: number; channel: number } | string {
  const channel = store.replica.remoteIdOf('door', idKey(doorId))
  const person = store.people.remoteId(personId)
  if (channel === null) return `door ${idKey(doorId)} is not synced with DoorFlow yet (no channel linked): sync, then try again`
  if (person === null || person === undefined) return `person ${idKey(personId)} is not synced with DoorFlow yet: sync, then try again`
  return { person: Number(person), channel: Number(channel) }
}

/**
 * The remote test: asks DoorFlow to admit a person at a door (POST /channels/{id}/admit_person),
 * then polls the admission request until the controller admits, denies or is offline, or
 * `timeoutMs` passes. It opens the door, so callers run it only on explicit confirmation; the
 * request and its outcome go in the sync log. An unsynced person or door answers `unavailable`.
 */
export async function admitPerson(store: Store, options: AdmitOptions, personId: Id, doorId: Id): Promise<RemoteAdmit> {
  const ids = remoteIds(store, personId, doorId)
  const subject = `person ${idKey(personId)} at door ${idKey(doorId)}`
  if (typeof ids === 'string') return logged(store, personId, subject, { outcome: 'unavailable', message: `Not synced with DoorFlow yet: ${ids}.`, seconds: 0 })
  store.syncState.log('info', `remote test: asking DoorFlow to admit ${subject} (DoorFlow person ${ids.person}, channel ${ids.channel})`, 'person', idKey(personId))
  const api = new DoorFlowApi({ baseUrl: options.baseUrl, tokens: options.tokens, ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}) })
  const started = Date.now()
  try {
    const result = await requestAndPoll(api, ids, options)
    return logged(store, personId, subject, { ...result, seconds: Math.round((Date.now() - started) / 100) / 10 })
  } catch (error) {
    logged(store, personId, subject, { outcome: 'unavailable', message: error instanceof Error ? error.message : String(error), seconds: 0 })
    throw error
  } finally {
    await api.settled()
    api.close()
  }
}

/** Writes the outcome to the sync log and returns it. */
function logged(store: Store, personId: Id, subject: string, result: RemoteAdmit): RemoteAdmit {
  const level = result.outcome === 'admitted' ? 'info' : 'warn'
  store.syncState.log(level, `remote test: admit ${subject}: ${result.outcome}${result.message ? ` (${result.message})` : ''}`, 'person', idKey(personId))
  return result
}

/** The admit_person request (never repeated: it opens the door), then the polls. */
async function requestAndPoll(api: DoorFlowApi, ids: { person: number; channel: number }, options: AdmitOptions): Promise<Omit<RemoteAdmit, 'seconds'>> {
  const answer = await api.request('POST', `/channels/${ids.channel}/admit_person`, { person_id: ids.person } satisfies AdmitPersonBody)
  if (answer.kind !== 'ok') return refused(answer)
  const body = answer.body as { admission_request_id?: unknown; status?: unknown } | undefined
  if (typeof body?.status === 'string' && FINAL.has(body.status)) return { outcome: body.status as Outcome, message: null }
  const requestId = Number(body?.admission_request_id)
  if (!Number.isFinite(requestId)) return { outcome: 'unavailable', message: 'DoorFlow accepted the admission but gave no admission request id to follow.' }
  return poll(api, requestId, options)
}

/** Polls GET /admission_requests/{id} until a final status or the timeout; no answer or 404 counts as still pending. */
async function poll(api: DoorFlowApi, requestId: number, options: AdmitOptions): Promise<Omit<RemoteAdmit, 'seconds'>> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  const pause = options.pollMs ?? 1000
  while (Date.now() < deadline) {
    await sleep(Math.min(pause, Math.max(0, deadline - Date.now())))
    const answer = await api.request('GET', `/admission_requests/${requestId}`)
    if (answer.kind === 'ok') {
      const status = (answer.body as { status?: unknown } | undefined)?.status
      if (typeof status === 'string' && FINAL.has(status)) return { outcome: status as Outcome, message: null }
    } else if (answer.kind !== 'unknown' && answer.kind !== 'not_found') return refused(answer)
  }
  return { outcome: 'timeout', message: `admission request ${requestId} was still pending` }
}

/** A POST or poll DoorFlow did not take: a 403 without a missing admit scope is the controller's access refusing. */
function refused(answer: Exclude<Answer, { kind: 'ok' }>): Omit<RemoteAdmit, 'seconds'> {
  switch (answer.kind) {
    case 'forbidden':
      return answer.scope.includes('admit') ? { outcome: 'unavailable', message: answer.message } : { outcome: 'denied', message: 'DoorFlow refused the admission (403): the person has no access here' }
    case 'not_found':
      return { outcome: 'unavailable', message: 'DoorFlow does not know this channel or person (404): sync, then try again' }
    case 'unknown':
      return { outcome: 'unavailable', message: `DoorFlow did not answer the admission request (${answer.reason}); the door may have opened, check before trying again` }
    case 'rejected':
    case 'bad_answer':
      return { outcome: 'unavailable', message: answer.message }
  }
}
