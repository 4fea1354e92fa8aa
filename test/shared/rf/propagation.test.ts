import { describe, expect, it } from 'vitest'
import {
  createRadioModel,
  createRandom,
  rangeWalk,
  ricianK_dB,
  scenarioSamples,
  simulateWalk,
  surveyScenario,
  MATERIALS,
  OPEN_ROOM,
  PHONE_SCANNER,
  type RadioEnvironment,
  type VirtualSite
} from '../../../src/shared/rf'

const QUIET: RadioEnvironment = { ...OPEN_ROOM, shadowing_dB: 0, packetLoss: 0, noise_dB: 0, sensitivity_dBm: -127 }

function site(overrides: Partial<VirtualSite> = {}): VirtualSite {
  return {
    reader: { position: { x: 0.05, y: 0 }, rssiAt1m_dBm: -59, advIntervalMs: 100 },
    walls: [],
    environment: QUIET,
    scanner: PHONE_SCANNER,
    ...overrides
  }
}

function positions(count: number, seed: number): { x: number; y: number }[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, () => ({ x: 3 + 4 * random.next(), y: -2 + 4 * random.next() }))
}

describe('the virtual radio', () => {
  it('gives the same walk for the same seed and a different one for another seed', () => {
    expect(scenarioSamples('clear', 11)).toEqual(scenarioSamples('clear', 11))
    expect(scenarioSamples('clear', 12)).not.toEqual(scenarioSamples('clear', 11))
  })

  it('follows log-distance path loss before fading', () => {
    const radio = createRadioModel(site({ environment: { ...QUIET, exponent: 2.5 } }), 1)
    for (const d of [0.5, 1, 2, 4]) expect(radio.meanRssi({ x: 0.05 + d, y: 0 })).toBeCloseTo(-59 - 25 * Math.log10(d), 9)
  })

  it('names materials with attenuation in the ranges the survey issue gives', () => {
    expect(MATERIALS.drywall.loss_dB).toBe(3)
    expect(MATERIALS.glass.loss_dB).toBeGreaterThanOrEqual(2)
    expect(MATERIALS.glass.loss_dB).toBeLessThanOrEqual(4)
    expect(MATERIALS.wood_door.loss_dB).toBe(4)
    expect(MATERIALS.metal_door.loss_dB).toBeGreaterThanOrEqual(20)
    expect(MATERIALS.concrete.loss_dB).toBeGreaterThanOrEqual(12)
    expect(MATERIALS.concrete.loss_dB).toBeLessThanOrEqual(20)
    expect(MATERIALS.brick.loss_dB).toBe(8)
  })

  it('takes a wall loss only for walls between the reader and the surveyor', () => {
    const wall = { from: { x: 0, y: -5 }, to: { x: 0, y: 5 }, material: 'concrete' as const }
    const radio = createRadioModel(site({ walls: [wall] }), 1)
    const open = createRadioModel(site(), 1)
    expect(open.meanRssi({ x: -0.95, y: 0 }) - radio.meanRssi({ x: -0.95, y: 0 })).toBeCloseTo(MATERIALS.concrete.loss_dB, 9)
    expect(open.meanRssi({ x: 1.05, y: 0 }) - radio.meanRssi({ x: 1.05, y: 0 })).toBe(0)
  })

  it('fades like Rician K = 9 dB in the open room and far below 3 dB beside metal', () => {
    const samples = (metal: boolean) => {
      const radio = createRadioModel(site({ reader: { ...site().reader, metalMount: metal }, environment: { ...QUIET, exponent: 0 } }), 2)
      return Float64Array.from(positions(4000, 3), (p) => radio.receive(p, 37)!)
    }
    const open = samples(false)
    const metal = samples(true)
    expect(ricianK_dB(open, 0, open.length)!).toBeGreaterThan(7.5)
    expect(ricianK_dB(open, 0, open.length)!).toBeLessThan(10.5)
    expect(ricianK_dB(metal, 0, metal.length)!).toBeLessThan(3)
  })

  it('fades the three advertising channels independently', () => {
    const radio = createRadioModel(site({ reader: { ...site().reader, metalMount: true } }), 4)
    const spots = positions(3000, 5)
    const a = spots.map((p) => radio.receive(p, 37)! - radio.meanRssi(p))
    const b = spots.map((p) => radio.receive(p, 39)! - radio.meanRssi(p))
    expect(Math.abs(correlation(a, b))).toBeLessThan(0.15)
  })

  it('loses the congested share of packets and everything below the sensitivity', () => {
    const lossy = createRadioModel(site({ environment: { ...QUIET, packetLoss: 0.7 } }), 6)
    const lost = positions(5000, 7).filter((p) => lossy.receive(p, 38) === null).length / 5000
    expect(lost).toBeCloseTo(0.7, 1)
    const deaf = createRadioModel(site({ environment: { ...QUIET, sensitivity_dBm: -30 } }), 6)
    expect(deaf.receive({ x: 3, y: 0 }, 38)).toBeNull()
  })

  it('advertises every interval plus a random 0–10 ms, one channel at a time for a phone scanner', () => {
    const samples = simulateWalk(site(), rangeWalk([1], 'in', 20), 8)
    const gaps = samples.slice(1).map((s, i) => s.t - samples[i]!.t)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(99)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(111)
    expect(samples.length).toBeGreaterThan(180)
  })

  it('hears all three copies of each event with a sniffer-like scanner, channel attached', () => {
    const sniffer = { ...PHONE_SCANNER, reportsAllChannels: true, reportsChannel: true }
    const samples = simulateWalk(site({ scanner: sniffer }), rangeWalk([1], 'in', 5), 9)
    expect(samples.slice(0, 3).map((s) => s.channel)).toEqual([37, 38, 39])
    expect(new Set(samples.slice(0, 3).map((s) => s.t)).size).toBe(1)
  })

  it('builds each scenario, with out-side marks behind a concrete wall for the concrete one', () => {
    const concrete = surveyScenario('concrete')
    expect(concrete.site.walls.map((w) => w.material)).toEqual(['concrete'])
    expect(concrete.walk.filter((m) => m.side === 'out').map((m) => m.distance_m)).toEqual([0.5, 1, 2, 3])
    expect(surveyScenario('metal').site.reader.metalMount).toBe(true)
    expect(surveyScenario('congested').site.environment.packetLoss).toBeGreaterThan(0.5)
  })
})

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length
  const ma = mean(a)
  const mb = mean(b)
  let sab = 0
  let saa = 0
  let sbb = 0
  a.forEach((x, i) => {
    sab += (x - ma) * (b[i]! - mb)
    saa += (x - ma) ** 2
    sbb += (b[i]! - mb) ** 2
  })
  return sab / Math.sqrt(saa * sbb)
}
