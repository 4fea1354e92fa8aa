import { useMemo } from 'react'
import type uPlot from 'uplot'
import { UPlotChart } from './UPlotChart'

interface LiveRssiChartProps {
  /** Readings of the capture so far: ms since it started, RSSI in dBm (the caller keeps at most a few thousand). */
  points: readonly { t: number; rssi: number }[]
  threshold: number
  label: string
}

/** RSSI over time during a capture, with the unlock threshold. */
export function LiveRssiChart({ points, threshold, label }: LiveRssiChartProps) {
  const data = useMemo<uPlot.AlignedData>(() => {
    const xs = points.map((p) => p.t / 1000)
    return [xs, points.map((p) => p.rssi), xs.map(() => threshold)]
  }, [points, threshold])
  const last = points.at(-1)
  const above = points.length ? points.filter((p) => p.rssi >= threshold).length / points.length : 0
  return (
    <UPlotChart
      label={label}
      height={200}
      data={data}
      options={() => ({
        scales: { x: { time: false }, y: { range: [-105, -25] } },
        axes: [{ label: 's' }, { label: 'RSSI (dBm)' }],
        legend: { show: false },
        series: [{}, { label: 'RSSI', stroke: '#0969da', width: 0, points: { show: true, size: 4 }, paths: () => null }, { label: 'threshold', stroke: '#cf222e', dash: [6, 4], points: { show: false } }]
      })}
      caption={
        <span aria-live="off">
          {points.length} readings{last ? `, latest ${last.rssi} dBm` : ''}, {Math.round(above * 100)}% at or above {threshold} dBm
        </span>
      }
    />
  )
}
