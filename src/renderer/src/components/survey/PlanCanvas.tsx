import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { metresPerPixel, type ReaderCoverage, type SurveyProject } from '../../../../shared/plan'
import { coverageImage, labelsThatFit } from './planImage'

const VIEW_WIDTH = 800
const VIEW_HEIGHT = 480
const PAN_STEP_M = 1
const ZOOM_STEP = 1.25

interface View {
  /** The plan point (metres) at the canvas's top-left corner. */
  x: number
  y: number
  /** Canvas pixels per metre. */
  zoom: number
}

/** Canvas is missing in jsdom: the view then shows its controls and text only. */
function context2d(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  if (!canvas || typeof window.matchMedia !== 'function') return null
  try {
    return canvas.getContext('2d')
  } catch {
    return null
  }
}

/**
 * The plan with one reader's coverage: heatmap, threshold contour, reliable and leak zones, walls,
 * doors, readers and marks with their medians. The heatmap is rendered once per map into an
 * offscreen canvas, so panning redraws only a scaled copy and the vectors.
 */
export function PlanCanvas({ project, coverage }: { project: SurveyProject; coverage: ReaderCoverage }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const mpp = metresPerPixel(project.plan.scale)
  const fit = Math.min(VIEW_WIDTH / (project.plan.widthPx * mpp), VIEW_HEIGHT / (project.plan.heightPx * mpp))
  const [view, setView] = useState<View>({ x: 0, y: 0, zoom: fit })
  const heat = useMemo(() => heatCanvas(coverage), [coverage])
  const image = usePlanImage(project.plan.image?.dataUrl)
  const drag = useRef<{ x: number; y: number } | null>(null)

  useEffect(() => {
    const ctx = context2d(canvas.current)
    if (!ctx) return
    const frame = requestAnimationFrame(() => drawPlan(ctx, { project, coverage, heat, image, view, mpp }))
    return () => cancelAnimationFrame(frame)
  }, [project, coverage, heat, image, view, mpp])

  const pan = (dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }))
  const zoom = (factor: number) => setView((v) => ({ ...v, zoom: Math.min(400, Math.max(2, v.zoom * factor)) }))
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? PAN_STEP_M * 5 : PAN_STEP_M
    const moves: Record<string, () => void> = {
      ArrowLeft: () => pan(-step, 0),
      ArrowRight: () => pan(step, 0),
      ArrowUp: () => pan(0, -step),
      ArrowDown: () => pan(0, step),
      '+': () => zoom(ZOOM_STEP),
      '=': () => zoom(ZOOM_STEP),
      '-': () => zoom(1 / ZOOM_STEP)
    }
    const move = moves[event.key]
    if (!move) return
    event.preventDefault()
    move()
  }
  const onPointerDown = (event: PointerEvent) => void (drag.current = { x: event.clientX, y: event.clientY })
  const onPointerMove = (event: PointerEvent) => {
    if (!drag.current) return
    pan((drag.current.x - event.clientX) / view.zoom, (drag.current.y - event.clientY) / view.zoom)
    drag.current = { x: event.clientX, y: event.clientY }
  }
  const label = `Coverage map of ${coverage.doorName}: heatmap with the ${coverage.threshold_dBm} dBm unlock contour, reliable zone in green, leak zone striped magenta. Arrow keys pan, plus and minus zoom.`
  return (
    <div className="plan-view">
      <div className="actions">
        <button type="button" onClick={() => zoom(ZOOM_STEP)}>Zoom in</button>
        <button type="button" onClick={() => zoom(1 / ZOOM_STEP)}>Zoom out</button>
        <button type="button" onClick={() => setView({ x: 0, y: 0, zoom: fit })}>Fit the plan</button>
        <span className="muted" data-testid="plan-view-position">
          View from ({view.x.toFixed(1)}, {view.y.toFixed(1)}) m at {view.zoom.toFixed(1)} px/m
        </span>
      </div>
      <canvas
        ref={canvas}
        className="plan-canvas"
        width={VIEW_WIDTH}
        height={VIEW_HEIGHT}
        tabIndex={0}
        role="img"
        aria-label={label}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => void (drag.current = null)}
        onPointerLeave={() => void (drag.current = null)}
      />
    </div>
  )
}

/** The plan image, decoded once per data URL; null until it has loaded (the plan is drawn without it meanwhile). */
function usePlanImage(dataUrl: string | undefined): HTMLImageElement | null {
  const [loaded, setLoaded] = useState<{ url: string; image: HTMLImageElement } | null>(null)
  useEffect(() => {
    if (!dataUrl || typeof window.matchMedia !== 'function') return
    const image = new Image()
    image.onload = () => setLoaded({ url: dataUrl, image })
    image.src = dataUrl
    return () => void (image.onload = null)
  }, [dataUrl])
  return loaded && loaded.url === dataUrl ? loaded.image : null
}

function heatCanvas(coverage: ReaderCoverage): HTMLCanvasElement | null {
  const offscreen = document.createElement('canvas')
  offscreen.width = coverage.grid.cols
  offscreen.height = coverage.grid.rows
  const ctx = context2d(offscreen)
  if (!ctx) return null
  ctx.putImageData(new ImageData(coverageImage(coverage), coverage.grid.cols, coverage.grid.rows), 0, 0)
  return offscreen
}

interface Scene {
  project: SurveyProject
  coverage: ReaderCoverage
  heat: HTMLCanvasElement | null
  image: HTMLImageElement | null
  view: View
  mpp: number
}

function drawPlan(ctx: CanvasRenderingContext2D, { project, coverage, heat, image, view, mpp }: Scene): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, VIEW_WIDTH, VIEW_HEIGHT)
  ctx.setTransform(view.zoom, 0, 0, view.zoom, -view.x * view.zoom, -view.y * view.zoom)
  ctx.fillStyle = '#f8fafc'
  ctx.fillRect(0, 0, project.plan.widthPx * mpp, project.plan.heightPx * mpp)
  // The CSP allows data: and blob: images (img-src 'self' data: blob:), so an embedded plan image is drawn under the map.
  if (image) ctx.drawImage(image, 0, 0, project.plan.widthPx * mpp, project.plan.heightPx * mpp)
  drawWalls(ctx, project, mpp, view)
  ctx.imageSmoothingEnabled = false
  if (heat) ctx.drawImage(heat, 0, 0, coverage.grid.cols * coverage.grid.cell_m, coverage.grid.rows * coverage.grid.cell_m)
  ctx.lineWidth = 2 / view.zoom
  ctx.strokeStyle = '#be185d'
  for (const ring of coverage.leakPolygons) {
    ctx.beginPath()
    ring.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)))
    ctx.closePath()
    ctx.stroke()
  }
  drawMarks(ctx, coverage, view)
  ctx.fillStyle = '#0f172a'
  ctx.beginPath()
  ctx.arc(coverage.position_m.x, coverage.position_m.y, 6 / view.zoom, 0, 2 * Math.PI)
  ctx.fill()
}

/** Walls and doors as lines. */
function drawWalls(ctx: CanvasRenderingContext2D, project: SurveyProject, mpp: number, view: View): void {
  const line = (from: { x: number; y: number }, to: { x: number; y: number }, colour: string, width: number) => {
    ctx.strokeStyle = colour
    ctx.lineWidth = width / view.zoom
    ctx.beginPath()
    ctx.moveTo(from.x * mpp, from.y * mpp)
    ctx.lineTo(to.x * mpp, to.y * mpp)
    ctx.stroke()
  }
  for (const wall of project.walls) line(wall.from, wall.to, '#334155', wall.material === 'drywall' ? 2 : 4)
  for (const door of project.doors) line(door.from, door.to, '#2563eb', 5)
}

function drawMarks(ctx: CanvasRenderingContext2D, coverage: ReaderCoverage, view: View): void {
  const size = 11 / view.zoom
  ctx.font = `${size}px sans-serif`
  const labels = coverage.marks.map((mark) => {
    const text = `${Math.round(mark.median_dBm)}`
    const x = mark.position_m.x + 5 / view.zoom
    const y = mark.position_m.y - 5 / view.zoom
    return { text, x, y, box: { x, y: y - size, width: ctx.measureText(text).width, height: size } }
  })
  const fits = labelsThatFit(labels.map((label) => label.box))
  coverage.marks.forEach((mark, i) => {
    // Marks beyond the door's line are ringed in the leak colour: the side comes from the line, not from the user.
    ctx.fillStyle = '#ffffff'
    ctx.strokeStyle = mark.wrongSide ? '#be185d' : '#0f172a'
    ctx.beginPath()
    ctx.arc(mark.position_m.x, mark.position_m.y, 4 / view.zoom, 0, 2 * Math.PI)
    ctx.fill()
    ctx.stroke()
    const label = labels[i]!
    if (!fits[i]) return
    ctx.fillStyle = '#0f172a'
    ctx.fillText(label.text, label.x, label.y)
  })
}
