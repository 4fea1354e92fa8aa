import { useEffect, useRef, type ReactNode } from 'react'
import type uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

/** uPlot draws on canvas and needs matchMedia; where either is missing (jsdom) the caption stands alone. */
export const canDrawCharts = (): boolean => typeof window !== 'undefined' && typeof window.matchMedia === 'function'

/** The fewest milliseconds between two redraws: live data reaches the canvas at most 10 times a second. */
const MIN_REDRAW_MS = 100

interface UPlotChartProps {
  /** What the chart shows, for screen readers (the caption has the figures). */
  label: string
  options: () => Omit<uPlot.Options, 'width' | 'height'>
  data: uPlot.AlignedData
  height?: number
  caption: ReactNode
  /** Rebuilds the chart when it changes (e.g. another survey). */
  chartKey?: string
}

/** One uPlot chart (the app's one chart library), redrawn at most 10 times a second. */
export function UPlotChart({ label, options, data, height = 240, caption, chartKey = '' }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const latest = useRef({ data, options })
  latest.current = { data, options }
  const lastDraw = useRef(0)
  const pending = useRef<number | null>(null)

  useEffect(() => {
    if (!canDrawCharts()) return undefined
    let disposed = false
    void import('uplot').then(({ default: UPlot }) => {
      const element = box.current
      if (disposed || !element) return
      plot.current = new UPlot({ ...latest.current.options(), width: Math.max(320, element.clientWidth), height }, latest.current.data, element)
    })
    return () => {
      disposed = true
      plot.current?.destroy()
      plot.current = null
    }
  }, [chartKey, height])

  useEffect(() => {
    const draw = () => {
      pending.current = null
      lastDraw.current = performance.now()
      plot.current?.setData(latest.current.data)
    }
    const wait = MIN_REDRAW_MS - (performance.now() - lastDraw.current)
    if (wait <= 0) draw()
    else if (pending.current === null) pending.current = window.setTimeout(draw, wait)
  }, [data])

  useEffect(() => () => void (pending.current !== null && window.clearTimeout(pending.current)), [])

  return (
    <figure className="chart">
      <div ref={box} className="chart-canvas" role="img" aria-label={label} />
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
