import { useMemo } from 'react'
import type uPlot from 'uplot'
import type { Sample, SurveyAnalysis } from '../../../../shared/rf'
import { UPlotChart } from './UPlotChart'

const MAX_DOTS = 1500
const signed = (d: number, side: 'in' | 'out') => (side === 'out' ? -d : d)

/** Aligned series: samples (jittered), mark medians, the fitted model and the threshold, over signed distance. */
export function distanceSeries(samples: readonly Sample[], analysis: SurveyAnalysis): uPlot.AlignedData {
  const step = Math.max(1, Math.ceil(samples.length / MAX_DOTS))
  const rows: [number, number | null, number | null, number | null][] = []
  for (let i = 0; i < samples.length; i += step) {
    const s = samples[i]!
    rows.push([signed(s.distance_m, s.side) + (((i * 7919) % 100) / 100 - 0.5) * 0.04, s.rssi, null, null])
  }
  for (const m of analysis.marks) rows.push([signed(m.distance_m, m.side), null, m.median, null])
  const { rssiAt1m, exponent } = analysis.model
  const far = Math.max(0.5, ...analysis.marks.filter((m) => m.side === 'in').map((m) => m.distance_m))
  if (rssiAt1m !== null && exponent !== null) {
    for (let i = 0; i <= 40; i++) {
      const d = 0.05 + ((far - 0.05) * i) / 40
      rows.push([d, null, null, rssiAt1m - 10 * exponent * Math.log10(d)])
    }
  }
  rows.sort((a, b) => a[0] - b[0])
  return [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map(() => analysis.threshold_dBm)]
}

/** RSSI against distance with the fitted model and the threshold; the wrong side is left of 0. */
export function DistanceChart({ samples, analysis, chartKey }: { samples: readonly Sample[]; analysis: SurveyAnalysis; chartKey: string }) {
  const data = useMemo(() => distanceSeries(samples, analysis), [samples, analysis])
  const { rssiAt1m, exponent, sigma_dB } = analysis.model
  return (
    <UPlotChart
      label="RSSI against distance from the reader, with the fitted path-loss model and the unlock threshold"
      chartKey={chartKey}
      height={300}
      data={data}
      options={() => ({
        scales: { x: { time: false } },
        axes: [{ label: 'distance (m) — negative: the wrong side' }, { label: 'RSSI (dBm)' }],
        series: [
          { label: 'distance (m)' },
          { label: 'samples', stroke: '#0969da55', width: 0, points: { show: true, size: 3 }, paths: () => null },
          { label: 'mark median', stroke: '#1f2328', width: 0, points: { show: true, size: 8 }, paths: () => null },
          { label: 'model', stroke: '#8250df', width: 2, spanGaps: true, points: { show: false } },
          { label: 'threshold', stroke: '#cf222e', dash: [6, 4], points: { show: false } }
        ]
      })}
      caption={
        exponent !== null && rssiAt1m !== null
          ? `Fit: RSSI(d) = ${rssiAt1m} − 10 × ${exponent} × log10(d), σ ${sigma_dB} dB; threshold ${analysis.threshold_dBm} dBm.`
          : 'Too few distances for a fit.'
      }
    />
  )
}
