import { eventChannel, type Unsubscribe } from '../../shared/contract/define'
import type { Advert, ScanBatch, ScanState } from '../../shared/domain/ble'
import type { BleReader, BleStatus } from '../../shared/domain/hardware'
import type { Settings } from '../../shared/domain/settings'
import type { EventHub } from '../contract/eventHub'
import type { LintelContract } from '../../shared/contract'
import type { Logger } from '../logger'
import { BleError, BleErrorCode, stateAdvice, type AdapterState, type BleRadio } from '../hardware/ble/port'
import { adapterRadio, simulatedRadio } from '../hardware/ble/radios'
import { bleSimulatedAtRest, bleStatusOf } from '../hardware/radioStatus'
import { AdvertiserTable } from '../survey/advertiserTable'
import { readerDirectory } from '../survey/readerDirectory'

/** Builds the radios; tests and the benchmark pass their own. */
export interface RadioFactory {
  real(adapter: Settings['bleAdapter']): BleRadio
  simulated(readers: readonly BleReader[]): BleRadio
}

export const defaultRadios: RadioFactory = { real: (adapter) => adapterRadio(adapter), simulated: (readers) => simulatedRadio(readers) }

export interface BleServiceOptions {
  readers: () => BleReader[]
  settings: () => Settings
  /** True when a Bluetooth adapter is present (HardwareProbe.bleAdapter). */
  adapterPresent: () => boolean
  /** Events go out through it; a settings change (another adapter) republishes the status. */
  hub: Pick<EventHub<LintelContract>, 'emit' | 'subscribe'>
  log: Logger
  radios?: RadioFactory
  /** Scan batches per second to the UI (default 4; at most 10). */
  batchesPerSecond?: number
  now?: () => number
}

/** The BLE scan: which radio, its state, the live advertiser table and batched updates for the UI. */
export class BleService {
  private radio: BleRadio | null = null
  private state: AdapterState | 'simulated' = 'unknown'
  private problem: string | null = null
  private startedAt: number | null = null
  private timer: NodeJS.Timeout | null = null
  private readonly listeners = new Set<(advert: Advert) => void>()
  private table: AdvertiserTable
  private received = 0
  private rate = { at: 0, count: 0, perSecond: 0 }
  private readonly now: () => number

  constructor(private readonly options: BleServiceOptions) {
    this.now = options.now ?? Date.now
    this.table = new AdvertiserTable(readerDirectory(options.readers()))
    options.hub.subscribe(eventChannel('app', 'settingsChanged'), () => {
      if (!this.radio) this.publishStatus()
    })
  }

  /** Real when an adapter is present or a UART dongle is chosen; otherwise the virtual RF site. */
  usesSimulation(): boolean {
    if (this.radio) return this.radio.simulated
    return bleSimulatedAtRest(this.options.settings().bleAdapter, this.options.adapterPresent())
  }

  status(): BleStatus {
    return bleStatusOf(this.options.settings().bleAdapter, this.usesSimulation(), this.state, this.problem)
  }

  /** The scanning device whose calibration applies: the simulation, a UART dongle, or the default adapter. */
  device(): { id: string; label: string } {
    if (this.radio) return { id: this.radio.deviceId, label: this.radio.label }
    if (this.usesSimulation()) return { id: 'simulated', label: 'virtual RF site' }
    const adapter = this.options.settings().bleAdapter
    return adapter.kind === 'uart' ? { id: `uart:${adapter.port}`, label: `HCI UART dongle on ${adapter.port}` } : { id: 'default', label: 'default Bluetooth adapter' }
  }

  readers(): BleReader[] {
    return this.options.readers()
  }

  scanState(): ScanState {
    return { scanning: this.radio !== null, simulated: this.usesSimulation(), startedAt: this.startedAt, problem: this.problem }
  }

  /** The radio scanning now, if any (the survey moves the simulated surveyor through it). */
  currentRadio(): BleRadio | null {
    return this.radio
  }

  /**
   * Starts scanning (idempotent). `simulate` forces the virtual RF site; `adapter` forces the
   * configured adapter even when none was found (`lintel ble scan` then says what is wrong).
   */
  async startScan(options: { simulate?: boolean; adapter?: boolean } = {}): Promise<ScanState> {
    if (this.radio) return this.scanState()
    const simulate = options.simulate === true || (options.adapter !== true && this.usesSimulation())
    const radio = simulate ? (this.options.radios ?? defaultRadios).simulated(this.options.readers()) : (this.options.radios ?? defaultRadios).real(this.options.settings().bleAdapter)
    this.radio = radio
    this.table = new AdvertiserTable(readerDirectory(this.options.readers()))
    this.problem = null
    try {
      await radio.start({ state: (state) => this.onState(state), advert: (advert) => this.receive(advert) })
    } catch (error) {
      this.radio = null
      this.problem = error instanceof Error ? error.message : String(error)
      this.publishStatus()
      throw error instanceof BleError ? error : new BleError(BleErrorCode.failed, this.problem)
    }
    this.startedAt = this.now()
    this.state = radio.simulated ? 'simulated' : 'poweredOn'
    this.startBatches()
    this.publishStatus()
    return this.scanState()
  }

  async stopScan(): Promise<ScanState> {
    const radio = this.radio
    this.radio = null
    this.startedAt = null
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    if (radio) await radio.stop()
    this.publishStatus()
    this.options.hub.emit('ble', 'scan', this.batch())
    return this.scanState()
  }

  /** Every advert as it arrives (copied), for captures and the CLI. */
  onAdvert(listener: (advert: Advert) => void): Unsubscribe {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** The table as the UI sees it now. */
  batch(): ScanBatch {
    const now = this.now()
    return {
      at: now,
      scanning: this.radio !== null,
      simulated: this.usesSimulation(),
      advertisers: this.table.size,
      advertsPerSecond: this.rate.perSecond,
      rows: this.table.rows(now)
    }
  }

  /** Adverts received since the service started. */
  get advertsReceived(): number {
    return this.received
  }

  private receive(advert: Advert): void {
    this.received++
    this.table.record(advert)
    for (const listener of this.listeners) listener(advert)
  }

  private onState(state: AdapterState): void {
    if (this.radio?.simulated) return
    this.state = state
    if (this.radio) this.problem = stateAdvice(state)?.message ?? null
    this.publishStatus()
  }

  private startBatches(): void {
    const perSecond = Math.min(10, Math.max(1, this.options.batchesPerSecond ?? 4))
    this.rate = { at: this.now(), count: this.received, perSecond: 0 }
    this.timer = setInterval(() => {
      this.updateRate()
      this.options.hub.emit('ble', 'scan', this.batch())
    }, 1000 / perSecond)
    this.timer.unref()
  }

  private updateRate(): void {
    const now = this.now()
    const seconds = (now - this.rate.at) / 1000
    if (seconds < 1) return
    this.rate = { at: now, count: this.received, perSecond: Math.round((this.received - this.rate.count) / seconds) }
  }

  private publishStatus(): void {
    this.options.hub.emit('ble', 'status', this.status())
  }
}
