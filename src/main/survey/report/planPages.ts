import { cellZones, CellZone, metresPerPixel, tracePolygons, type CoverageMap, type Polygon, type ReaderCoverage, type SurveyProject } from '../../../shared/plan'
import { REPORT_CSS } from './html'
import { escapeXml as esc } from './svg'

const PAGE_CSS = `.plan-page{break-before:page}.plan-page:first-of-type{break-before:auto}.legend span{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;margin:0 .3rem 0 1rem;border:1px solid #57606a}`

/**
 * A self-contained report with one plan page per door: the plan's walls and doors, the reader's
 * unlock contour (RSSI ≥ threshold), its reliable zone and its leak zone, the marks with their
 * medians, and the figures and advice of `coverageMap`. Vector only (SVG), so PDF pages stay sharp.
 */
export function planReportHtml(project: SurveyProject, map: CoverageMap, generatedAt: string): string {
  const title = `Floor-plan survey — ${project.name ?? 'survey project'}`
  const pages = project.doors.map((door) => doorPage(project, map, door))
  const head = `<h1>${esc(title)}</h1><p>Generated ${esc(generatedAt)} by Lintel from the survey project; one page per door.</p>`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${REPORT_CSS}${PAGE_CSS}</style></head><body>${head}${pages.join('\n')}</body></html>`
}

function doorPage(project: SurveyProject, map: CoverageMap, door: SurveyProject['doors'][number]): string {
  const readers = map.readers.filter((r) => r.doorId === door.id)
  const body = readers.length
    ? readers.map((r) => `${facts(r)}${planSvg(project, map, r)}`).join('')
    : `<p>No BLE reader is placed on this door.</p>${planSvg(project, map, null)}`
  return `<section class="plan-page"><h2>${esc(door.name)}</h2>${body}</section>`
}

function facts(r: ReaderCoverage): string {
  const m = r.model
  const rows: [string, string][] = [
    ['Reader', `${r.readerId} (BLE ${r.bleReaderId}), threshold ${r.threshold_dBm} dBm`],
    ['Model', `${r.modelOnly ? 'MODEL ONLY (no marks): ' : `fitted from ${r.marks.length} marks: `}${m.rssiAt1m.toFixed(1)} dBm at 1 m, exponent ${m.exponent.toFixed(2)}, σ ${m.sigma_dB.toFixed(1)} dB`],
    ['Reliable area (p ≥ 95%)', `${r.reliableArea_m2.toFixed(1)} m²`],
    ['Leak area (p ≥ 5%, wrong side)', r.leakArea_m2 > 0 ? `${r.leakArea_m2.toFixed(1)} m² in ${r.leakPolygons.length} zone(s)` : 'none'],
    ['Overlaps', r.overlaps.length ? r.overlaps.map((o) => `${o.readerId} (${o.area_m2.toFixed(1)} m²)`).join(', ') : 'none'],
    ...r.advice.map((a): [string, string] => ['Advice', a.text])
  ]
  return `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`
}

const path = (rings: readonly Polygon[]): string => rings.map((ring) => `M${ring.map(([x, y]) => `${x.toFixed(2)} ${y.toFixed(2)}`).join('L')}Z`).join('')

function planSvg(project: SurveyProject, map: CoverageMap, reader: ReaderCoverage | null): string {
  const mpp = metresPerPixel(project.plan.scale)
  const { width_m, height_m } = map.plan
  const line = (a: { x: number; y: number }, b: { x: number; y: number }, colour: string, width: number): string =>
    `<line x1="${(a.x * mpp).toFixed(2)}" y1="${(a.y * mpp).toFixed(2)}" x2="${(b.x * mpp).toFixed(2)}" y2="${(b.y * mpp).toFixed(2)}" stroke="${colour}" stroke-width="${width}"/>`
  const parts = [`<rect width="${width_m}" height="${height_m}" fill="#f6f8fa"/>`]
  if (reader) parts.push(zones(reader))
  parts.push(...project.walls.map((w) => line(w.from, w.to, '#424a53', w.material === 'drywall' ? 0.06 : 0.12)))
  parts.push(...project.doors.map((d) => line(d.from, d.to, '#0969da', 0.18)))
  if (reader) parts.push(marks(reader))
  const label = reader ? `Plan with the coverage of ${reader.readerId}` : 'Plan'
  const legend = reader ? '<p class="legend"><span style="background:#2da44e99"></span>reliable<span style="background:#bf398999"></span>leak<span style="background:none;border:2px solid #000"></span>unlock contour</p>' : ''
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width_m.toFixed(2)} ${height_m.toFixed(2)}" role="img" aria-label="${esc(label)}">${parts.join('')}</svg>${legend}`
}

/** The reliable and leak zones filled, and the unlock contour (RSSI ≥ threshold) outlined. */
function zones(reader: ReaderCoverage): string {
  const { grid } = reader
  const cells = cellZones(reader)
  const whole = { r0: 0, r1: grid.rows, c0: 0, c1: grid.cols }
  const mask = (keep: (i: number) => boolean): Uint8Array => Uint8Array.from(cells, (_, i) => (keep(i) ? 1 : 0))
  const reliable = tracePolygons(grid, mask((i) => cells[i] === CellZone.reliable), whole)
  const unlock = tracePolygons(grid, mask((i) => grid.rssi[i]! >= reader.threshold_dBm), whole)
  return [
    `<path d="${path(reliable)}" fill="#2da44e" fill-opacity="0.6" fill-rule="evenodd"/>`,
    `<path d="${path(reader.leakPolygons)}" fill="#bf3989" fill-opacity="0.6" fill-rule="evenodd"/>`,
    `<path d="${path(unlock)}" fill="none" stroke="#000" stroke-width="0.05"/>`
  ].join('')
}

function marks(reader: ReaderCoverage): string {
  const dots = reader.marks.map((m) => `<circle cx="${m.position_m.x.toFixed(2)}" cy="${m.position_m.y.toFixed(2)}" r="0.12" fill="#fff" stroke="#1f2328" stroke-width="0.04"/><text x="${(m.position_m.x + 0.18).toFixed(2)}" y="${(m.position_m.y - 0.15).toFixed(2)}" font-size="0.4">${Math.round(m.median_dBm)}</text>`)
  const r = reader.position_m
  return `${dots.join('')}<circle cx="${r.x.toFixed(2)}" cy="${r.y.toFixed(2)}" r="0.22" fill="#1f2328"/>`
}
