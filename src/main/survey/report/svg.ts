import type { Sample, SurveyAnalysis } from '../../../shared/rf'

const W = 720
const H = 360
const PAD = { left: 56, right: 16, top: 16, bottom: 44 }
const MAX_DOTS = 2500

interface Scale {
  x(d: number): number
  y(rssi: number): number
  xTicks: number[]
  yTicks: number[]
}

/** Signed distance: out-side marks are drawn left of the door (negative). */
const signed = (distance: number, side: 'in' | 'out'): number => (side === 'out' ? -distance : distance)

/** RSSI against distance: samples, each mark's median with its p10–p90 range, the fitted model and the threshold. */
export function rssiDistanceSvg(samples: readonly Sample[], analysis: SurveyAnalysis): string {
  const scale = scaleFor(samples, analysis)
  const parts = [axes(scale, 'distance from the reader (m) — negative: the wrong side of the door', 'RSSI (dBm)')]
  parts.push(thresholdLine(scale, analysis.threshold_dBm))
  parts.push(dots(samples, scale))
  parts.push(modelCurve(scale, analysis))
  parts.push(markWhiskers(scale, analysis))
  return svg(parts.join(''), 'RSSI against distance with the fitted log-distance model and the unlock threshold')
}

/** The observed share of samples at or above the threshold at each mark. */
export function pUnlockSvg(analysis: SurveyAnalysis): string {
  const xs = analysis.marks.map((m) => signed(m.distance_m, m.side))
  const scale = linearScale(Math.min(0, ...xs), Math.max(0.5, ...xs), 0, 1)
  const bars = analysis.marks
    .map((m) => {
      const x = scale.x(signed(m.distance_m, m.side))
      const y = scale.y(m.pUnlock)
      const colour = m.pUnlock >= 0.95 ? '#1a7f37' : m.pUnlock <= 0.05 ? '#6e7781' : '#bf8700'
      return `<rect x="${(x - 5).toFixed(1)}" y="${y.toFixed(1)}" width="10" height="${(scale.y(0) - y).toFixed(1)}" fill="${colour}"><title>${m.side} ${m.distance_m} m: ${(m.pUnlock * 100).toFixed(0)}%</title></rect>`
    })
    .join('')
  const guide = [0.95, 0.05].map((p) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${scale.y(p)}" y2="${scale.y(p)}" stroke="#999" stroke-dasharray="4 3"/>`).join('')
  return svg(axes(scale, 'distance from the reader (m)', 'share ≥ threshold', true) + guide + bars, 'Share of samples at or above the unlock threshold at each mark')
}

function scaleFor(samples: readonly Sample[], analysis: SurveyAnalysis): Scale {
  const xs = analysis.marks.map((m) => signed(m.distance_m, m.side))
  let low = analysis.threshold_dBm
  let high = analysis.threshold_dBm
  for (const m of analysis.marks) {
    low = Math.min(low, m.p10)
    high = Math.max(high, m.p90)
  }
  for (let i = 0; i < samples.length; i += Math.max(1, Math.floor(samples.length / 500))) {
    low = Math.min(low, samples[i]!.rssi)
    high = Math.max(high, samples[i]!.rssi)
  }
  return linearScale(Math.min(0, ...xs), Math.max(0.5, ...xs), Math.floor(low / 10) * 10 - 5, Math.ceil(high / 10) * 10 + 5)
}

function linearScale(x0: number, x1: number, y0: number, y1: number): Scale {
  const xSpan = x1 - x0 || 1
  const ySpan = y1 - y0 || 1
  return {
    x: (d) => PAD.left + ((d - x0) / xSpan) * (W - PAD.left - PAD.right),
    y: (v) => H - PAD.bottom - ((v - y0) / ySpan) * (H - PAD.top - PAD.bottom),
    xTicks: ticks(x0, x1),
    yTicks: ticks(y0, y1)
  }
}

function ticks(from: number, to: number): number[] {
  const raw = (to - from) / 6
  const step = [0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20].find((s) => s >= raw) ?? 50
  const out: number[] = []
  for (let v = Math.ceil(from / step) * step; v <= to + 1e-9; v += step) out.push(Math.round(v * 100) / 100)
  return out
}

function axes(scale: Scale, xLabel: string, yLabel: string, percent = false): string {
  const x = scale.xTicks.map((t) => `<text x="${scale.x(t)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${t}</text><line x1="${scale.x(t)}" x2="${scale.x(t)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#eee"/>`)
  const y = scale.yTicks.map((t) => `<text x="${PAD.left - 6}" y="${scale.y(t) + 4}" text-anchor="end">${percent ? `${Math.round(t * 100)}%` : t}</text><line x1="${PAD.left}" x2="${W - PAD.right}" y1="${scale.y(t)}" y2="${scale.y(t)}" stroke="#eee"/>`)
  const labels = `<text x="${(W + PAD.left) / 2}" y="${H - 6}" text-anchor="middle">${escapeXml(xLabel)}</text><text transform="translate(14 ${(H - PAD.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`
  const door = `<line x1="${scale.x(0)}" x2="${scale.x(0)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#333" stroke-width="2"/>`
  return `<g font-size="11" fill="#333">${x.join('')}${y.join('')}${labels}</g>${door}`
}

function thresholdLine(scale: Scale, threshold: number): string {
  const y = scale.y(threshold)
  return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#cf222e" stroke-dasharray="6 4"/><text x="${W - PAD.right - 4}" y="${y - 4}" text-anchor="end" font-size="11" fill="#cf222e">threshold ${threshold} dBm</text>`
}

function dots(samples: readonly Sample[], scale: Scale): string {
  const step = Math.max(1, Math.ceil(samples.length / MAX_DOTS))
  let path = ''
  for (let i = 0; i < samples.length; i += step) {
    const s = samples[i]!
    const jitter = ((i * 7919) % 100) / 100 - 0.5
    path += `M${(scale.x(signed(s.distance_m, s.side)) + jitter * 6).toFixed(1)} ${scale.y(s.rssi).toFixed(1)}h0`
  }
  return `<path d="${path}" stroke="#0969da" stroke-opacity="0.25" stroke-width="3" stroke-linecap="round"/>`
}

function modelCurve(scale: Scale, analysis: SurveyAnalysis): string {
  const { rssiAt1m, exponent } = analysis.model
  if (rssiAt1m === null || exponent === null) return ''
  const far = Math.max(0.5, ...analysis.marks.filter((m) => m.side === 'in').map((m) => m.distance_m))
  const points: string[] = []
  for (let i = 0; i <= 60; i++) {
    const d = 0.05 + (far - 0.05) * (i / 60)
    points.push(`${scale.x(d).toFixed(1)},${scale.y(rssiAt1m - 10 * exponent * Math.log10(d)).toFixed(1)}`)
  }
  return `<polyline points="${points.join(' ')}" fill="none" stroke="#8250df" stroke-width="2"><title>fit: ${rssiAt1m} dBm at 1 m, n = ${exponent}</title></polyline>`
}

function markWhiskers(scale: Scale, analysis: SurveyAnalysis): string {
  return analysis.marks
    .map((m) => {
      const x = scale.x(signed(m.distance_m, m.side))
      return `<line x1="${x}" x2="${x}" y1="${scale.y(m.p10)}" y2="${scale.y(m.p90)}" stroke="#1f2328" stroke-width="2"/><circle cx="${x}" cy="${scale.y(m.median)}" r="4" fill="#1f2328"><title>${m.side} ${m.distance_m} m: median ${m.median} dBm</title></circle>`
    })
    .join('')
}

function svg(body: string, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, sans-serif"><title>${escapeXml(title)}</title>${body}</svg>`
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
