import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'

const DEMO = fileURLToPath(new URL('../../../resources/demo-survey.json', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'lintel-survey-map-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface DemoJson {
  version: number
  plan: { scale: { distance_m: number }; image?: Record<string, unknown> }
  marks: { position: { x: number; y: number }; readerId: string }[]
}
interface MapJson {
  plan: { width_m: number; height_m: number }
  readers: {
    readerId: string
    modelOnly: boolean
    grid: { origin: { x: number; y: number }; cell_m: number; rows: number; cols: number; rssi: number[]; pUnlock: number[] }
    reliableArea_m2: number
    leakArea_m2: number
    leakPolygons: [number, number][][]
  }[]
}

const edited = (name: string, edit: (p: DemoJson) => void): { path: string; text: string } => {
  const project = JSON.parse(readFileSync(DEMO, 'utf8')) as DemoJson
  edit(project)
  const path = join(dir, name)
  const text = JSON.stringify(project)
  writeFileSync(path, text)
  return { path, text }
}

describe('lintel survey map', () => {
  it('--json prints, per reader, the whole-plan grid, the areas and the leak polygons in plan metres', async () => {
    const run = await cli('survey', 'map', DEMO, '--cell', '0.25', '--json')
    expect(run.code).toBe(0)
    const map = run.json<MapJson>()
    expect(map.readers).toHaveLength(5)
    for (const r of map.readers) {
      expect(r.grid).toMatchObject({ origin: { x: 0, y: 0 }, cell_m: 0.25, rows: 80, cols: 136 })
      expect(r.grid.rssi).toHaveLength(80 * 136)
      expect(r.grid.pUnlock.every((p) => p >= 0 && p <= 1)).toBe(true)
      for (const ring of r.leakPolygons) for (const [x, y] of ring) expect(x >= 0 && x <= map.plan.width_m && y >= 0 && y <= map.plan.height_m).toBe(true)
    }
    expect(run.err).toBe('')
  })

  it('maps one reader by its BLE reader id, and names the readers when the id matches none', async () => {
    const one = await cli('survey', 'map', DEMO, '--reader', 'sim-3', '--cell', '0.5', '--json')
    expect(one.json<MapJson>().readers.map((r) => r.readerId)).toEqual(['reader-3'])
    const none = await cli('survey', 'map', DEMO, '--reader', 'sim-9')
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/--reader sim-9: no such reader; the project has reader-1 \(sim-1\)/)
  })

  it('prints a human summary per reader by default', async () => {
    const run = await cli('survey', 'map', DEMO, '--cell', '0.5')
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^Side Door · reader reader-2 \(BLE sim-2\)/m)
    expect(run.out).toMatch(/reliable area \(p ≥ 95%\): [\d.]+ m²/)
  })

  it.each([
    { what: 'a scale of zero', edit: (p: DemoJson) => (p.plan.scale.distance_m = 0), code: 'project_scale', line: /\$\.plan\.scale\.distance_m: the scale distance is 0 m/ },
    { what: 'a negative scale', edit: (p: DemoJson) => (p.plan.scale.distance_m = -2), code: 'project_scale', line: /the scale distance is -2 m: it must be more than 0/ },
    { what: 'a mark off the plan', edit: (p: DemoJson) => (p.marks[3]!.position.x = 9999), code: 'project_mark_off_plan', line: /\$\.marks\[3\]\.position: \(9999, \d+\) px is off the plan \(680 × 400 px\)/ },
    { what: 'a newer version', edit: (p: DemoJson) => (p.version = 7), code: 'project_newer', line: /version 7 was written by a newer Lintel; this one reads up to version 1/ }
  ])('exits 2 with one line for $what, with the --json error shape, and leaves the file untouched', async ({ edit, code, line }) => {
    const { path, text } = edited(`${code}.json`, edit)
    const run = await cli('survey', 'map', path, '--json')
    expect(run.code).toBe(2)
    expect(run.err.trim().split('\n')).toHaveLength(1)
    expect(run.err).toMatch(line)
    expect(run.json()).toEqual({ ok: false, error: { code, message: expect.stringContaining(path) } })
    expect(readFileSync(path, 'utf8')).toBe(text)
  })

  it('warns on stderr of an oversized image and of a reader without marks, and still maps (model only)', async () => {
    const { path } = edited('warnings.json', (p) => {
      p.plan.image = { widthPx: 12_000, heightPx: 8_000 }
      p.marks = p.marks.filter((m) => m.readerId !== 'reader-3')
    })
    const run = await cli('survey', 'map', path, '--cell', '0.5', '--json')
    expect(run.code).toBe(0)
    expect(run.err).toMatch(/warning: .*96 MP\), over 50 MP: scale it down/)
    expect(run.err).toMatch(/warning: .*reader reader-3 \(door door-3\) has no marks: its map is model only/)
    expect(run.json<MapJson>().readers.find((r) => r.readerId === 'reader-3')!.modelOnly).toBe(true)
  })

  it.each([
    ['--cell', '0'],
    ['--cell', 'fine']
  ])('exits 2 naming %s %s', async (option, value) => {
    const run = await cli('survey', 'map', DEMO, option, value)
    expect(run.code).toBe(2)
    expect(run.err).toContain(`${option} ${value}`)
  })

  it('exits 2 for a file that is not JSON or cannot be read', async () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{ nope')
    expect((await cli('survey', 'map', bad)).err).toMatch(/bad\.json: not JSON/)
    expect((await cli('survey', 'map', join(dir, 'missing.json'))).code).toBe(2)
  })
})

describe('lintel survey map --report', () => {
  it('writes an HTML report with one plan page per door and never overwrites the project', async () => {
    const out = join(dir, 'plan.html')
    const run = await cli('survey', 'map', DEMO, '--cell', '0.25', '--report', out)
    expect(run.code).toBe(0)
    expect(run.err).toContain(`wrote the plan report to ${out}`)
    const html = readFileSync(out, 'utf8')
    expect(html.match(/<section class="plan-page">/g)).toHaveLength(6)
    const refused = await cli('survey', 'map', DEMO, '--report', DEMO)
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/that is the project file/)
  })
})
