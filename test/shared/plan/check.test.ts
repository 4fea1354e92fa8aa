import { describe, expect, it } from 'vitest'
import { checkProject, ProjectErrorCode } from '../../../src/shared/plan'
import { openPlan } from './projects'

interface Pt {
  x: number
  y: number
}
/** The project as loose JSON, so a case can break it. */
interface Raw {
  version: number
  plan: { scale: { from: Pt; to: Pt; distance_m: number }; image?: { widthPx: number; heightPx: number } }
  doors: { from: Pt; to: Pt }[]
  readers: { doorId: string }[]
  walls: { from: Pt; to: Pt; material: string }[]
  marks: { position: Pt; readerId: string; rssi: number[] }[]
}

const base = (): Raw => JSON.parse(JSON.stringify(openPlan(20, 10, { marks: [{ position: { x: 60, y: 60 }, readerId: 'r1', rssi: [-60] }] })))

describe('checkProject', () => {
  it.each([
    { what: 'a newer version', edit: (p: Raw) => (p.version = 2), code: ProjectErrorCode.newer, path: '$.version' },
    { what: 'a scale of zero', edit: (p: Raw) => (p.plan.scale.distance_m = 0), code: ProjectErrorCode.scale, path: '$.plan.scale.distance_m' },
    { what: 'a negative scale', edit: (p: Raw) => (p.plan.scale.distance_m = -3), code: ProjectErrorCode.scale, path: '$.plan.scale.distance_m' },
    { what: 'two scale points on one spot', edit: (p: Raw) => (p.plan.scale.to = p.plan.scale.from), code: ProjectErrorCode.scale, path: '$.plan.scale' },
    { what: 'a mark off the plan', edit: (p: Raw) => (p.marks[0]!.position.x = 201), code: ProjectErrorCode.markOffPlan, path: '$.marks[0].position' },
    { what: 'a mark above the plan', edit: (p: Raw) => (p.marks[0]!.position.y = -1), code: ProjectErrorCode.markOffPlan, path: '$.marks[0].position' },
    { what: 'a door whose two ends are one point', edit: (p: Raw) => (p.doors[0]!.to = p.doors[0]!.from), code: ProjectErrorCode.invalid, path: '$.doors[0]' },
    { what: 'a reader on an unknown door', edit: (p: Raw) => (p.readers[0]!.doorId = 'x'), code: ProjectErrorCode.invalid, path: '$.readers[0].doorId' },
    { what: 'a mark of an unknown reader', edit: (p: Raw) => (p.marks[0]!.readerId = 'x'), code: ProjectErrorCode.invalid, path: '$.marks[0].readerId' },
    { what: 'an unknown wall material', edit: (p: Raw) => (p.walls = [{ from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, material: 'cheese' }]), code: ProjectErrorCode.invalid, path: '$.walls[0].material' },
    { what: 'an RSSI that is not a whole number', edit: (p: Raw) => (p.marks[0]!.rssi = [-60.5]), code: ProjectErrorCode.invalid, path: '$.marks[0].rssi[0]' }
  ])('refuses $what with its code and JSON path', ({ edit, code, path }) => {
    const raw = base()
    edit(raw)
    const result = checkProject(raw)
    expect(result).toMatchObject({ ok: false, code, path })
    if (!result.ok) expect(result.message).not.toContain('\n')
  })

  it('accepts a sound project with no warnings', () => {
    expect(checkProject(base())).toMatchObject({ ok: true, warnings: [] })
  })

  it('warns of an image over 50 megapixels and of a reader without marks, and still maps', () => {
    const raw = base()
    raw.plan.image = { widthPx: 10_000, heightPx: 6_000 }
    raw.marks = []
    const result = checkProject(raw)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toHaveLength(2)
    expect(result.warnings[0]).toMatch(/\(60 MP\), over 50 MP: scale it down/)
    expect(result.warnings[1]).toMatch(/reader r1 .* no marks: its map is model only/)
  })
})
