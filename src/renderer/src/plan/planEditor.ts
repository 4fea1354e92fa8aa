import {
  checkProject,
  MAX_IMAGE_PIXELS,
  metresPerPixel,
  sideOfLine,
  SURVEY_PROJECT_VERSION,
  type Door,
  type PlanPoint,
  type SurveyProject,
  type WallMaterial
} from '../../../shared/plan'

/**
 * The plan editor's logic, pure: no DOM, no React. The component (components/survey/PlanEditor.tsx)
 * turns clicks and typed x/y into `place` and buttons into the other actions; every action returns
 * a new state, and every change to the project pushes the old one onto the undo stack.
 */

export const EDITOR_TOOLS = ['look', 'scale', 'door', 'reader', 'wall', 'mark'] as const
export type EditorTool = (typeof EDITOR_TOOLS)[number]

/** Tools that take two points; the first is held in `pending` until the second arrives. */
const TWO_POINT_TOOLS: ReadonlySet<EditorTool> = new Set(['scale', 'door', 'wall'])

/** A new plan's scale until the installer sets one: 20 px per metre, said in `scaleSet: false`. */
export const ASSUMED_PX_PER_M = 20
/** The undo stack keeps this many steps. */
const UNDO_DEPTH = 100

export type ItemKind = 'door' | 'reader' | 'wall' | 'mark'

export interface EditorState {
  project: SurveyProject
  /** Whether the installer has set the scale (a new plan starts with ASSUMED_PX_PER_M). */
  scaleSet: boolean
  /** The first point of a two-point tool, waiting for the second. */
  pending: PlanPoint | null
  /** Projects before each change, newest last. */
  undo: SurveyProject[]
  /** The last refusal or note, in one line; null when the last action went through. */
  message: string | null
}

/** What the current tool needs besides the point: the fields next to the tool buttons. */
export interface ToolOptions {
  /** Scale: the real distance between the two points, metres. */
  distance_m?: number
  /** Door: its name. */
  doorName?: string
  /** Reader: the BLE reader from the scan (id or address) and its door. */
  bleReaderId?: string
  doorId?: string
  /** Wall: its material. */
  material?: WallMaterial
  /** Mark: the reader captured and the RSSI samples heard, dBm. */
  readerId?: string
  rssi?: readonly number[]
}

export function editorState(project: SurveyProject, scaleSet = true): EditorState {
  return { project, scaleSet, pending: null, undo: [], message: null }
}

/** A new, empty project on a plan image of this size (pixels), with an assumed scale until one is set. */
export function newProject(widthPx: number, heightPx: number, image?: SurveyProject['plan']['image'], name?: string): SurveyProject {
  return {
    version: SURVEY_PROJECT_VERSION,
    ...(name ? { name } : {}),
    plan: {
      widthPx,
      heightPx,
      ...(image ? { image } : {}),
      scale: { from: { x: 0, y: 0 }, to: { x: ASSUMED_PX_PER_M, y: 0 }, distance_m: 1 }
    },
    threshold_dBm: -70,
    doors: [],
    readers: [],
    walls: [],
    marks: []
  }
}

/** The size to decode an image to: unchanged up to MAX_IMAGE_PIXELS, else scaled down (same aspect) to fit under it. */
export function fitImageSize(widthPx: number, heightPx: number): { widthPx: number; heightPx: number; scaled: boolean } {
  if (widthPx * heightPx <= MAX_IMAGE_PIXELS) return { widthPx, heightPx, scaled: false }
  const f = Math.sqrt(MAX_IMAGE_PIXELS / (widthPx * heightPx))
  return { widthPx: Math.max(1, Math.floor(widthPx * f)), heightPx: Math.max(1, Math.floor(heightPx * f)), scaled: true }
}

/** The note shown when an image was scaled down. */
export function scaledNote(original: { widthPx: number; heightPx: number }, used: { widthPx: number; heightPx: number }): string {
  const mp = (w: number, h: number) => `${((w * h) / 1e6).toFixed(1)} MP`
  return `The image is ${original.widthPx} × ${original.heightPx} px (${mp(original.widthPx, original.heightPx)}), over ${MAX_IMAGE_PIXELS / 1e6} MP: it was scaled down to ${used.widthPx} × ${used.heightPx} px.`
}

/** A new plan from a decoded image: the project is replaced, and the old one kept for undo. */
export function loadImage(state: EditorState, image: { dataUrl: string; widthPx: number; heightPx: number; originalWidthPx: number; originalHeightPx: number }, name?: string): EditorState {
  const project = newProject(image.widthPx, image.heightPx, { dataUrl: image.dataUrl, widthPx: image.originalWidthPx, heightPx: image.originalHeightPx }, name)
  const scaled = image.widthPx !== image.originalWidthPx || image.heightPx !== image.originalHeightPx
  const note = scaled ? scaledNote({ widthPx: image.originalWidthPx, heightPx: image.originalHeightPx }, image) : null
  return { ...change(state, project), scaleSet: false, message: note }
}

/** Switching tools drops a half-placed line. */
export function chooseTool(state: EditorState): EditorState {
  return state.pending ? { ...state, pending: null } : state
}

function refuse(state: EditorState, message: string): EditorState {
  return { ...state, message }
}

function change(state: EditorState, project: SurveyProject): EditorState {
  return { ...state, project, pending: null, undo: [...state.undo, state.project].slice(-UNDO_DEPTH), message: null }
}

function onPlan(project: SurveyProject, p: PlanPoint): boolean {
  return Number.isFinite(p.x) && Number.isFinite(p.y) && p.x >= 0 && p.y >= 0 && p.x <= project.plan.widthPx && p.y <= project.plan.heightPx
}

const same = (a: PlanPoint, b: PlanPoint) => a.x === b.x && a.y === b.y

function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((t) => t.id))
  let n = taken.length + 1
  while (ids.has(`${prefix}-${n}`)) n++
  return `${prefix}-${n}`
}

/** A click (or typed x/y) with the current tool, in plan pixels. */
export function place(state: EditorState, tool: EditorTool, point: PlanPoint, options: ToolOptions = {}): EditorState {
  if (tool === 'look') return state
  const p = { x: round(point.x), y: round(point.y) }
  const { widthPx, heightPx } = state.project.plan
  if (!onPlan(state.project, p)) return refuse(state, `(${p.x}, ${p.y}) px is off the plan (0–${widthPx} × 0–${heightPx} px).`)
  if (TWO_POINT_TOOLS.has(tool)) {
    if (!state.pending) return { ...state, pending: p, message: null }
    if (same(state.pending, p)) return refuse(state, 'The second point is the first one: pick a point apart from it.')
    return finishLine(state, tool, state.pending, p, options)
  }
  if (tool === 'reader') return placeReader(state, p, options)
  return placeMark(state, p, options)
}

/** Pixels to 0.1 px: typed and clicked points save as short numbers. */
const round = (v: number) => Math.round(v * 10) / 10

function finishLine(state: EditorState, tool: EditorTool, from: PlanPoint, to: PlanPoint, options: ToolOptions): EditorState {
  const project = state.project
  if (tool === 'scale') {
    const d = options.distance_m
    if (d === undefined || !Number.isFinite(d) || d <= 0) {
      return { ...refuse(state, `The scale distance must be more than 0 m (it is ${d === undefined || Number.isNaN(d) ? 'empty' : `${d} m`}); the scale is unchanged.`), pending: null }
    }
    return { ...change(state, { ...project, plan: { ...project.plan, scale: { from, to, distance_m: d } } }), scaleSet: true }
  }
  if (tool === 'door') {
    const id = nextId('door', project.doors)
    const name = options.doorName?.trim() || `Door ${project.doors.length + 1}`
    return change(state, { ...project, doors: [...project.doors, { id, name, from, to }] })
  }
  const material = options.material ?? 'drywall'
  return change(state, { ...project, walls: [...project.walls, { from, to, material }] })
}

function placeReader(state: EditorState, position: PlanPoint, options: ToolOptions): EditorState {
  const project = state.project
  if (project.doors.length === 0) return refuse(state, 'Place a door first: every reader belongs to a door.')
  const doorId = options.doorId && project.doors.some((d) => d.id === options.doorId) ? options.doorId : project.doors.at(-1)!.id
  const bleReaderId = options.bleReaderId?.trim()
  if (!bleReaderId) return refuse(state, 'Choose the BLE reader (from the scan) this reader is.')
  const id = nextId('reader', project.readers)
  return change(state, { ...project, readers: [...project.readers, { id, bleReaderId, doorId, position }] })
}

function placeMark(state: EditorState, position: PlanPoint, options: ToolOptions): EditorState {
  const project = state.project
  const reader = project.readers.find((r) => r.id === options.readerId) ?? (project.readers.length === 1 ? project.readers[0] : undefined)
  if (!reader) return refuse(state, project.readers.length ? 'Choose the reader this capture is of.' : 'Place a reader first: a mark is a capture of one reader.')
  const rssi = (options.rssi ?? []).map((v) => Math.round(v))
  if (rssi.length === 0) return refuse(state, 'A mark needs the RSSI samples of its capture (dBm, e.g. -62, -65, -60).')
  const bad = rssi.find((v) => !(v >= -127 && v <= 20))
  if (bad !== undefined) return refuse(state, `${bad} dBm is not an RSSI: samples are −127…20 dBm.`)
  return change(state, { ...project, marks: [...project.marks, { position, readerId: reader.id, rssi }] })
}

/** Parses "−62, -65 -60" into samples; NaN entries are kept so the mark is refused with a message. */
export function parseSamples(text: string): number[] {
  return text
    .replace(/\u2212/g, '-')
    .split(/[\s,;]+/)
    .filter((t) => t.length > 0)
    .map(Number)
}

/** The side of a door people approach from: its own, else its first reader's, else left. */
export function approachSide(project: SurveyProject, door: Door): 'left' | 'right' {
  if (door.approachSide) return door.approachSide
  const reader = project.readers.find((r) => r.doorId === door.id)
  const side = reader ? sideOfLine(door.from, door.to, reader.position) : 0
  return side === -1 ? 'right' : 'left'
}

/** Flips which side of a door is the approach side (and so which is the wrong side). */
export function flipDoor(state: EditorState, doorId: string): EditorState {
  const project = state.project
  const door = project.doors.find((d) => d.id === doorId)
  if (!door) return state
  const side = approachSide(project, door) === 'left' ? 'right' : 'left'
  return change(state, { ...project, doors: project.doors.map((d) => (d.id === doorId ? { ...d, approachSide: side } : d)) })
}

/** Links a reader to another BLE reader or door. */
export function editReader(state: EditorState, readerId: string, patch: { bleReaderId?: string; doorId?: string }): EditorState {
  const project = state.project
  if (patch.doorId !== undefined && !project.doors.some((d) => d.id === patch.doorId)) return refuse(state, `No door has the id "${patch.doorId}".`)
  if (patch.bleReaderId !== undefined && !patch.bleReaderId.trim()) return refuse(state, 'A reader needs its BLE reader.')
  return change(state, { ...project, readers: project.readers.map((r) => (r.id === readerId ? { ...r, ...patch } : r)) })
}

/** Deletes one item; a door takes its readers with it, a reader its marks (undo brings them back). */
export function deleteItem(state: EditorState, kind: ItemKind, index: number): EditorState {
  const p = state.project
  if (kind === 'door') {
    const door = p.doors[index]
    if (!door) return state
    const gone = new Set(p.readers.filter((r) => r.doorId === door.id).map((r) => r.id))
    return change(state, { ...p, doors: p.doors.filter((_, k) => k !== index), readers: p.readers.filter((r) => !gone.has(r.id)), marks: p.marks.filter((m) => !gone.has(m.readerId)) })
  }
  if (kind === 'reader') {
    const reader = p.readers[index]
    if (!reader) return state
    return change(state, { ...p, readers: p.readers.filter((_, k) => k !== index), marks: p.marks.filter((m) => m.readerId !== reader.id) })
  }
  if (kind === 'wall') return index < p.walls.length ? change(state, { ...p, walls: p.walls.filter((_, k) => k !== index) }) : state
  return index < p.marks.length ? change(state, { ...p, marks: p.marks.filter((_, k) => k !== index) }) : state
}

/** Undoes the last change; a half-placed line is dropped first. */
export function undo(state: EditorState): EditorState {
  if (state.pending) return { ...state, pending: null, message: null }
  const previous = state.undo.at(-1)
  if (!previous) return refuse(state, 'Nothing to undo.')
  return { ...state, project: previous, undo: state.undo.slice(0, -1), message: null }
}

/** The project file's text, as saved. */
export function projectText(project: SurveyProject): string {
  return `${JSON.stringify(project, null, 2)}\n`
}

/** A file name for saving: the project's name, made safe, with .json. */
export function projectFileName(project: SurveyProject): string {
  const base = (project.name ?? 'survey-project').replace(/\.json$/i, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '')
  return `${base || 'survey-project'}.json`
}

export type OpenedProject = { ok: true; project: SurveyProject; warnings: string[] } | { ok: false; problem: string }

/** Reads a project file's text: not JSON, newer, invalid, marks off the plan — each one line naming the file. */
export function readProjectText(name: string, text: string): OpenedProject {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, problem: `${name} is not JSON.` }
  }
  const checked = checkProject(raw)
  if (!checked.ok) return { ok: false, problem: `${name}: ${checked.path}: ${checked.message}.` }
  return { ok: true, project: checked.project, warnings: checked.warnings }
}

/** Metres between two plan points at the project's scale, for the status line. */
export function metresBetween(project: SurveyProject, a: PlanPoint, b: PlanPoint): number {
  return Math.hypot(b.x - a.x, b.y - a.y) * metresPerPixel(project.plan.scale)
}

/** Replaces the project with an opened one; the one before stays on the undo stack, so nothing is lost. */
export function openProject(state: EditorState, project: SurveyProject): EditorState {
  return { ...change(state, project), scaleSet: true }
}

/** The live scan's latest RSSI values (whole dBm, oldest first) of a BLE reader, by its id or address; [] when the scan has not heard it. */
export function samplesFromScan(rows: readonly { address: string; readerId: string | null; history: readonly number[] }[], bleReaderId: string): number[] {
  const id = bleReaderId.trim().toLowerCase()
  const row = rows.find((r) => r.readerId?.toLowerCase() === id || r.address.toLowerCase() === id)
  return row ? row.history.map((v) => Math.round(v)) : []
}
