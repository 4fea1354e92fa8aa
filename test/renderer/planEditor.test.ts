import { describe, expect, it } from 'vitest'
import { checkProject, coverageMap, metresPerPixel, SURVEY_PROJECT_VERSION } from '../../src/shared/plan'
import {
  approachSide,
  deleteItem,
  editorState,
  fitImageSize,
  flipDoor,
  loadImage,
  newProject,
  parseSamples,
  place,
  projectFileName,
  projectText,
  readProjectText,
  samplesFromScan,
  undo,
  type EditorState
} from '../../src/renderer/src/plan/planEditor'

const blank = (): EditorState => editorState(newProject(400, 300), false)

/** Scale 100 px = 5 m, a door across (200,100)–(200,200), a reader left of it, one wall. */
function built(): EditorState {
  let s = blank()
  s = place(s, 'scale', { x: 0, y: 0 })
  s = place(s, 'scale', { x: 100, y: 0 }, { distance_m: 5 })
  s = place(s, 'door', { x: 200, y: 100 })
  s = place(s, 'door', { x: 200, y: 200 }, { doorName: 'Side Door' })
  s = place(s, 'reader', { x: 180, y: 150 }, { bleReaderId: 'sim-2' })
  s = place(s, 'wall', { x: 0, y: 250 })
  s = place(s, 'wall', { x: 400, y: 250 }, { material: 'concrete' })
  return s
}

describe('the plan editor', () => {
  it('sets the scale from two points and a distance', () => {
    const s = built()
    expect(s.scaleSet).toBe(true)
    expect(metresPerPixel(s.project.plan.scale)).toBeCloseTo(0.05)
    expect(s.project.doors).toEqual([{ id: 'door-1', name: 'Side Door', from: { x: 200, y: 100 }, to: { x: 200, y: 200 } }])
    expect(s.project.readers).toEqual([{ id: 'reader-1', bleReaderId: 'sim-2', doorId: 'door-1', position: { x: 180, y: 150 } }])
    expect(s.project.walls).toEqual([{ from: { x: 0, y: 250 }, to: { x: 400, y: 250 }, material: 'concrete' }])
    expect(checkProject(JSON.parse(projectText(s.project))).ok).toBe(true)
  })

  it.each([0, -3, Number.NaN])('refuses a scale of %s m with a message and keeps the old scale', (d) => {
    const before = built()
    let s = place(before, 'scale', { x: 10, y: 10 })
    s = place(s, 'scale', { x: 60, y: 10 }, { distance_m: d })
    expect(s.message).toMatch(/The scale distance must be more than 0 m/)
    expect(s.project.plan.scale).toEqual(before.project.plan.scale)
    expect(s.pending).toBeNull()
  })

  it('refuses points off the plan, a line of one point, a reader with no door and a mark without samples', () => {
    let s = blank()
    expect(place(s, 'mark', { x: 401, y: 5 }).message).toMatch(/\(401, 5\) px is off the plan \(0–400 × 0–300 px\)/)
    s = place(s, 'door', { x: 5, y: 5 })
    expect(place(s, 'door', { x: 5, y: 5 }).message).toMatch(/second point is the first/)
    expect(place(blank(), 'reader', { x: 5, y: 5 }, { bleReaderId: 'sim-1' }).message).toMatch(/Place a door first/)
    expect(place(built(), 'mark', { x: 150, y: 150 }).message).toMatch(/needs the RSSI samples/)
    expect(place(built(), 'mark', { x: 150, y: 150 }, { rssi: [-60, 99] }).message).toMatch(/99 dBm is not an RSSI/)
  })

  it('places marks, knows the wrong side from the door line, and flips it', () => {
    let s = built()
    s = place(s, 'mark', { x: 150, y: 150 }, { rssi: parseSamples('−62, -65 -60') })
    s = place(s, 'mark', { x: 230, y: 150 }, { readerId: 'reader-1', rssi: [-80, -82] })
    expect(s.project.marks.map((m) => m.rssi)).toEqual([[-62, -65, -60], [-80, -82]])
    const door = s.project.doors[0]!
    // Walking from (200,100) down to (200,200) on screen, x < 200 is on the walker's right.
    expect(approachSide(s.project, door)).toBe('right')
    const wrongBefore = coverageMap(s.project, { advice: false }).readers[0]!.marks.map((m) => m.wrongSide)
    expect(wrongBefore).toEqual([false, true])
    s = flipDoor(s, 'door-1')
    expect(s.project.doors[0]!.approachSide).toBe('left')
    expect(coverageMap(s.project, { advice: false }).readers[0]!.marks.map((m) => m.wrongSide)).toEqual([true, false])
  })

  it('deletes a door with its readers and marks, and undo brings each step back', () => {
    let s = place(built(), 'mark', { x: 150, y: 150 }, { rssi: [-60] })
    const full = s.project
    s = deleteItem(s, 'door', 0)
    expect([s.project.doors.length, s.project.readers.length, s.project.marks.length]).toEqual([0, 0, 0])
    s = undo(s)
    expect(s.project).toEqual(full)
    s = undo(s)
    expect(s.project.marks).toHaveLength(0)
    s = deleteItem(s, 'wall', 0)
    expect(s.project.walls).toHaveLength(0)
    // A half-placed line is the first thing undo drops.
    s = place(s, 'wall', { x: 1, y: 1 })
    s = undo(s)
    expect(s.pending).toBeNull()
    expect(s.project.walls).toHaveLength(0)
    expect(undo(editorState(newProject(10, 10))).message).toBe('Nothing to undo.')
  })

  it('scales an image over 50 MP down, keeping its aspect, and says so', () => {
    expect(fitImageSize(4000, 3000)).toEqual({ widthPx: 4000, heightPx: 3000, scaled: false })
    const fit = fitImageSize(10_000, 8_000)
    expect(fit.scaled).toBe(true)
    expect(fit.widthPx * fit.heightPx).toBeLessThanOrEqual(50_000_000)
    expect(fit.widthPx / fit.heightPx).toBeCloseTo(1.25, 3)
    const s = loadImage(built(), { dataUrl: 'data:image/png;base64,AAAA', widthPx: fit.widthPx, heightPx: fit.heightPx, originalWidthPx: 10_000, originalHeightPx: 8_000 }, 'big.png')
    expect(s.message).toMatch(/10000 × 8000 px \(80.0 MP\), over 50 MP: it was scaled down to 7905 × 6324 px/)
    expect(s.scaleSet).toBe(false)
    expect(s.project.plan.image).toEqual({ dataUrl: 'data:image/png;base64,AAAA', widthPx: 10_000, heightPx: 8_000 })
    expect(undo(s).project.doors).toHaveLength(1)
  })

  it('saves and reopens the same project, and names what is wrong with a bad file', () => {
    const s = place(built(), 'mark', { x: 150, y: 150 }, { rssi: [-60] })
    const reopened = readProjectText('p.json', projectText(s.project))
    expect(reopened).toEqual({ ok: true, project: s.project, warnings: [] })
    expect(readProjectText('p.json', '{"version":')).toEqual({ ok: false, problem: 'p.json is not JSON.' })
    const newer = readProjectText('p.json', JSON.stringify({ ...s.project, version: SURVEY_PROJECT_VERSION + 1 }))
    expect(newer).toMatchObject({ ok: false, problem: expect.stringMatching(/^p\.json: \$\.version: version 2 was written by a newer Lintel/) })
    const off = readProjectText('p.json', JSON.stringify({ ...s.project, marks: [{ position: { x: 999, y: 1 }, readerId: 'reader-1', rssi: [-60] }] }))
    expect(off).toMatchObject({ ok: false, problem: expect.stringMatching(/\$\.marks\[0\]\.position: \(999, 1\) px is off the plan/) })
    expect(projectFileName({ ...s.project, name: 'Site A / floor 1.json' })).toBe('Site-A-floor-1.json')
  })

  it('takes a mark’s samples from the live scan row of its BLE reader, by id or address', () => {
    const rows = [
      { address: 'AA:BB', readerId: null, history: [-50] },
      { address: 'CC:DD', readerId: 'sim-2', history: [-61.4, -63, -70.6] }
    ]
    expect(samplesFromScan(rows, 'sim-2')).toEqual([-61, -63, -71])
    expect(samplesFromScan(rows, 'aa:bb')).toEqual([-50])
    expect(samplesFromScan(rows, 'sim-9')).toEqual([])
  })
})
