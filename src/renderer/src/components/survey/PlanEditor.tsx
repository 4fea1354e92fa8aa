import { useRef, useState, type ChangeEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react'
import { downloadText } from '../../hooks/useAction'
import { WALL_LOSS_DB, type PlanPoint, type SurveyProject, type WallMaterial } from '../../../../shared/plan'
import {
  approachSide,
  chooseTool,
  deleteItem,
  editReader,
  EDITOR_TOOLS,
  fitImageSize,
  flipDoor,
  loadImage,
  metresBetween,
  parseSamples,
  place,
  samplesFromScan,
  projectFileName,
  projectText,
  undo,
  type EditorState,
  type EditorTool,
  type ItemKind
} from '../../plan/planEditor'

/** A BLE reader the scan knows, offered when placing a reader. */
export interface KnownBleReader {
  id: string
  name: string
}

const TOOL_LABEL: Record<EditorTool, string> = { look: 'Look', scale: 'Scale', door: 'Door', reader: 'Reader', wall: 'Wall', mark: 'Mark' }
const TOOL_HINT: Record<EditorTool, string> = {
  look: 'Look: drag to pan; nothing is changed.',
  scale: 'Scale: click two points whose real distance you know, after typing the distance.',
  door: 'Door: click both ends of the doorway. Flip side below if the arrow points to the wrong side.',
  reader: 'Reader: click where the reader is; choose its BLE reader and door first.',
  wall: 'Wall: click both ends of the wall; choose its material first.',
  mark: 'Mark: click where you stand for a capture; enter the RSSI samples heard there.'
}
const MATERIALS = Object.keys(WALL_LOSS_DB) as WallMaterial[]
const SURFACE_WIDTH = 800

/** The live scan's rows, for taking a mark's samples from it. */
export type ScanRows = Parameters<typeof samplesFromScan>[0]

interface Props {
  state: EditorState
  onChange: (next: EditorState) => void
  bleReaders?: readonly KnownBleReader[]
  /** The live scan's latest rows, when the page runs a scan: the Mark tool can take its samples from them. */
  scanRows?: ScanRows | null
}

/** The plan editor: load an image, set the scale, place doors, readers, walls and marks; undo, delete, save. */
export function PlanEditor({ state, onChange, bleReaders = [], scanRows = null }: Props) {
  const [tool, setTool] = useState<EditorTool>('look')
  const [distance, setDistance] = useState('')
  const [doorName, setDoorName] = useState('')
  const [bleReaderId, setBleReaderId] = useState('')
  const [doorId, setDoorId] = useState('')
  const [material, setMaterial] = useState<WallMaterial>('drywall')
  const [markReader, setMarkReader] = useState('')
  const [samples, setSamples] = useState('')
  const [typed, setTyped] = useState({ x: '', y: '' })
  const [zoom, setZoom] = useState(1)
  const [note, setNote] = useState<string | null>(null)
  const { project } = state

  const pick = (next: EditorTool) => {
    setTool(next)
    onChange(chooseTool(state))
  }
  const placeAt = (point: PlanPoint) =>
    onChange(
      place(state, tool, point, {
        distance_m: distance.trim() === '' ? undefined : Number(distance),
        doorName,
        bleReaderId,
        doorId,
        material,
        readerId: markReader,
        rssi: parseSamples(samples)
      })
    )
  const onImage = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    const pdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name)
    if (!pdf && !/^image\/(png|jpeg)$/.test(file.type)) {
      setNote(`${file.name} is not a PNG, JPEG or PDF file. The plan is unchanged.`)
      return
    }
    try {
      const name = file.name.replace(/\.[^.]+$/, '')
      if (pdf) {
        const { renderPdfFirstPage } = await import('../../plan/pdfPlan')
        const page = await renderPdfFirstPage(await fileBuffer(file))
        const next = loadImage(state, page, name)
        setNote(null)
        onChange(page.pages > 1 ? { ...next, message: `${next.message ? `${next.message} ` : ''}${file.name} has ${page.pages} pages: the first is the plan.` } : next)
        return
      }
      const image = await decodeImage(file)
      setNote(null)
      onChange(loadImage(state, image, name))
    } catch {
      setNote(`${file.name} could not be read as ${pdf ? 'a PDF' : 'an image'}. The plan is unchanged.`)
    }
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault()
      onChange(undo(state))
    } else if (event.key === 'Escape' && state.pending) {
      onChange(chooseTool(state))
    }
  }
  const status = state.pending
    ? `First point at (${state.pending.x}, ${state.pending.y}) px: click or type the second.`
    : TOOL_HINT[tool]

  return (
    <div className="plan-editor" onKeyDown={onKeyDown}>
      <div className="toolbar">
        <label>
          Plan image (PNG, JPEG or PDF) <input type="file" accept="image/png,image/jpeg,application/pdf" onChange={(e) => void onImage(e)} />
        </label>
        <button type="button" onClick={() => saveProject(project)}>
          Save project
        </button>
        <button type="button" onClick={() => onChange(undo(state))} aria-keyshortcuts="Control+Z">
          Undo
        </button>
      </div>
      <div role="toolbar" aria-label="Plan tools" className="actions">
        {EDITOR_TOOLS.map((t) => (
          <button key={t} type="button" aria-pressed={tool === t} className={tool === t ? 'primary' : undefined} onClick={() => pick(t)}>
            {TOOL_LABEL[t]}
          </button>
        ))}
      </div>
      <div className="toolbar plan-tool-options">
        {tool === 'scale' ? (
          <label>
            Known distance (m) <input type="number" step="any" value={distance} onChange={(e) => setDistance(e.target.value)} />
          </label>
        ) : null}
        {tool === 'door' ? (
          <label>
            Door name <input value={doorName} onChange={(e) => setDoorName(e.target.value)} />
          </label>
        ) : null}
        {tool === 'reader' ? (
          <>
            <label>
              BLE reader <input list="plan-ble-readers" value={bleReaderId} onChange={(e) => setBleReaderId(e.target.value)} />
            </label>
            <datalist id="plan-ble-readers">
              {bleReaders.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </datalist>
            <DoorChoice label="Reader's door" project={project} value={doorId} onChange={setDoorId} />
          </>
        ) : null}
        {tool === 'wall' ? (
          <label>
            Material{' '}
            <select value={material} onChange={(e) => setMaterial(e.target.value as WallMaterial)}>
              {MATERIALS.map((m) => (
                <option key={m} value={m}>
                  {m} ({WALL_LOSS_DB[m]} dB)
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {tool === 'mark' ? (
          <>
            <label>
              Captured reader{' '}
              <select value={markReader} onChange={(e) => setMarkReader(e.target.value)}>
                <option value="">(choose)</option>
                {project.readers.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id} — {r.bleReaderId}
                  </option>
                ))}
              </select>
            </label>
            <label>
              RSSI samples (dBm) <input value={samples} placeholder="-62, -65, -60" onChange={(e) => setSamples(e.target.value)} />
            </label>
            {scanRows ? (
              <button
                type="button"
                onClick={() => {
                  const reader = project.readers.find((r) => r.id === markReader) ?? (project.readers.length === 1 ? project.readers[0] : undefined)
                  if (!reader) return setNote('Choose the captured reader first.')
                  const taken = samplesFromScan(scanRows, reader.bleReaderId)
                  setNote(taken.length ? null : `The live scan has not heard ${reader.bleReaderId}: start the scan above and stand still for a few seconds.`)
                  if (taken.length) setSamples(taken.join(', '))
                }}
              >
                Take samples from the live scan
              </button>
            ) : null}
          </>
        ) : null}
        {tool !== 'look' ? (
          <form
            className="plan-typed-point"
            onSubmit={(e) => {
              e.preventDefault()
              placeAt({ x: Number(typed.x), y: Number(typed.y) })
            }}
          >
            <label>
              x (px) <input type="number" step="any" required value={typed.x} onChange={(e) => setTyped({ ...typed, x: e.target.value })} />
            </label>
            <label>
              y (px) <input type="number" step="any" required value={typed.y} onChange={(e) => setTyped({ ...typed, y: e.target.value })} />
            </label>
            <button type="submit">Place point</button>
          </form>
        ) : null}
      </div>
      <p className="muted" role="status" data-testid="plan-editor-status">
        {status} Plan {project.plan.widthPx} × {project.plan.heightPx} px,{' '}
        {state.scaleSet ? `scale ${metresBetween(project, { x: 0, y: 0 }, { x: 1, y: 0 }).toFixed(4)} m/px` : `scale not set (assumed 20 px/m)`}.
      </p>
      {state.message || note ? (
        <div className="alert" role="alert">
          {state.message ?? note}
        </div>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => setZoom((z) => Math.min(8, z * 1.25))}>
          Zoom plan in
        </button>
        <button type="button" onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))}>
          Zoom plan out
        </button>
      </div>
      <Surface state={state} tool={tool} zoom={zoom} onPoint={placeAt} />
      <ItemLists state={state} onChange={onChange} />
    </div>
  )
}

function DoorChoice({ label, project, value, onChange }: { label: string; project: SurveyProject; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">(the last door placed)</option>
        {project.doors.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The plan image with doors (arrow to the approach side), readers, walls and marks, as SVG in plan pixels. */
function Surface({ state, tool, zoom, onPoint }: { state: EditorState; tool: EditorTool; zoom: number; onPoint: (p: PlanPoint) => void }) {
  const { project, pending } = state
  const { widthPx: w, heightPx: h } = project.plan
  const scroller = useRef<HTMLDivElement>(null)
  const drag = useRef<{ x: number; y: number } | null>(null)
  const width = Math.round(Math.min(SURFACE_WIDTH, w) * zoom)
  const height = Math.round((width * h) / w)
  const px = w / width
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    if (tool === 'look') return
    const rect = event.currentTarget.getBoundingClientRect()
    const sx = rect.width > 0 ? w / rect.width : px
    const sy = rect.height > 0 ? h / rect.height : px
    onPoint({ x: (event.clientX - rect.left) * sx, y: (event.clientY - rect.top) * sy })
  }
  const onPointerDown = (event: PointerEvent) => void (tool === 'look' && (drag.current = { x: event.clientX, y: event.clientY }))
  const onPointerMove = (event: PointerEvent) => {
    const el = scroller.current
    if (!drag.current || !el) return
    el.scrollBy(drag.current.x - event.clientX, drag.current.y - event.clientY)
    drag.current = { x: event.clientX, y: event.clientY }
  }
  const r = 6 * px
  return (
    <div className="plan-surface-scroll" ref={scroller}>
      <svg
        className={`plan-surface tool-${tool}`}
        data-testid="plan-surface"
        width={width}
        height={height}
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label={`The plan for editing: ${project.doors.length} doors, ${project.readers.length} readers, ${project.walls.length} walls, ${project.marks.length} marks. Click with a tool, or type x and y.`}
        onClick={onClick}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => void (drag.current = null)}
        onPointerLeave={() => void (drag.current = null)}
      >
        <rect x={0} y={0} width={w} height={h} fill="#f8fafc" />
        {project.plan.image?.dataUrl ? <image href={project.plan.image.dataUrl} x={0} y={0} width={w} height={h} preserveAspectRatio="none" /> : null}
        {project.walls.map((wall, k) => (
          <line key={`w${k}`} x1={wall.from.x} y1={wall.from.y} x2={wall.to.x} y2={wall.to.y} stroke="#334155" strokeWidth={(wall.material === 'drywall' || wall.material === 'glass' ? 2 : 4) * px} />
        ))}
        {project.doors.map((door) => {
          const side = approachSide(project, door) === 'left' ? 1 : -1
          const mx = (door.from.x + door.to.x) / 2
          const my = (door.from.y + door.to.y) / 2
          const len = Math.hypot(door.to.x - door.from.x, door.to.y - door.from.y) || 1
          // Left of from→to on screen (y down) is (dy, −dx) normalised.
          const nx = ((door.to.y - door.from.y) / len) * side * 20 * px
          const ny = (-(door.to.x - door.from.x) / len) * side * 20 * px
          return (
            <g key={door.id}>
              <line x1={door.from.x} y1={door.from.y} x2={door.to.x} y2={door.to.y} stroke="#0a58ca" strokeWidth={5 * px} />
              <line x1={mx} y1={my} x2={mx + nx} y2={my + ny} stroke="#0a58ca" strokeWidth={2 * px} />
              <circle cx={mx + nx} cy={my + ny} r={3 * px} fill="#0a58ca" />
              <text x={mx + nx * 1.3} y={my + ny * 1.3 - 8 * px} fontSize={12 * px} fill="#1b1f24">
                {door.name}
              </text>
            </g>
          )
        })}
        {project.readers.map((reader) => (
          <g key={reader.id}>
            <rect x={reader.position.x - r} y={reader.position.y - r} width={2 * r} height={2 * r} fill="#1b1f24" />
            <text x={reader.position.x - r} y={reader.position.y + r * 3.2} fontSize={12 * px} fill="#1b1f24">
              {reader.bleReaderId}
            </text>
          </g>
        ))}
        {project.marks.map((mark, k) => (
          <circle key={`m${k}`} cx={mark.position.x} cy={mark.position.y} r={r * 0.7} fill="#ffffff" stroke="#1b1f24" strokeWidth={1.5 * px} />
        ))}
        {pending ? <circle cx={pending.x} cy={pending.y} r={r} fill="none" stroke="#a40e26" strokeWidth={2 * px} /> : null}
      </svg>
    </div>
  )
}

/** Every item with its keyboard actions: flip, relink, delete. */
function ItemLists({ state, onChange }: { state: EditorState; onChange: (next: EditorState) => void }) {
  const { project } = state
  const del = (kind: ItemKind, index: number) => onChange(deleteItem(state, kind, index))
  const at = (p: PlanPoint) => `(${p.x}, ${p.y}) px`
  return (
    <div className="plan-items">
      <ul aria-label="Doors">
        {project.doors.map((d, k) => (
          <li key={d.id}>
            {d.name}: {at(d.from)} → {at(d.to)}, approached from the {approachSide(project, d)}{' '}
            <button type="button" onClick={() => onChange(flipDoor(state, d.id))}>
              Flip side of {d.name}
            </button>{' '}
            <button type="button" onClick={() => del('door', k)}>
              Delete {d.name}
            </button>
          </li>
        ))}
      </ul>
      <ul aria-label="Readers">
        {project.readers.map((r, k) => (
          <li key={`${r.id}-${r.bleReaderId}`}>
            {r.id} at {at(r.position)}{' '}
            <label>
              BLE reader of {r.id}{' '}
              <input defaultValue={r.bleReaderId} onBlur={(e) => e.target.value !== r.bleReaderId && onChange(editReader(state, r.id, { bleReaderId: e.target.value }))} />
            </label>{' '}
            <label>
              Door of {r.id}{' '}
              <select value={r.doorId} onChange={(e) => onChange(editReader(state, r.id, { doorId: e.target.value }))}>
                {project.doors.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="button" onClick={() => del('reader', k)}>
              Delete {r.id}
            </button>
          </li>
        ))}
      </ul>
      <ul aria-label="Walls">
        {project.walls.map((wall, k) => (
          <li key={k}>
            {wall.material} wall {at(wall.from)} → {at(wall.to)}{' '}
            <button type="button" onClick={() => del('wall', k)}>
              Delete wall {k + 1}
            </button>
          </li>
        ))}
      </ul>
      <ul aria-label="Marks">
        {project.marks.map((m, k) => (
          <li key={k}>
            Mark {k + 1} of {m.readerId} at {at(m.position)}: {m.rssi.length} samples{' '}
            <button type="button" onClick={() => del('mark', k)}>
              Delete mark {k + 1}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Downloads the project as JSON: the browser (or Electron's save dialog) picks where. */
function saveProject(project: SurveyProject): void {
  downloadText(projectFileName(project), projectText(project), 'application/json')
}

function fileBuffer(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsArrayBuffer(file)
  })
}

function fileDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsDataURL(file)
  })
}

/** Decodes the image in the renderer; one over 50 MP is drawn smaller and embedded as JPEG. */
async function decodeImage(file: File): Promise<{ dataUrl: string; widthPx: number; heightPx: number; originalWidthPx: number; originalHeightPx: number }> {
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    const original = { originalWidthPx: img.naturalWidth, originalHeightPx: img.naturalHeight }
    const fit = fitImageSize(img.naturalWidth, img.naturalHeight)
    if (!fit.scaled) return { dataUrl: await fileDataUrl(file), widthPx: fit.widthPx, heightPx: fit.heightPx, ...original }
    const canvas = document.createElement('canvas')
    canvas.width = fit.widthPx
    canvas.height = fit.heightPx
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no canvas')
    ctx.drawImage(img, 0, 0, fit.widthPx, fit.heightPx)
    return { dataUrl: canvas.toDataURL('image/jpeg', 0.9), widthPx: fit.widthPx, heightPx: fit.heightPx, ...original }
  } finally {
    URL.revokeObjectURL(url)
  }
}
