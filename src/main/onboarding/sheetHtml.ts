import type { OnboardingSheet } from '../../shared/onboarding/sheet'
import { REPORT_CSS } from '../survey/report/html'
import { escapeXml as esc } from '../survey/report/svg'

const CSS = `${REPORT_CSS}
ol.steps>li{margin:.9rem 0}ol.steps h2{font-size:1.05rem;margin:0 0 .2rem}.qr{float:right;width:9rem;margin:0 0 1rem 1rem}
.qr svg{width:100%;height:auto}.sheet{break-after:page}.sheet:last-child{break-after:auto}.warn{border:1px solid #bf8700;background:#fff8c5;padding:.5rem .75rem;border-radius:6px}.muted{color:#57606a}`

/** The invitation link as an inline SVG QR code (no script, no external resource). */
async function qrSvg(url: string): Promise<string> {
  const { default: QRCode } = await import('qrcode')
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
}

/**
 * A self-contained onboarding sheet: inline CSS and SVG, no script, nothing fetched, so it prints
 * and mails offline. The backup PIN is masked; `warnings` are for the helpdesk and printed last.
 */
export async function onboardingHtml(sheet: OnboardingSheet, generatedAt = new Date().toISOString()): Promise<string> {
  return page(sheetTitle(sheet), await sheetBody(sheet, generatedAt))
}

/** The sheet's title: the page heading, and the PDF's title. */
export function sheetTitle(sheet: OnboardingSheet): string {
  return `Your phone as a key — ${sheet.person.name}`
}

/** Many sheets in one document, one per printed page: a batch printed in one go. */
export async function onboardingBatchHtml(sheets: readonly OnboardingSheet[], generatedAt = new Date().toISOString()): Promise<string> {
  const bodies = await Promise.all(sheets.map((s) => sheetBody(s, generatedAt)))
  return page(`Onboarding sheets (${sheets.length})`, bodies.map((b) => `<section class="sheet">${b}</section>`).join('\n'))
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head>
<body>${body}</body></html>
`
}

async function sheetBody(sheet: OnboardingSheet, generatedAt: string): Promise<string> {
  const title = sheetTitle(sheet)
  const qr = sheet.invitation_url ? `<figure class="qr">${await qrSvg(sheet.invitation_url)}<figcaption class="muted">Scan to accept the invitation</figcaption></figure>` : ''
  const steps = sheet.steps.map((s) => `<li><h2>${esc(s.title)}</h2><p>${esc(s.text)}</p></li>`).join('')
  const warnings = sheet.warnings.length ? `<div class="warn"><strong>For the helpdesk, before handing this over:</strong><ul>${sheet.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : ''
  return `<h1>${esc(title)}</h1>
<p class="muted">${esc(sheet.site)} · ${esc(sheet.credential.type)}${sheet.credential.device ? ` on ${esc(sheet.credential.device)}` : ''} · made ${esc(generatedAt.slice(0, 10))}</p>
${qr}<ol class="steps">${steps}</ol>${warnings}`
}
