import type { Diagnosis, Finding } from '../../shared/diagnose'
import { REPORT_CSS } from '../survey/report/html'
import { escapeXml as esc } from '../survey/report/svg'

const CSS = `${REPORT_CSS}
.sev{display:inline-block;min-width:4.5rem;border-radius:4px;padding:0 .4rem;font-weight:600;text-align:center}
.sev-error{background:#ffebe9;border:1px solid #cf222e;color:#82071e}.sev-warning{background:#fff8c5;border:1px solid #bf8700;color:#6c4a00}
.sev-info{background:#ddf4ff;border:1px solid #0969da;color:#0a3069}ol.findings>li{margin:.75rem 0}.muted{color:#57606a}`

const PLATFORM = { ios: 'iPhone', android: 'Android' } as const

/** A self-contained, shareable diagnosis: inline CSS, no script, no external resource; PINs stay masked. */
export function diagnosisHtml(d: Diagnosis, generatedAt = new Date().toISOString()): string {
  const title = `Diagnosis — ${d.person.name} at ${d.door.name}`
  const facts: [string, string][] = [
    ['Person', `${d.person.name} · ${d.person.email} (id ${JSON.stringify(d.person.id)})`],
    ['Door', `${d.door.name} (id ${JSON.stringify(d.door.id)})`],
    ['When', `${d.local_time} (${d.at})`],
    ['Phone', d.platform ? PLATFORM[d.platform] : 'not known'],
    ['Sync evidence', d.source === 'database' ? "the app's database and its outbox" : 'none (a snapshot file)']
  ]
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="muted">Generated ${esc(generatedAt)} by Lintel.</p>`,
    `<dl>${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
    `<h2>Summary</h2><p class="verdict">${esc(d.summary)}</p>`,
    `<h2>Findings, most likely first</h2>`,
    d.findings.length ? `<ol class="findings">${d.findings.map(finding).join('')}</ol>` : '<p>No findings.</p>',
    `<h2>Credentials at ${esc(d.door.name)}</h2>`,
    credentials(d)
  ]
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body>${body.join('\n')}</body></html>`
}

function finding(f: Finding): string {
  return `<li><span class="sev sev-${f.severity}">${f.severity.toUpperCase()}</span> <strong>${esc(f.title)}</strong> <code>${esc(f.code)}</code>
<p>${esc(f.evidence)}</p><p><strong>Fix:</strong> ${esc(f.fix)}</p></li>`
}

function credentials(d: Diagnosis): string {
  if (!d.credentials.length) return '<p>This person has no credentials.</p>'
  const rows = d.credentials.map((c) => {
    const why = c.decision.checks.filter((k) => !k.passed).map((k) => k.detail).join(' ') || 'Every check passed.'
    return `<tr><td>${esc(c.type)}${c.device ? ` · ${esc(c.device)}` : c.label ? ` · ${esc(c.label)}` : ''}</td><td>${esc(c.shown_value)}</td><td>${c.decision.granted ? 'GRANTED' : 'DENIED'} (${esc(c.decision.code)})</td><td>${esc(why)}</td></tr>`
  })
  return `<table><thead><tr><th>Credential</th><th>Value</th><th>Decision</th><th>Why</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}
