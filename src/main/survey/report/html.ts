import type { DoorSurvey } from '../../../shared/domain/survey'
import type { SurveyAnalysis } from '../../../shared/rf'
import { escapeXml as esc, pUnlockSvg, rssiDistanceSvg } from './svg'

export const REPORT_CSS = `body{font:14px/1.45 system-ui,sans-serif;color:#1f2328;max-width:960px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.sim{display:inline-block;background:#fff8c5;border:1px solid #bf8700;color:#6c4a00;border-radius:4px;padding:0 .4rem;font-weight:600}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid #d0d7de;padding:.25rem .5rem;text-align:left}
td.n,th.n{text-align:right}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}svg{width:100%;height:auto;border:1px solid #d0d7de}
.verdict{font-size:1.1rem;font-weight:600}@media print{body{margin:0}h2{break-after:avoid}svg,table{break-inside:avoid}}`

/** A self-contained survey report: inline CSS and SVG plots, no script, no external resource. */
export function reportHtml(survey: DoorSurvey, analysis: SurveyAnalysis | null, generatedAt: string): string {
  const title = `Door survey — ${survey.reader.name ?? survey.reader.address}`
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p>${survey.simulated ? '<span class="sim">SIMULATED</span> ' : ''}Generated ${esc(generatedAt)} by Lintel.</p>`,
    facts(survey, analysis),
    analysis ? verdict(analysis) : '<p>No mark has been captured yet, so there is nothing to analyse.</p>',
    analysis ? `<h2>RSSI against distance</h2>${rssiDistanceSvg(survey.samples, analysis)}<h2>Unlock share by mark</h2>${pUnlockSvg(analysis)}` : '',
    analysis ? marksTable(analysis) : '',
    analysis ? evidence(analysis) : ''
  ]
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>${body.join('\n')}</body></html>`
}

function facts(survey: DoorSurvey, analysis: SurveyAnalysis | null): string {
  const rows: [string, string][] = [
    ['Reader', `${survey.reader.name ?? '(no name)'} · ${survey.reader.address}`],
    ['Unlock threshold', `${survey.threshold_dBm} dBm`],
    ['Scanning device', `${survey.device.label}${analysis && analysis.calibrationOffset_dB !== 0 ? ` (calibrated ${analysis.calibrationOffset_dB > 0 ? '+' : ''}${analysis.calibrationOffset_dB} dB)` : ' (not calibrated)'}`],
    ['Capture', `${survey.captureSeconds} s per mark, ${survey.marks.filter((m) => m.capturedAt).length} of ${survey.marks.length} marks, ${survey.samples.length} samples`],
    ['Survey', `${survey.id}, started ${survey.createdAt}`]
  ]
  if (survey.note) rows.push(['Note', survey.note])
  return `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`
}

export function rangeText(value: number | null, beyond: boolean | undefined): string {
  if (value !== null) return `${value} m`
  return beyond ? 'beyond the walk' : 'not reached'
}

function verdict(a: SurveyAnalysis): string {
  const leak = a.leaksToWrongSide === null ? 'the wrong side was not surveyed' : a.leaksToWrongSide ? 'the unlock zone LEAKS to the wrong side of the door' : 'no leak to the wrong side'
  const lines = [
    `Reliable range (P ≥ 95%): ${rangeText(a.reliableRange_m, a.sides.in?.reliableBeyondWalk)}; leak range (P ≤ 5% beyond): ${rangeText(a.leakRange_m, a.sides.in?.leakBeyondWalk)}; ${leak}.`,
    `Interference: ${a.interference.class} (confidence ${Math.round(a.interference.confidence * 100)}%).`,
    a.model.exponent !== null ? `Model: RSSI(d) = ${a.model.rssiAt1m} − 10·${a.model.exponent}·log10(d), σ ${a.model.sigma_dB} dB, R² ${a.model.r2 ?? '—'}.` : 'Model: too few distances to fit.'
  ]
  const recs = a.recommendations.map((r) => `<li>${esc(r)}</li>`).join('')
  const platforms = a.platforms?.length ? `<h2>Phone platforms (the site's rules)</h2><ul>${a.platforms.map((p) => `<li>${esc(p.summary)}</li>`).join('')}</ul>` : ''
  return `<h2>Verdict</h2>${lines.map((l) => `<p class="verdict">${esc(l)}</p>`).join('')}${platforms}<h2>Recommendations</h2>${recs ? `<ul>${recs}</ul>` : '<p>None: the reader works as placed.</p>'}`
}

function marksTable(a: SurveyAnalysis): string {
  const head = ['side', 'distance (m)', 'samples', 'median', 'p10', 'p90', 'fade depth (dB)', 'unlock share', 'estimated (m)']
  const rows = a.marks.map((m) => [m.side, m.distance_m, m.count, m.median, m.p10, m.p90, m.fadeDepth_dB, `${Math.round(m.pUnlock * 100)}%`, m.estimatedDistance_m ?? '—'])
  return `<h2>Marks</h2><table><caption>Per-mark statistics (RSSI in dBm)</caption><thead><tr>${head.map((h, i) => `<th scope="col"${i > 0 ? ' class="n"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="n"' : ''}>${esc(String(c))}</td>`).join('')}</tr>`).join('')}</tbody></table>`
}

function evidence(a: SurveyAnalysis): string {
  const source = a.advInterval ? `Advertising interval ${a.advInterval.ms} ms (${a.advInterval.source === 'option' ? 'given' : 'inferred from the timestamps'}).` : 'Advertising interval unknown: congestion not assessed.'
  return `<h2>Evidence</h2><ul>${a.interference.evidence.map((e) => `<li>${esc(e)}</li>`).join('')}<li>${esc(source)}</li></ul>`
}
