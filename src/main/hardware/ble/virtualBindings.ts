import { EventEmitter } from 'node:events'
import { createRadioModel, createRandom, type Channel, type Point, type RadioModel, type Random } from '../../../shared/rf'
import type { NobleBindings } from './nobleModules'
import type { SurveyorControl, SurveyorMark } from './port'
import type { VirtualAdvertiser, VirtualRfSite } from './virtualSite'

const CHANNELS: readonly Channel[] = [37, 38, 39]
/** The controller's random advDelay added to every advertising interval. */
const MAX_ADV_DELAY_MS = 10
const WALK_SPEED_M_S = 0.8
const SWAY_M = 0.05

interface Transmitter {
  advertiser: VirtualAdvertiser
  id: string
  radio: RadioModel
  advertisement: { localName: string | undefined; txPowerLevel: number | undefined; manufacturerData: Buffer | undefined; serviceData: never[]; serviceUuids: string[]; serviceSolicitationUuids: never[] }
  nextMs: number
}

export interface VirtualBindingsOptions {
  seed?: number
  /** How often due advertising events are delivered (default 25 ms). */
  tickMs?: number
  now?: () => number
}

/**
 * noble bindings backed by the virtual RF site: noble's real core sees 'stateChange' and one
 * 'discover' per received advertising packet. Every advertiser transmits each interval + 0–10 ms on
 * channels 37, 38 and 39; the scanner listens to one channel at a time, as HCI controllers do, and
 * the propagation model (src/shared/rf) decides each packet's RSSI or loss at the surveyor's position.
 */
export class VirtualRadioBindings extends EventEmitter implements NobleBindings {
  readonly surveyor: SurveyorControl
  private readonly transmitters: Transmitter[]
  private readonly random: Random
  private readonly now: () => number
  private timer: NodeJS.Timeout | null = null
  private startedAt = 0
  private mark: { at: Point; phase: number } | null = null

  constructor(
    private readonly site: VirtualRfSite,
    private readonly options: VirtualBindingsOptions = {}
  ) {
    super()
    const seed = options.seed ?? 1
    this.random = createRandom(seed ^ 0x2545f491)
    this.now = options.now ?? Date.now
    this.transmitters = site.advertisers.map((advertiser, i) => transmitter(site, advertiser, seed + i * 7919))
    this.surveyor = { standAt: (mark) => this.standAt(mark) }
  }

  start(): void {
    this.startedAt = this.now()
    process.nextTick(() => {
      this.emit('addressChange', '00:1A:7D:DA:71:13')
      this.emit('stateChange', 'poweredOn')
    })
  }

  stop(): void {
    this.stopTimer()
  }

  startScanning(_serviceUuids: string[] | undefined, allowDuplicates: boolean): void {
    const now = this.now()
    for (const tx of this.transmitters) tx.nextMs = now + this.random.next() * tx.advertiser.advIntervalMs
    this.stopTimer()
    this.timer = setInterval(() => this.deliver(this.now()), this.options.tickMs ?? 25)
    this.timer.unref()
    process.nextTick(() => this.emit('scanStart', !allowDuplicates))
  }

  stopScanning(): void {
    this.stopTimer()
    process.nextTick(() => this.emit('scanStop'))
  }

  /** Delivers every packet due up to `now` (public for the benchmark's fixed-rate driver). */
  deliver(now: number): number {
    let delivered = 0
    for (const tx of this.transmitters) {
      const interval = Math.min(10_240, Math.max(20, tx.advertiser.advIntervalMs))
      while (tx.nextMs <= now) {
        const rssi = tx.radio.receive(this.surveyorAt(tx.nextMs), this.listeningChannel(tx.nextMs))
        if (rssi !== null) {
          this.emit('discover', tx.id, tx.advertiser.address.toLowerCase(), 'random', tx.advertiser.connectable, tx.advertisement, rssi, false)
          delivered++
        }
        tx.nextMs += interval + MAX_ADV_DELAY_MS * this.random.next()
      }
    }
    return delivered
  }

  private standAt(mark: SurveyorMark | null): void {
    if (mark === null) return void (this.mark = null)
    const reader = this.site.advertisers.find((a) => a.address.toUpperCase() === mark.address.toUpperCase())
    if (!reader) return void (this.mark = null)
    const facing = reader.facing ?? { x: 0, y: 1 }
    const sign = mark.side === 'in' ? 1 : -1
    const at = { x: reader.position.x + sign * facing.x * mark.distance_m, y: reader.position.y + sign * facing.y * mark.distance_m }
    this.mark = { at, phase: 2 * Math.PI * this.random.next() }
  }

  private surveyorAt(t: number): Point {
    const s = (t - this.startedAt) / 1000
    if (this.mark) {
      const { at, phase } = this.mark
      return { x: at.x + SWAY_M * Math.sin((2 * Math.PI * s) / 2.3 + phase), y: at.y + SWAY_M * Math.sin((2 * Math.PI * s) / 3.7 + phase * 1.7) }
    }
    const { from, to } = this.site.corridor
    const length = Math.max(0.1, Math.hypot(to.x - from.x, to.y - from.y))
    const travelled = (s * WALK_SPEED_M_S) % (2 * length)
    const share = (travelled <= length ? travelled : 2 * length - travelled) / length
    return { x: from.x + (to.x - from.x) * share, y: from.y + (to.y - from.y) * share }
  }

  private listeningChannel(t: number): Channel {
    return CHANNELS[Math.floor(t / this.site.scanner.scanWindowMs) % 3]!
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}

function transmitter(site: VirtualRfSite, advertiser: VirtualAdvertiser, seed: number): Transmitter {
  const reader = { position: advertiser.position, rssiAt1m_dBm: advertiser.rssiAt1m_dBm, advIntervalMs: advertiser.advIntervalMs, metalMount: advertiser.metalMount }
  return {
    advertiser,
    id: advertiser.address.replaceAll(':', '').toLowerCase(),
    radio: createRadioModel({ reader, walls: site.walls, environment: site.environment, scanner: site.scanner }, seed),
    advertisement: {
      localName: advertiser.name ?? undefined,
      txPowerLevel: advertiser.txPower ?? undefined,
      manufacturerData: advertiser.manufacturerData ?? undefined,
      serviceData: [],
      serviceUuids: advertiser.serviceUuids,
      serviceSolicitationUuids: []
    },
    nextMs: 0
  }
}
