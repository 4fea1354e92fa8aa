import { eventChannel, LintelError, ErrorCode, type LintelContract } from '../../shared/contract'
import { decide } from '../../shared/decision'
import type { NfcStatus } from '../../shared/domain/hardware'
import type { Settings } from '../../shared/domain/settings'
import type { Id } from '../../shared/domain/site'
import { aidList, enrolledIn, enrolValue, identifyTap, type AidEntry, type EnrolTapResult, type TapEvent, type TapRecord } from '../../shared/nfc'
import type { SimulatedCard } from '../../shared/nfc/simulated'
import type { EventHub } from '../contract/eventHub'
import type { CardTap, NfcReaders } from '../hardware/nfc'
import { SimulatedReaders } from '../hardware/nfc'
import type { Logger } from '../logger'
import { nfcStatusOf } from '../hardware/radioStatus'
import type { SiteService } from './siteService'

/** Stable codes of NFC failures that cross the contract. */
export const NfcErrorCode = { noTap: 'no_tap', notSimulated: 'not_simulated', notReading: 'not_reading' } as const

export interface NfcServiceDeps {
  readonly readers: NfcReaders
  readonly site: Pick<SiteService, 'snapshot' | 'compiledSite'>
  readonly settings: () => Settings
  readonly hub: EventHub<LintelContract>
  readonly log: Logger
  /** Whether pcscd's socket exists (the hardware probe). */
  readonly pcscd: () => boolean
}

export interface WaitOptions {
  readonly timeoutMs: number
  /**
   * When the timeout starts counting (epoch ms), for a command whose `--timeout` counts from its own
   * start. Without it the clock starts once the readers have started.
   */
  readonly countFrom?: number
  /** Only taps on this reader (its full PC/SC name). */
  readonly reader?: string
}

interface Waiter {
  readonly reader: string | undefined
  readonly resolve: (event: TapEvent) => void
}

const RECENT = 100
/** How long a tap wait may be held back while the PC/SC child starts (its own ready timeout is 15 s). */
const STARTUP_ALLOWANCE_MS = 15_000

/**
 * NFC verification: reads taps through the NfcReaders port, finds the credential each presents,
 * decides it at the chosen door, and streams the result as `nfc.tap` events.
 */
export class NfcService {
  private readonly readers: NfcReaders
  private doorId: Id | null = null
  private aidOverride: AidEntry[] | undefined
  private seq = 0
  private readonly recent: TapEvent[] = []
  private readonly waiters = new Set<Waiter>()

  constructor(private readonly deps: NfcServiceDeps) {
    this.readers = deps.readers
    this.readers.onEvent((event) => {
      if (event.type === 'tap') this.onTap(event.tap)
      else deps.hub.emit('nfc', 'status', this.status())
    })
    deps.hub.subscribe(eventChannel('app', 'settingsChanged'), () => this.readers.configure({ aids: this.aidCodes() }))
  }

  status(): NfcStatus {
    return nfcStatusOf(this.readers, this.deps.pcscd(), this.doorId)
  }

  /** Starts reading (idempotent) and sets the door taps are decided at; null or absent: the default door. */
  startReading(doorId?: Id | null): NfcStatus {
    this.doorId = doorId ?? this.deps.settings().defaultDoorId
    this.readers.start({ aids: this.aidCodes() })
    const status = this.status()
    this.deps.hub.emit('nfc', 'status', status)
    return status
  }

  async stopReading(): Promise<NfcStatus> {
    await this.readers.stop()
    return this.status()
  }

  /** The AIDs selected on phones, in order: built-in, then settings (or the override given to read). */
  aids(): AidEntry[] {
    return this.aidOverride ?? aidList(this.deps.settings().customAids)
  }

  /** Replaces the AIDs for the next reads (the CLI's --aid); undefined goes back to settings. */
  useAids(aids: readonly string[] | undefined): void {
    const known = aidList(this.deps.settings().customAids)
    this.aidOverride = aids?.map((aid) => known.find((e) => e.aid === aid) ?? { label: aid, aid, source: 'command line', credentialType: null })
    this.readers.configure({ aids: this.aidCodes() })
  }

  recentTaps(): TapEvent[] {
    return [...this.recent]
  }

  /**
   * Resolves with the next tap, or fails with no_tap when none comes in time. Starts reading if needed.
   * The clock starts once the readers have started (or failed to): forking the PC/SC child takes a
   * second or two, which must not eat a short timeout. The wait for the start is capped. With
   * `countFrom` the clock is the caller's, as a CLI `--timeout` counts from the command's start.
   */
  nextTap(options: WaitOptions): Promise<TapEvent> {
    if (this.readers.state().state === 'idle') this.startReading(this.doorId)
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      const startup: { timer?: NodeJS.Timeout } = {}
      let unwatch = (): void => undefined
      const finish = (): void => {
        clearTimeout(timer)
        clearTimeout(startup.timer)
        unwatch()
        this.waiters.delete(waiter)
      }
      const waiter: Waiter = {
        reader: options.reader,
        resolve: (event) => {
          finish()
          resolve(event)
        }
      }
      const expire = (): void => {
        finish()
        reject(new LintelError(NfcErrorCode.noTap, `No card or phone was presented within ${options.timeoutMs / 1000} s.${this.whyNoTap(options.reader)}`))
      }
      const arm = (): void => {
        unwatch()
        clearTimeout(startup.timer)
        timer ??= setTimeout(expire, options.timeoutMs)
      }
      this.waiters.add(waiter)
      if (options.countFrom !== undefined) {
        timer = setTimeout(expire, Math.max(0, options.countFrom + options.timeoutMs - Date.now()))
        return
      }
      const starting = this.starting()
      if (!starting) return arm()
      startup.timer = setTimeout(arm, STARTUP_ALLOWANCE_MS)
      unwatch = this.readers.onEvent((event) => {
        if (event.type === 'state' && !this.starting()) arm()
      })
    })
  }

  /** The readers are idle or launching: no tap can come yet. */
  private starting(): boolean {
    const { state } = this.readers.state()
    return state === 'idle' || state === 'starting'
  }

  /** Waits for one tap and gives its value in the form of the credential type, for the credential form. */
  async enrolTap(credentialTypeId: Id, timeoutSeconds?: number): Promise<EnrolTapResult> {
    const site = this.deps.site.snapshot()
    const type = site.credential_types.find((t) => t.id === credentialTypeId)
    if (!type) throw new LintelError(ErrorCode.notFound, `There is no credential type ${JSON.stringify(credentialTypeId)} on this site.`)
    const tap = await this.nextTap({ timeoutMs: (timeoutSeconds ?? this.deps.settings().nfcTimeoutSeconds) * 1000 })
    const { value, problem } = enrolValue(tap.tap, type)
    const holder = value === null ? undefined : site.credentials.find((c) => c.credential_type_id === type.id && c.value === value)
    return { tap, value, problem, enrolled: holder ? { credential_id: holder.id, person_id: holder.person_id } : null }
  }

  /** Taps the demo's simulated reader; refused when real readers are in use. */
  async simulateTap(card: SimulatedCard): Promise<TapEvent> {
    if (!(this.readers instanceof SimulatedReaders)) {
      throw new LintelError(NfcErrorCode.notSimulated, 'Real readers are in use: tap a real card on a reader.')
    }
    if (this.readers.state().state !== 'ready') throw new LintelError(NfcErrorCode.notReading, 'Start reading before tapping the simulated reader.')
    const next = this.nextTap({ timeoutMs: 5000 })
    next.catch(() => undefined)
    await this.readers.tap(card)
    return next
  }

  async close(): Promise<void> {
    await this.readers.stop()
  }

  private aidCodes(): string[] {
    return this.aids().map((entry) => entry.aid)
  }

  private onTap(card: CardTap): void {
    const tap = tapRecord(card)
    const event = this.decideTap(tap, card)
    this.recent.push(event)
    if (this.recent.length > RECENT) this.recent.shift()
    this.deps.hub.emit('nfc', 'tap', event)
    for (const waiter of [...this.waiters]) if (waiter.reader === undefined || waiter.reader === tap.reader) waiter.resolve(event)
  }

  private decideTap(tap: TapRecord, card: CardTap): TapEvent {
    const site = this.deps.site.snapshot()
    const compiled = this.deps.site.compiledSite()
    const identified = identifyTap(tap, {
      types: site.credential_types,
      aids: this.aids(),
      enrolled: enrolledIn(site)
    })
    const { presented } = identified
    const doorId = this.doorId
    const decision =
      presented && doorId !== null
        ? decide(compiled, { door_id: doorId, credential_type_id: presented.credential_type_id, value: presented.value, at: tap.at })
        : null
    const timing = { card_event_ms: card.cardEventMs, transport_ms: card.transportMs }
    return { seq: this.seq++, tap, presented, unmatched: identified.unmatched, door_id: doorId, decision, timing }
  }

  /** Why no tap could come, when the readers say so (pcscd down, no reader, the simulation): the CLI prints it. */
  private whyNoTap(reader: string | undefined): string {
    const status = this.status()
    if (status.mode === 'real' && status.state === 'ready' && status.readers.length > 0) {
      return reader === undefined || status.readers.some((r) => r.name === reader) ? '' : ` There is no reader named ${JSON.stringify(reader)}.`
    }
    return ` ${status.advice}`
  }
}

function tapRecord(card: CardTap): TapRecord {
  const { reading } = card
  return {
    reader: card.reader,
    at: new Date(card.cardEventMs).toISOString(),
    atr: card.atr,
    standard: reading.standard,
    uid: reading.uid,
    aid: reading.aid,
    credential: reading.credential,
    latency_ms: Math.round(card.latencyMs * 100) / 100,
    ...(reading.error ? { error: reading.error } : {})
  }
}
