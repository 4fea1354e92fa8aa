import { LintelError } from '../../shared/contract/result'
import type { Logger } from '../logger'
import type { OutboxRow } from '../store/outbox'
import type { Store } from '../store/store'
import { DEFAULT_BACKOFF, type Backoff } from './backoff'
import { DoorFlowApi, SyncErrorCode } from './doorflowApi'
import { Ledger } from './ledger'
import { pullMaps, pullSite, type PullCounts } from './pull'
import { pushCredential, pushPerson, type PushContext, type SyncFailure } from './push'
import type { TokenStore, Tokens } from './tokens'

export interface SyncOptions {
  /** The API's base URL; /api/3/ paths are appended. */
  baseUrl: string
  tokens: Tokens
  tokenStore?: TokenStore
  /** Requests in flight at once (default 4). */
  concurrency?: number
  backoff?: Backoff
  /** Pull the account into the replica first (default true); false still reads the credential types and groups pushes need. */
  pull?: boolean
  /** Days of events kept (default 14). */
  eventDays?: number
  /** This computer's clock (tests set it off DoorFlow's). */
  now?: () => number
  log: Logger
  onProgress?: (progress: SyncProgress) => void
}

export interface SyncProgress {
  done: number
  total: number
}

/** What one sync did. `failed` lists every operation still open, and why. */
export interface SyncReport {
  pushed: number
  reconciled: number
  failed: SyncFailure[]
  /** Disables DoorFlow did not confirm on reading back; revoke is offered for each. */
  unconfirmed: SyncFailure[]
  retries: number
  pulled: PullCounts | null
}

const PHASES: { entity: OutboxRow['entity']; ops: OutboxRow['op'][] }[] = [
  { entity: 'person', ops: ['create', 'update'] },
  { entity: 'credential', ops: ['create', 'update', 'delete'] },
  { entity: 'person', ops: ['delete'] }
]

/**
 * Pushes the outbox to DoorFlow exactly once per operation: people before their credentials,
 * deletes of people last, each phase with bounded concurrency. Only one sync runs per database.
 */
export async function syncOutbox(store: Store, options: SyncOptions): Promise<SyncReport> {
  const ledger = new Ledger(store)
  const api = new DoorFlowApi({
    baseUrl: options.baseUrl,
    tokens: options.tokens,
    ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}),
    onRateLimited: (ms) => ledger.log('warn', `DoorFlow asked to slow down; pausing ${Math.round(ms)} ms`),
    ...(options.now ? { now: options.now } : {})
  })
  const release = acquireLock(store)
  try {
    store.transaction(() => store.outbox.materializeCreates())
    const recovered = store.outbox.recoverInterrupted()
    if (recovered) ledger.log('warn', `${recovered} operations were on the wire when the last sync stopped; they will be reconciled`)
    const backoff = options.backoff ?? DEFAULT_BACKOFF
    const pulled = options.pull === false ? null : await pullSite(store, api, backoff, options.eventDays === undefined ? {} : { eventDays: options.eventDays })
    if (options.pull === false) await pullMaps(store, api, backoff)
    const ctx: PushContext = { api, store, ledger, backoff, stats: { pushed: 0, reconciled: 0, retries: 0 }, failures: [], unconfirmed: [], missingScopes: new Set() }
    const waiting = store.outbox.waiting()
    await pushAll(ctx, waiting, options)
    const report = { ...ctx.stats, failed: [...ctx.failures, ...stillRefused(store, waiting)], unconfirmed: ctx.unconfirmed, pulled }
    ledger.log(report.failed.length ? 'warn' : 'info', `sync: ${report.pushed} pushed, ${report.reconciled} reconciled, ${report.retries} retries, ${report.failed.length} open`)
    ledger.trimLog()
    return report
  } finally {
    await api.settled()
    api.close()
    release()
  }
}

/**
 * Operations the server refused in an earlier run, not sent again until their record is edited:
 * still open, so they are listed (and make `lintel sync` exit 1).
 */
function stillRefused(store: Store, sent: readonly OutboxRow[]): SyncFailure[] {
  const seqs = new Set(sent.map((op) => op.seq))
  return store.outbox
    .refused()
    .filter((op) => !seqs.has(op.seq))
    .map((op) => {
      const fields = op.fields ? (JSON.parse(op.fields) as Record<string, string>) : {}
      return { entity: op.entity, id: op.entity_id, op: op.op, code: 'rejected', message: op.error ?? 'DoorFlow refused it', fields }
    })
}

async function pushAll(ctx: PushContext, waiting: OutboxRow[], options: SyncOptions): Promise<void> {
  const total = waiting.length
  let done = 0
  const step = (): void => options.onProgress?.({ done: ++done, total })
  for (const phase of PHASES) {
    const ops = waiting.filter((op) => op.entity === phase.entity && phase.ops.includes(op.op))
    const push = phase.entity === 'person' ? pushPerson : pushCredential
    await inParallel(ops, options.concurrency ?? 4, async (op) => {
      await push(ctx, op)
      step()
    })
  }
  options.onProgress?.({ done: total, total })
}

/** Runs `work` over `items` with at most `limit` at once; one record's operations stay in order. */
async function inParallel<T extends OutboxRow>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const chains = new Map<string, T[]>()
  for (const item of items) {
    const key = `${item.entity}:${item.entity_id}`
    chains.set(key, [...(chains.get(key) ?? []), item])
  }
  const queue = [...chains.values()]
  let next = 0
  // An error that stops the run (e.g. 401): the other workers finish the request they are in, then
  // stop, so nothing runs on after the store and the connections are closed.
  const stop: { error?: unknown; stopped: boolean } = { stopped: false }
  const worker = async (): Promise<void> => {
    while (!stop.stopped && next < queue.length) {
      const chain = queue[next++] ?? []
      for (const item of chain) {
        if (stop.stopped) return
        try {
          await work(item)
        } catch (error) {
          if (!stop.stopped) Object.assign(stop, { error, stopped: true })
          return
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, worker))
  if (stop.stopped) throw stop.error
}

/** One sync per database at a time; a lock left by a process that died is taken over. */
function acquireLock(store: Store): () => void {
  const holder = store.syncState.takeSyncLock(process.pid, alive)
  if (holder !== null) throw new LintelError(SyncErrorCode.busy, `another sync (process ${holder}) is running on this database`)
  return () => store.syncState.releaseSyncLock()
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
