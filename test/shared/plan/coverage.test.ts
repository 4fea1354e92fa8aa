import { describe, expect, it } from 'vitest'
import { cellZones, CellZone, coverageMap, signedArea, wallLossBetween, type SurveyProject } from '../../../src/shared/plan'
import { createRandom } from '../../../src/shared/rf'
import { modelMarks, openPlan } from './projects'

const cellAt = (grid: { cell_m: number; cols: number }, x_m: number, y_m: number): number => Math.floor(y_m / grid.cell_m) * grid.cols + Math.floor(x_m / grid.cell_m)

describe('coverageMap', () => {
  it('covers the whole plan from its origin with row-major arrays of one value per cell', () => {
    const map = coverageMap(openPlan(20, 10), { cell: 0.25 })
    const { grid } = map.readers[0]!
    expect(grid).toMatchObject({ origin: { x: 0, y: 0 }, cell_m: 0.25, rows: 40, cols: 80 })
    expect(grid.rssi).toHaveLength(40 * 80)
    expect(grid.pUnlock).toHaveLength(40 * 80)
    // The reader stands at (5, 5.05) m: the cell holding it is louder than one 3 m along the same row.
    expect(grid.rssi[cellAt(grid, 5, 5.05)]!).toBeGreaterThan(grid.rssi[cellAt(grid, 8, 5.05)]! + 5)
  })

  it('labels a reader without marks model-only and uses the default model', () => {
    const reader = coverageMap(openPlan()).readers[0]!
    expect(reader.modelOnly).toBe(true)
    expect(reader.model).toMatchObject({ source: 'model-only', exponent: 2, marksUsed: 0 })
  })

  it('fits the log-distance model from the reader’s marks', () => {
    const project = openPlan(20, 10, { marks: modelMarks('r1', 50, 50.5, 60, 5) })
    const reader = coverageMap(project, { cell: 0.5 }).readers[0]!
    expect(reader.modelOnly).toBe(false)
    expect(reader.model.source).toBe('fitted')
    expect(reader.model.exponent).toBeCloseTo(2, 0)
    expect(reader.model.rssiAt1m).toBeGreaterThan(-62)
    expect(reader.model.rssiAt1m).toBeLessThan(-56)
  })

  it('takes off exactly the walls each cell’s straight path crosses', () => {
    const random = createRandom(21)
    const walls = Array.from({ length: 8 }, () => ({
      from: { x: random.next() * 200, y: random.next() * 100 },
      to: { x: random.next() * 200, y: random.next() * 100 },
      material: 'concrete' as const
    }))
    const bare = coverageMap(openPlan(), { cell: 0.2, advice: false }).readers[0]!.grid
    const walled = coverageMap(openPlan(20, 10, { walls }), { cell: 0.2, advice: false }).readers[0]!.grid
    const inMetres = walls.map((w) => ({ from: { x: w.from.x / 10, y: w.from.y / 10 }, to: { x: w.to.x / 10, y: w.to.y / 10 }, loss_dB: 15 }))
    for (let k = 0; k < 400; k++) {
      const r = Math.floor(random.next() * bare.rows)
      const c = Math.floor(random.next() * bare.cols)
      const centre = { x: (c + 0.5) * 0.2, y: (r + 0.5) * 0.2 }
      const i = r * bare.cols + c
      expect(bare.rssi[i]! - walled.rssi[i]!).toBeCloseTo(wallLossBetween({ x: 5, y: 5.05 }, centre, inMetres), 3)
    }
  })

  it('matches the log-distance model to 0.02 dB in every cell, near the reader and far (where it is read from the lattice)', () => {
    const { grid, model, position_m } = coverageMap(openPlan(60, 30), { cell: 0.1, advice: false }).readers[0]!
    const random = createRandom(8)
    for (let k = 0; k < 2000; k++) {
      const r = Math.floor(random.next() * grid.rows)
      const c = Math.floor(random.next() * grid.cols)
      const d = Math.max(0.05, Math.hypot((c + 0.5) * 0.1 - position_m.x, (r + 0.5) * 0.1 - position_m.y))
      expect(Math.abs(grid.rssi[r * grid.cols + c]! - (model.rssiAt1m - 10 * model.exponent * Math.log10(d)))).toBeLessThan(0.02)
    }
  })

  it('corrects the model towards the marks nearby and leaves it alone far from them', () => {
    const loud = Array.from({ length: 6 }, (_, i) => ({ position: { x: 150 + i * 3, y: 80 }, readerId: 'r1', rssi: [-50, -50, -51, -49] }))
    const fitted = modelMarks('r1', 50, 50.5, 40, 9)
    const plain = coverageMap(openPlan(20, 10, { marks: fitted }), { advice: false }).readers[0]!
    const corrected = coverageMap(openPlan(20, 10, { marks: [...fitted, ...loud] }), { advice: false }).readers[0]!
    const near = cellAt(plain.grid, 15.7, 8)
    const far = cellAt(plain.grid, 15.7, 1)
    expect(corrected.grid.rssi[near]! - plain.grid.rssi[near]!).toBeGreaterThan(8)
    expect(Math.abs(corrected.grid.rssi[far]! - plain.grid.rssi[far]!)).toBeLessThan(2)
  })

  it('finds a leak on the wrong side of an open door line, outlined by polygons of the same area', () => {
    const reader = coverageMap(openPlan()).readers[0]!
    expect(reader.leakArea_m2).toBeGreaterThan(1)
    expect(reader.reliableArea_m2).toBeGreaterThan(1)
    const outlined = reader.leakPolygons.reduce((sum, ring) => sum + signedArea(ring), 0)
    expect(Math.abs(outlined)).toBeCloseTo(reader.leakArea_m2, 6)
    // The reader is below the door line (y = 5 m), so every leak vertex is at or above it.
    for (const ring of reader.leakPolygons) for (const [, y] of ring) expect(y).toBeLessThanOrEqual(5.0001)
  })

  it('shades exactly the cells the areas count: reliable on the approach side, leak on the wrong side', () => {
    const reader = coverageMap(openPlan(), { cell: 0.2 }).readers[0]!
    const zones = cellZones(reader)
    const count = (zone: number): number => zones.reduce((n, z) => n + (z === zone ? 1 : 0), 0)
    expect(count(CellZone.leak) * 0.04).toBeCloseTo(reader.leakArea_m2, 6)
    expect(count(CellZone.reliable) * 0.04).toBeCloseTo(reader.reliableArea_m2, 6)
    expect(count(CellZone.leak)).toBeGreaterThan(0)
  })

  it('knows which marks are on the wrong side from the door’s line alone', () => {
    const marks = [
      { position: { x: 50, y: 40 }, readerId: 'r1', rssi: [-70] },
      { position: { x: 50, y: 60 }, readerId: 'r1', rssi: [-60] }
    ]
    const reader = coverageMap(openPlan(20, 10, { marks }), { advice: false }).readers[0]!
    expect(reader.marks.map((m) => m.wrongSide)).toEqual([true, false])
  })

  it('puts the leak on the reader’s own side when the installer names the other side as the approach', () => {
    const project = openPlan()
    const flipped: SurveyProject = { ...project, doors: [{ ...project.doors[0]!, approachSide: 'left' }] }
    const reader = coverageMap(flipped).readers[0]!
    for (const ring of reader.leakPolygons) for (const [, y] of ring) expect(y).toBeGreaterThanOrEqual(4.9999)
  })

  it('a concrete wall along the door line cuts the leak', () => {
    const open = coverageMap(openPlan()).readers[0]!
    const walled = coverageMap(openPlan(20, 10, { walls: [{ from: { x: 0, y: 50 }, to: { x: 200, y: 50 }, material: 'concrete' }] })).readers[0]!
    expect(walled.leakArea_m2).toBeLessThan(open.leakArea_m2 / 2)
  })

  it('advises a move along the door normal that shrinks the leak, with the figures behind it', () => {
    const [advice] = coverageMap(openPlan()).readers[0]!.advice
    expect(advice).toBeDefined()
    expect(advice!.leakAfter_m2).toBeLessThan(advice!.leakBefore_m2)
    expect(advice!.text).toMatch(/moving this reader [\d.]+ m inward .* cuts the leak area from [\d.]+ m² to [\d.]+ m²/)
  })

  it('flags two readers whose zones overlap, both ways, and not a distant one', () => {
    const project = openPlan(20, 10, {
      doors: [
        { id: 'd1', name: 'A', from: { x: 0, y: 50 }, to: { x: 100, y: 50 } },
        { id: 'd2', name: 'B', from: { x: 100, y: 50 }, to: { x: 200, y: 50 } }
      ],
      readers: [
        { id: 'a', bleReaderId: 'sim-1', doorId: 'd1', position: { x: 95, y: 51 } },
        { id: 'b', bleReaderId: 'sim-2', doorId: 'd2', position: { x: 105, y: 51 } },
        { id: 'c', bleReaderId: 'sim-3', doorId: 'd2', position: { x: 195, y: 95 }, txPower_dBm: -60 }
      ]
    })
    const map = coverageMap(project, { advice: false })
    expect(map.readers[0]!.overlaps.map((o) => o.readerId)).toEqual(['b'])
    expect(map.readers[1]!.overlaps.map((o) => o.readerId)).toEqual(['a'])
    expect(map.readers[0]!.overlaps[0]!.area_m2).toBeGreaterThan(0.5)
  })

  it('maps one reader when asked by its project id or its BLE reader id', () => {
    expect(coverageMap(openPlan(), { readerId: 'sim-2' }).readers.map((r) => r.readerId)).toEqual(['r1'])
    expect(coverageMap(openPlan(), { readerId: 'r1' }).readers).toHaveLength(1)
    expect(coverageMap(openPlan(), { readerId: 'nope' }).readers).toHaveLength(0)
  })
})
