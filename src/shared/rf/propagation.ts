import { createRandom, type Random } from './random'
import type { Channel, Sample, Side } from './schema'

/** A position on the site plan, in metres. */
export interface Point {
  x: number
  y: number
}

/** What one pass through a material does to the signal. */
export interface MaterialProperties {
  loss_dB: number
  /** Metal reflects: behind or beside it the line of sight gives way to near-Rayleigh multipath. */
  metal: boolean
}

/** Attenuation of one wall or door of each named material at 2.4 GHz (typical published figures). */
export const MATERIALS = {
  drywall: { loss_dB: 3, metal: false },
  glass: { loss_dB: 3, metal: false },
  wood_door: { loss_dB: 4, metal: false },
  brick: { loss_dB: 8, metal: false },
  concrete: { loss_dB: 15, metal: false },
  metal_door: { loss_dB: 22, metal: true }
} as const satisfies Record<string, MaterialProperties>
export type Material = keyof typeof MATERIALS

/** The door reader being surveyed. */
export interface VirtualReader {
  position: Point
  /** RSSI a reference phone reads at 1 m in line of sight: TX power and both antennas included. */
  rssiAt1m_dBm: number
  /** 20–10,240 ms (clamped to that range); the controller adds a random 0–10 ms to each interval. */
  advIntervalMs: number
  /** Mounted on a metal frame: detuning loss and near-Rayleigh fading everywhere. */
  metalMount?: boolean
}

export interface VirtualWall {
  from: Point
  to: Point
  material: Material
}

export interface RadioEnvironment {
  /** Path-loss exponent n. */
  exponent: number
  /** Standard deviation of log-normal shadowing, spatially correlated over about a metre. */
  shadowing_dB: number
  /** Rician K of the small-scale fading where the reader has a clear line of sight. */
  kFactor_dB: number
  /** Probability that a packet is lost to collisions (congestion). */
  packetLoss: number
  /** Standard deviation of the receiver's RSSI measurement noise. */
  noise_dB: number
  /** Packets weaker than this are not received. */
  sensitivity_dBm: number
}

export interface VirtualScanner {
  /** Reports every channel's copy of a packet (a sniffer); otherwise listens on one channel at a time like phones and most dongles. */
  reportsAllChannels: boolean
  /** How long a one-channel scanner stays on a channel before moving to the next. */
  scanWindowMs: number
  /** Whether samples carry the channel (HCI advertising reports do not; sniffers do). */
  reportsChannel: boolean
  /** This scanner's RSSI offset against the reference phone. */
  offset_dB: number
}

export interface VirtualSite {
  reader: VirtualReader
  walls: readonly VirtualWall[]
  environment: RadioEnvironment
  scanner: VirtualScanner
}

/** A stop on the range walk. The surveyor sways `sway_m` (default 5 cm) around `position` for `dwell_s`. */
export interface WalkMark {
  position: Point
  distance_m: number
  side: Side
  dwell_s: number
  sway_m?: number
}

/** The radio side of the virtual site: what a scanner at a position hears. */
export interface RadioModel {
  /** Mean RSSI at a position (path loss, walls, shadowing), before small-scale fading and noise. */
  meanRssi(position: Point): number
  /** One packet on `channel` at `position`: its RSSI in whole dBm, or null when lost. */
  receive(position: Point, channel: Channel): number | null
}

/**
 * Near metal the fading is worse than Rayleigh: a specular reflection almost as strong as the line of
 * sight (two-wave, "hyper-Rayleigh") cancels it in deep nulls every half wavelength, plus diffuse
 * scatter. Shares of the received power; they sum to 1.
 */
const METAL_FADING = { los: 0.5, specular: 0.45, diffuse: 0.05 } as const
/** Extra loss of a reader antenna detuned by the metal it is mounted on. */
const METAL_MOUNT_LOSS_DB = 4
const SCATTERED_WAVES = 16
const SHADOW_WAVES = 8
const NEAREST_M = 0.05
const CHANNEL_MHZ: Record<Channel, number> = { 37: 2402, 38: 2426, 39: 2480 }
const CHANNELS: readonly Channel[] = [37, 38, 39]

interface Waves {
  kx: Float64Array
  ky: Float64Array
  phase: Float64Array
}

/**
 * A deterministic radio model: log-distance path loss, wall losses along the straight path,
 * shadowing as a smooth random field, and Rician small-scale fading built from a line-of-sight
 * wave plus 16 scattered plane waves per channel, so each channel fades independently and the
 * fading changes over centimetres as the surveyor moves.
 */
export function createRadioModel(site: VirtualSite, seed: number): RadioModel {
  const random = createRandom(seed)
  const scattered = CHANNELS.map((c) => randomWaves(random, SCATTERED_WAVES, wavenumber(c)))
  const specular = CHANNELS.map((c) => randomWaves(random, 1, wavenumber(c)))
  const shadow = randomWaves(random, SHADOW_WAVES, (2 * Math.PI) / 3)
  const { reader, environment, scanner } = site
  const meanRssi = (p: Point): number => {
    const d = Math.max(NEAREST_M, distance(p, reader.position))
    const walls = crossedWalls(site, p)
    const mount = reader.metalMount ? METAL_MOUNT_LOSS_DB : 0
    const shadowing = environment.shadowing_dB * Math.SQRT2 * waveSum(shadow, p).re
    return reader.rssiAt1m_dBm - 10 * environment.exponent * Math.log10(d) - walls.loss_dB - mount + shadowing
  }
  const receive = (p: Point, channel: Channel): number | null => {
    if (random.next() < environment.packetLoss) return null
    const metal = reader.metalMount === true || crossedWalls(site, p).metal
    const i = channel - 37
    const shares = metal ? METAL_FADING : ricianShares(environment.kFactor_dB)
    const gain = fadingGain(shares, wavenumber(channel) * distance(p, reader.position), specular[i]!, scattered[i]!, p)
    const rssi = meanRssi(p) + 10 * Math.log10(gain) + environment.noise_dB * random.normal() + scanner.offset_dB
    return rssi < environment.sensitivity_dBm ? null : Math.round(Math.max(-127, Math.min(20, rssi)))
  }
  return { meanRssi, receive }
}

function randomWaves(random: Random, count: number, wavenumber: number): Waves {
  const waves = { kx: new Float64Array(count), ky: new Float64Array(count), phase: new Float64Array(count) }
  for (let i = 0; i < count; i++) {
    const angle = 2 * Math.PI * random.next()
    waves.kx[i] = wavenumber * Math.cos(angle)
    waves.ky[i] = wavenumber * Math.sin(angle)
    waves.phase[i] = 2 * Math.PI * random.next()
  }
  return waves
}

/** Sum of unit plane waves at `p`, scaled to unit mean power. */
function waveSum(waves: Waves, p: Point): { re: number; im: number } {
  let re = 0
  let im = 0
  for (let i = 0; i < waves.kx.length; i++) {
    const phase = waves.kx[i]! * p.x + waves.ky[i]! * p.y + waves.phase[i]!
    re += Math.cos(phase)
    im += Math.sin(phase)
  }
  const scale = 1 / Math.sqrt(waves.kx.length)
  return { re: re * scale, im: im * scale }
}

function wavenumber(channel: Channel): number {
  return (2 * Math.PI * CHANNEL_MHZ[channel]) / 299.792458
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

interface FadingShares {
  los: number
  specular: number
  diffuse: number
}

function ricianShares(k_dB: number): FadingShares {
  const k = 10 ** (k_dB / 10)
  return { los: k / (k + 1), specular: 0, diffuse: 1 / (k + 1) }
}

/** Power gain (mean 1) of line of sight + one specular reflection + diffuse scatter at `p`. */
function fadingGain(shares: FadingShares, losPhase: number, specular: Waves, scattered: Waves, p: Point): number {
  const los = Math.sqrt(shares.los)
  const reflection = waveSum(specular, p)
  const scatter = waveSum(scattered, p)
  const s = Math.sqrt(shares.specular)
  const d = Math.sqrt(shares.diffuse)
  const re = los * Math.cos(losPhase) + s * reflection.re + d * scatter.re
  const im = los * Math.sin(losPhase) + s * reflection.im + d * scatter.im
  return Math.max(1e-6, re * re + im * im)
}

function crossedWalls(site: VirtualSite, p: Point): { loss_dB: number; metal: boolean } {
  let loss_dB = 0
  let metal = false
  for (const wall of site.walls) {
    if (!segmentsCross(site.reader.position, p, wall.from, wall.to)) continue
    loss_dB += MATERIALS[wall.material].loss_dB
    metal ||= MATERIALS[wall.material].metal
  }
  return { loss_dB, metal }
}

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  return turn(a, b, c) * turn(a, b, d) < 0 && turn(c, d, a) * turn(c, d, b) < 0
}

/** Which side of the line p→q the point r is on: 1, −1, or 0 on the line. */
function turn(p: Point, q: Point, r: Point): number {
  return Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x))
}

export interface WalkOptions {
  /** Time of the first advertising event, ms (default 0). */
  startMs?: number
  /** Walking time between marks, when nothing is recorded (default 2 s). */
  transit_s?: number
}

/**
 * Simulates a range walk: the reader advertises every interval + 0–10 ms on channels 37, 38 and 39;
 * the scanner hears what its mode and the radio model let through while the surveyor sways around
 * each mark. Samples come out in time order, in the shape `survey analyze` reads.
 */
export function simulateWalk(site: VirtualSite, walk: readonly WalkMark[], seed: number, options: WalkOptions = {}): Sample[] {
  const radio = createRadioModel(site, seed)
  const random = createRandom(seed ^ 0x5bd1e995)
  const samples: Sample[] = []
  const interval = Math.min(10_240, Math.max(20, site.reader.advIntervalMs))
  let t = options.startMs ?? 0
  for (const mark of walk) {
    const start = t
    const sway = swayPath(random, mark.sway_m ?? 0.05)
    while (t < start + mark.dwell_s * 1000) {
      const position = sway(mark.position, (t - start) / 1000)
      for (const channel of heardChannels(site.scanner, t)) {
        const rssi = radio.receive(position, channel)
        if (rssi === null) continue
        const sample: Sample = { t: Math.round(t), rssi, distance_m: mark.distance_m, side: mark.side }
        if (site.scanner.reportsChannel) sample.channel = channel
        samples.push(sample)
      }
      t += interval + 10 * random.next()
    }
    t += (options.transit_s ?? 2) * 1000
  }
  return samples
}

function heardChannels(scanner: VirtualScanner, t: number): readonly Channel[] {
  if (scanner.reportsAllChannels) return CHANNELS
  return [CHANNELS[Math.floor(t / scanner.scanWindowMs) % 3]!]
}

/** A smooth Lissajous sway of radius `radius` around a point, as a hand holding a phone moves. */
function swayPath(random: Random, radius: number): (centre: Point, seconds: number) => Point {
  const a = 2 * Math.PI * random.next()
  const b = 2 * Math.PI * random.next()
  return (centre, s) => ({ x: centre.x + radius * Math.sin((2 * Math.PI * s) / 2.3 + a), y: centre.y + radius * Math.sin((2 * Math.PI * s) / 3.7 + b) })
}
