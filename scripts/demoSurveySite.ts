// The demo site's floor plan (resources/demo-survey.json) and its virtual radios: used by
// scripts/demo-survey.ts to write the file and by scripts/bench-plan.ts as the known truth.
import { metresPerPixel, SURVEY_PROJECT_VERSION, type Reader, type SurveyProject, type Wall, type WallMaterial } from '../src/shared/plan'
import { OPEN_ROOM, PHONE_SCANNER, simulateWalk, type Material, type VirtualSite, type WalkMark } from '../src/shared/rf'

/** 20 px per metre; the plan is 34 × 20 m: a 30 × 16 m building with a 2 m strip outside. */
const PX_PER_M = 20
const px = (x: number, y: number): { x: number; y: number } => ({ x: x * PX_PER_M, y: y * PX_PER_M })

/** The plan's wall materials as the virtual RF site names them. */
const RF_MATERIAL: Record<WallMaterial, Material> = { drywall: 'drywall', glass: 'glass', brick: 'brick', concrete: 'concrete', metal: 'metal_door' }

interface DemoDoor {
  siteDoorId: number
  name: string
  from: [number, number]
  to: [number, number]
  leaf: WallMaterial
  /** The BLE reader, in metres; the Store Room takes cards and PINs only, so it has none. */
  reader?: { at: [number, number]; txPower_dBm: number; advIntervalMs: number }
}

// The six doors of resources/demo-site.json; tx powers and intervals as src/main/hardware/ble/virtualReaders.ts gives them.
const DOORS: readonly DemoDoor[] = [
  { siteDoorId: 1, name: 'Front Entrance', from: [2, 9], to: [2, 11], leaf: 'glass', reader: { at: [1.85, 8.6], txPower_dBm: -8, advIntervalMs: 100 } },
  { siteDoorId: 2, name: 'Side Door', from: [32, 9], to: [32, 11], leaf: 'metal', reader: { at: [32.15, 11.4], txPower_dBm: -4, advIntervalMs: 152.5 } },
  { siteDoorId: 3, name: 'Server Room', from: [26, 11], to: [27, 11], leaf: 'metal', reader: { at: [27.4, 10.85], txPower_dBm: -8, advIntervalMs: 211.25 } },
  { siteDoorId: 4, name: 'Store Room', from: [26, 9], to: [27, 9], leaf: 'drywall' },
  { siteDoorId: 5, name: 'Roof Access', from: [15, 9], to: [16, 9], leaf: 'metal', reader: { at: [16.4, 9.15], txPower_dBm: -4, advIntervalMs: 318.75 } },
  { siteDoorId: 6, name: 'Lobby', from: [6, 11], to: [8, 11], leaf: 'glass', reader: { at: [8.4, 10.85], txPower_dBm: -8, advIntervalMs: 100 } }
]

type Segment = [number, number, number, number, WallMaterial]
// The building's walls in metres, split where a door's leaf takes over.
const WALLS: readonly Segment[] = [
  [2, 2, 32, 2, 'brick'], [2, 18, 32, 18, 'brick'],
  [2, 2, 2, 9, 'brick'], [2, 11, 2, 18, 'brick'], [32, 2, 32, 9, 'brick'], [32, 11, 32, 18, 'brick'],
  [2, 9, 15, 9, 'drywall'], [16, 9, 26, 9, 'drywall'], [27, 9, 32, 9, 'drywall'],
  [2, 11, 6, 11, 'drywall'], [8, 11, 24, 11, 'drywall'], [24, 11, 26, 11, 'concrete'], [27, 11, 32, 11, 'concrete'],
  [12, 11, 12, 18, 'drywall'], [24, 11, 24, 18, 'concrete'],
  [14, 2, 14, 9, 'brick'], [18, 2, 18, 9, 'brick'], [24, 2, 24, 9, 'drywall']
]

/** The demo plan without marks. */
export function demoPlan(): SurveyProject {
  const doors = DOORS.map((d) => ({ id: `door-${d.siteDoorId}`, name: d.name, siteDoorId: d.siteDoorId, from: px(...d.from), to: px(...d.to) }))
  const readers: Reader[] = DOORS.flatMap((d) =>
    d.reader ? [{ id: `reader-${d.siteDoorId}`, bleReaderId: `sim-${d.siteDoorId}`, doorId: `door-${d.siteDoorId}`, position: px(...d.reader.at), txPower_dBm: d.reader.txPower_dBm, model: 'Lintel virtual reader' }] : []
  )
  const walls: Wall[] = [
    ...WALLS.map(([x0, y0, x1, y1, material]) => ({ from: px(x0, y0), to: px(x1, y1), material })),
    ...DOORS.map((d) => ({ from: px(...d.from), to: px(...d.to), material: d.leaf }))
  ]
  const plan = { widthPx: 34 * PX_PER_M, heightPx: 20 * PX_PER_M, scale: { from: px(2, 2), to: px(12, 2), distance_m: 10 } }
  const project: SurveyProject = { version: SURVEY_PROJECT_VERSION, name: 'Demo site', plan, threshold_dBm: -70, doors, readers, walls, marks: [] }
  return { ...project, plan: { ...plan, image: { dataUrl: planImage(project) } } }
}

/** The virtual RF site one reader sits in: the plan's walls, an ordinary room's radio, a phone scanning. */
export function virtualSiteFor(project: SurveyProject, readerId: string): VirtualSite {
  const mpp = metresPerPixel(project.plan.scale)
  const reader = project.readers.find((r) => r.id === readerId)!
  const demo = DOORS.find((d) => `reader-${d.siteDoorId}` === readerId)
  return {
    reader: { position: { x: reader.position.x * mpp, y: reader.position.y * mpp }, rssiAt1m_dBm: (reader.txPower_dBm ?? -4) - 55, advIntervalMs: demo?.reader?.advIntervalMs ?? 100 },
    walls: project.walls.map((w) => ({ from: { x: w.from.x * mpp, y: w.from.y * mpp }, to: { x: w.to.x * mpp, y: w.to.y * mpp }, material: RF_MATERIAL[w.material] })),
    environment: OPEN_ROOM,
    scanner: PHONE_SCANNER
  }
}

/** Where the installer stands for one reader: a fan on the approach side out to 4 m, and a few steps behind the door. */
export function demoMarkSpots(project: SurveyProject, reader: Reader): { x: number; y: number }[] {
  const door = project.doors.find((d) => d.id === reader.doorId)!
  const along = unit(door.to.x - door.from.x, door.to.y - door.from.y)
  const mid = { x: (door.from.x + door.to.x) / 2, y: (door.from.y + door.to.y) / 2 }
  const towardReader = (reader.position.x - mid.x) * -along.y + (reader.position.y - mid.y) * along.x
  const inward = towardReader >= 0 ? { x: -along.y, y: along.x } : { x: along.y, y: -along.x }
  const spots: { x: number; y: number }[] = []
  for (const out of [0.5, 1, 2, 3, 4]) for (const side of [-1.5, 0, 1.5]) spots.push(offset(reader.position, inward, along, out, side))
  for (const back of [0.5, 1.5]) for (const side of [-1, 1]) spots.push(offset(reader.position, inward, along, -back, side))
  const { widthPx, heightPx } = project.plan
  return spots.filter((s) => s.x >= 0 && s.x <= widthPx && s.y >= 0 && s.y <= heightPx)
}

function offset(p: { x: number; y: number }, inward: { x: number; y: number }, along: { x: number; y: number }, out_m: number, side_m: number): { x: number; y: number } {
  return { x: Math.round(p.x + (inward.x * out_m + along.x * side_m) * PX_PER_M), y: Math.round(p.y + (inward.y * out_m + along.y * side_m) * PX_PER_M) }
}

function unit(x: number, y: number): { x: number; y: number } {
  const length = Math.hypot(x, y)
  return { x: x / length, y: y / length }
}

/** The seed of one reader's virtual radio: its shadowing and fading fields are fixed by it, so it is the truth the map is judged against. */
export function readerSeed(seed: number, readerIndex: number): number {
  return seed * 100 + readerIndex
}

/** Simulated marks for every reader: one walk per reader, `dwell_s` at each spot, swaying 5 cm, heard by a phone scanner. */
export function simulateMarks(project: SurveyProject, seed: number, dwell_s = 5): SurveyProject['marks'] {
  const mpp = metresPerPixel(project.plan.scale)
  return project.readers.flatMap((reader, index) => {
    const spots = demoMarkSpots(project, reader)
    // distance_m tags each sample with its spot (1-based); the walk's samples come out in spot order.
    const walk: WalkMark[] = spots.map((spot, k) => ({ position: { x: spot.x * mpp, y: spot.y * mpp }, distance_m: k + 1, side: 'in', dwell_s }))
    const samples = simulateWalk(virtualSiteFor(project, reader.id), walk, readerSeed(seed, index))
    return spots.flatMap((spot, k) => {
      const rssi = samples.filter((s) => s.distance_m === k + 1).map((s) => s.rssi)
      return rssi.length ? [{ position: spot, readerId: reader.id, rssi }] : []
    })
  })
}

/** A line drawing of the walls (doors in blue) as an SVG data URL: small enough to embed. */
function planImage(project: SurveyProject): string {
  const line = (w: Wall, colour: string): string => `<line x1="${w.from.x}" y1="${w.from.y}" x2="${w.to.x}" y2="${w.to.y}" stroke="${colour}" stroke-width="${w.material === 'drywall' ? 2 : 4}"/>`
  const doors = new Set(project.doors.map((d) => `${d.from.x},${d.from.y},${d.to.x},${d.to.y}`))
  const body = project.walls.map((w) => line(w, doors.has(`${w.from.x},${w.from.y},${w.to.x},${w.to.y}`) ? '#2563eb' : '#334155')).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${project.plan.widthPx}" height="${project.plan.heightPx}"><rect width="100%" height="100%" fill="#f8fafc"/>${body}</svg>`
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

/** The seed of the committed demo's marks. */
export const DEMO_SEED = 16

/** The committed demo survey: the plan and its simulated marks. */
export function demoSurvey(): SurveyProject {
  const plan = demoPlan()
  return { ...plan, marks: simulateMarks(plan, DEMO_SEED) }
}
