import { simulateWalk, type RadioEnvironment, type VirtualScanner, type VirtualSite, type WalkMark } from './propagation'
import type { Sample, Side } from './schema'

/** Line of sight in an ordinary room. */
export const OPEN_ROOM: RadioEnvironment = {
  exponent: 2,
  shadowing_dB: 2,
  kFactor_dB: 9,
  packetLoss: 0.02,
  noise_dB: 1,
  sensitivity_dBm: -98
}

/** A phone or dongle scanning one channel at a time and reporting no channel (HCI advertising reports). */
export const PHONE_SCANNER: VirtualScanner = { reportsAllChannels: false, scanWindowMs: 300, reportsChannel: false, offset_dB: 0 }

/** The reader sits 5 cm in front of the wall at x = 0; in-side marks go out along +x, out-side marks behind the wall along −x. */
export const READER_X = 0.05

/** Marks on one side of the door, straight out from the reader. */
export function rangeWalk(distances: readonly number[], side: Side, dwell_s: number, sway_m = 0.05): WalkMark[] {
  return distances.map((d) => ({
    position: { x: side === 'in' ? READER_X + d : READER_X - d, y: 0 },
    distance_m: d,
    side,
    dwell_s,
    sway_m
  }))
}

/** Synthetic survey scenarios, one per interference class. */
export type ScenarioName = 'clear' | 'metal' | 'concrete' | 'congested'

export interface ScenarioOptions {
  /** Whether samples carry the advertising channel (default false, as HCI reports). */
  reportsChannel?: boolean
  /** A sniffer-like scanner hearing all three channels of every event (default false: one channel at a time). */
  reportsAllChannels?: boolean
  /** Seconds at each mark (default 15). */
  dwell_s?: number
  /** The reader's advertising interval (default 100 ms). */
  advIntervalMs?: number
}

export interface Scenario {
  site: VirtualSite
  walk: WalkMark[]
}

export const SCENARIO_MARKS_M = [0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8] as const
export const SCENARIO_OUT_MARKS_M = [0.5, 1, 2, 3] as const

/**
 * - clear: line of sight, n = 2, K = 9 dB, 2% loss;
 * - metal: the reader on a metal frame (near-Rayleigh fading, 4 dB detuning);
 * - concrete: a concrete wall (15 dB) between the reader and the out-side marks;
 * - congested: as clear, but 70% of packets lost to collisions.
 */
export function surveyScenario(name: ScenarioName, options: ScenarioOptions = {}): Scenario {
  const dwell = options.dwell_s ?? 15
  const scanner = { ...PHONE_SCANNER, reportsChannel: options.reportsChannel ?? false, reportsAllChannels: options.reportsAllChannels ?? false }
  const reader = { position: { x: READER_X, y: 0 }, rssiAt1m_dBm: -59, advIntervalMs: options.advIntervalMs ?? 100 }
  const inside = rangeWalk(SCENARIO_MARKS_M, 'in', dwell)
  const base: VirtualSite = { reader, walls: [], environment: OPEN_ROOM, scanner }
  switch (name) {
    case 'clear':
      return { site: base, walk: inside }
    case 'metal':
      return { site: { ...base, reader: { ...reader, metalMount: true } }, walk: inside }
    case 'concrete': {
      const wall = { from: { x: 0, y: -10 }, to: { x: 0, y: 10 }, material: 'concrete' as const }
      return { site: { ...base, walls: [wall] }, walk: [...inside, ...rangeWalk(SCENARIO_OUT_MARKS_M, 'out', dwell)] }
    }
    case 'congested':
      return { site: { ...base, environment: { ...OPEN_ROOM, packetLoss: 0.7 } }, walk: inside }
  }
}

/** Samples of a scenario's walk for one seed. */
export function scenarioSamples(name: ScenarioName, seed: number, options: ScenarioOptions = {}): Sample[] {
  const { site, walk } = surveyScenario(name, options)
  return simulateWalk(site, walk, seed)
}
