import { LintelError } from '../../shared/contract/result'
import type { Store } from '../store/store'
import type { Backoff } from './backoff'
import { SyncErrorCode, type DoorFlowApi } from './doorflowApi'
import { readList, type ListRead } from './lists'
import { channelFromRemote, credentialFromRemote, eventFromRemote, groupFromRemote, personFromRemote, typeFromRemote } from './shapes'

/** What one pull brought, and what it could not read (each also a sync-log warning). */
export interface PullCounts {
  credential_types: number
  groups: number
  people: number
  credentials: number
  doors: number
  events: number
  warnings: string[]
}

/** How a pull runs: the events window in days (default 14). */
export interface PullOptions {
  eventDays?: number
}

type Item = Record<string, unknown>

interface PullContext {
  store: Store
  api: DoorFlowApi
  backoff: Backoff
  counts: PullCounts
}

/** Codes of errors that stop one part of a pull (logged, the rest goes on); others (401) stop the sync. */
const PART_ERRORS = new Set<string>([SyncErrorCode.badAnswer, SyncErrorCode.forbidden, 'sync_rejected', 'sync_unreachable'])
const CLOCK_WARN_MS = 2 * 60_000

/**
 * Pulls the account into the replica: its sync status, credential types (by `code`), groups,
 * people changed since the last pull (`since_utc`), every credential, channels as doors, and the
 * events of the last days. A part that cannot be read is a sync-log warning; the others go on and
 * nothing local is lost.
 */
export async function pullSite(store: Store, api: DoorFlowApi, backoff: Backoff, options: PullOptions = {}): Promise<PullCounts> {
  const ctx: PullContext = { store, api, backoff, counts: { credential_types: 0, groups: 0, people: 0, credentials: 0, doors: 0, events: 0, warnings: [] } }
  await part(ctx, 'the account', () => pullAccount(ctx))
  checkClock(ctx)
  await part(ctx, 'credential types', () => pullTypes(ctx))
  await part(ctx, 'groups', () => pullGroups(ctx))
  await part(ctx, 'people', () => pullPeople(ctx))
  await part(ctx, 'credentials', () => pullCredentials(ctx))
  await part(ctx, 'doors (channels)', () => pullChannels(ctx))
  await part(ctx, 'events', () => pullEvents(ctx, options.eventDays ?? 14))
  return ctx.counts
}

/** Only what pushes need: the account's credential types and groups (for the remote-id maps). */
export async function pullMaps(store: Store, api: DoorFlowApi, backoff: Backoff): Promise<PullCounts> {
  const ctx: PullContext = { store, api, backoff, counts: { credential_types: 0, groups: 0, people: 0, credentials: 0, doors: 0, events: 0, warnings: [] } }
  await part(ctx, 'credential types', () => pullTypes(ctx))
  await part(ctx, 'groups', () => pullGroups(ctx))
  return ctx.counts
}

async function part(ctx: PullContext, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (!(error instanceof LintelError) || !PART_ERRORS.has(error.code)) throw error
    warn(ctx, `${what} not pulled: ${error.message}`)
  }
}

function warn(ctx: PullContext, message: string, entity: string | null = null, id: string | null = null): void {
  ctx.counts.warnings.push(message)
  ctx.store.syncState.log('warn', message, entity, id)
}

/** Reads a list; a list that could not be read to its end is a warning (and callers do not delete on it). */
async function list(ctx: PullContext, path: string, key: string | readonly string[], options: Parameters<typeof readList>[4]): Promise<ListRead> {
  const read = await readList(ctx.api, path, key, ctx.backoff, options)
  if (read.warning) warn(ctx, read.warning)
  return read
}

async function pullAccount(ctx: PullContext): Promise<void> {
  const answer = await ctx.api.request('GET', '/account')
  if (answer.kind !== 'ok' || typeof answer.body !== 'object' || answer.body === null) return
  const account = answer.body as Item
  ctx.store.syncState.setMeta('doorflow_account', JSON.stringify({ name: account.name, time_zone: account.time_zone, sync: account.sync, pulled_at: new Date(ctx.api.serverNow()).toISOString() }))
  adoptTimeZone(ctx, account.time_zone)
}

/**
 * A database whose time zone was only taken from the machine (meta `timezone_source` = `machine`,
 * set by whoever created it without `--time-zone`) takes DoorFlow's account zone at the first pull.
 */
function adoptTimeZone(ctx: PullContext, zone: unknown): void {
  if (typeof zone !== 'string' || ctx.store.syncState.meta('timezone_source') !== 'machine') return
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    return warn(ctx, `DoorFlow's account time zone "${zone}" is not a known zone; the site keeps its own`)
  }
  ctx.store.transaction(() => {
    ctx.store.replica.setSiteTimeZone(zone)
    ctx.store.syncState.setMeta('timezone_source', 'doorflow')
    ctx.store.syncState.log('info', `the site's time zone is now DoorFlow's account zone, ${zone}`)
  })
}

function checkClock(ctx: PullContext): void {
  const offset = ctx.api.clockOffsetMs()
  if (Math.abs(offset) < CLOCK_WARN_MS) return
  const minutes = Math.round(Math.abs(offset) / 60_000)
  warn(ctx, `this computer's clock is ${minutes} min ${offset > 0 ? 'behind' : 'ahead of'} DoorFlow's; pulls follow DoorFlow's time (its record times and Date header), so nothing is skipped`)
}

async function pullTypes(ctx: PullContext): Promise<void> {
  const { items } = await list(ctx, '/credential_types', 'credential_types', { perPage: 500 })
  const types = items.map(typeFromRemote)
  ctx.store.transaction(() => ctx.store.replica.saveAccountTypes(types))
  ctx.counts.credential_types = types.length
}

async function pullGroups(ctx: PullContext): Promise<void> {
  const { items } = await list(ctx, '/groups', 'groups', { paged: false })
  const groups = items.map(groupFromRemote)
  ctx.store.transaction(() => {
    ctx.store.replica.saveGroups(groups)
    for (const id of ctx.store.replica.unlinkMissingGroups(new Set(groups.map((g) => g.remote_id)))) {
      ctx.store.syncState.log('warn', `group ${id} is no longer on DoorFlow: kept here with its rules, no longer sent`, 'group', id)
    }
  })
  ctx.counts.groups = groups.length
}

async function pullPeople(ctx: PullContext): Promise<void> {
  const { store } = ctx
  const since = store.syncState.meta('people_since_utc') ?? store.syncState.meta('people_since') ?? undefined
  const startedAt = ctx.api.serverNow()
  const read = await list(ctx, '/people', 'people', { perPage: 100, query: since ? { since_utc: since } : {} })
  const people = read.items.map(personFromRemote)
  store.transaction(() => {
    const outcome = store.replica.applyPeople(people, store.systemId(''))
    for (const w of outcome.warnings) warn(ctx, w.message, 'person', w.personId)
    const next = nextSince(read.items, since, startedAt)
    if (read.complete && next) store.syncState.setMeta('people_since_utc', next)
  })
  ctx.counts.people = people.length
  if (since && read.complete) await removeDeletedPeople(ctx)
}

/**
 * An incremental pull cannot see deletions: when DoorFlow's `Total` of people is below the number
 * linked here, every id is read and the people DoorFlow no longer has are removed (or flagged).
 */
async function removeDeletedPeople(ctx: PullContext): Promise<void> {
  const linked = ctx.store.replica.linkedPeople()
  const probe = await ctx.api.request('GET', '/people?page=1&per_page=1')
  const total = probe.kind === 'ok' ? Number(probe.headers?.total) : NaN
  if (!Number.isFinite(total) || total >= linked.size) return
  const all = await list(ctx, '/people', 'people', { perPage: 100 })
  if (!all.complete) return
  const present = new Set(all.items.map((p) => String(p.id)))
  ctx.store.transaction(() => {
    for (const [remote, local] of linked) {
      if (present.has(remote)) continue
      if (ctx.store.replica.hasUnpushedChangesWithin(local)) {
        ctx.store.syncState.flag('person', local, 'deleted_on_doorflow', 'deleted on DoorFlow; kept here because it has changes not yet pushed')
        warn(ctx, `person ${local} was deleted on DoorFlow but has changes not yet pushed; kept here and flagged`, 'person', local)
      } else {
        ctx.store.replica.removePulledPerson(local)
        ctx.store.syncState.log('info', `person ${local} was deleted on DoorFlow; removed here`, 'person', local)
      }
    }
  })
}

/**
 * The cursor of the next pull: the newest `updated_at` DoorFlow gave (its own clock). A server
 * whose people carry no `updated_at` gets this pull's start by DoorFlow's clock, 5 minutes early
 * (people read twice are only refreshed again).
 */
export function nextSince(people: readonly Item[], since: string | undefined, startedAt: number): string | undefined {
  const stamps = people.map((p) => p.updated_at).filter((t): t is string => typeof t === 'string' && t !== '')
  if (stamps.length > 0) return stamps.reduce((a, b) => (b > a ? b : a), since ?? '')
  if (people.length > 0) return new Date(startedAt - 5 * 60_000).toISOString()
  return since
}

async function pullCredentials(ctx: PullContext): Promise<void> {
  const read = await list(ctx, '/credentials', ['credentials', 'person_credentials'], { perPage: 1000 })
  const credentials = read.items.map((c) => credentialFromRemote(c))
  ctx.store.transaction(() => {
    const outcome = ctx.store.replicaSite.applyCredentials(credentials, read.complete)
    for (const f of outcome.flagged) {
      ctx.store.syncState.flag('credential', f.localId, 'deleted_on_doorflow', f.message)
      warn(ctx, f.message, 'credential', f.localId)
    }
    if (outcome.removed) ctx.store.syncState.log('info', `${outcome.removed} credentials deleted on DoorFlow were removed here`)
  })
  ctx.counts.credentials = credentials.length
}

async function pullChannels(ctx: PullContext): Promise<void> {
  const { items } = await list(ctx, '/channels', 'channels', { perPage: 1000 })
  const channels = items.map(channelFromRemote)
  ctx.store.transaction(() => ctx.store.replicaSite.applyChannels(channels))
  ctx.counts.doors = channels.length
}

async function pullEvents(ctx: PullContext, days: number): Promise<void> {
  const windowStart = new Date(ctx.api.serverNow() - days * 86_400_000).toISOString()
  const newest = ctx.store.replicaSite.newestEventAt()
  const since = newest && newest > windowStart ? newest : windowStart
  const { items } = await list(ctx, '/events', 'events', { perPage: 1000, perPageParam: 'n', query: { since, sort: 'ASC' } })
  const pins = ctx.store.replicaSite.pinValues()
  const events = items.map((e) => eventFromRemote(e, pins))
  ctx.store.transaction(() => {
    ctx.store.replicaSite.addEvents(events)
    ctx.store.replicaSite.pruneEvents(windowStart)
  })
  ctx.counts.events = events.length
}
