import { describe, expect, it } from 'vitest'
import { emlDraft } from '../../../src/main/onboarding/eml'
import { onboardingHtml } from '../../../src/main/onboarding/sheetHtml'
import { OnboardingService } from '../../../src/main/services/onboardingService'
import { SiteService } from '../../../src/main/services/siteService'
import { LintelError } from '../../../src/shared/contract/result'
import type { OnboardingSheet } from '../../../src/shared/onboarding/sheet'

const SITE = 'test/fixtures/diagnose/site.json'

/** The parts of a multipart message: headers and decoded body of each. */
function parts(eml: string): { headers: string; body: Buffer }[] {
  const boundary = /boundary="([^"]+)"/.exec(eml)![1]!
  return eml.split(`--${boundary}`).slice(1, -1).map((part) => {
    const [headers, ...rest] = part.split('\r\n\r\n')
    return { headers: headers!, body: Buffer.from(rest.join('').replace(/\r\n/g, ''), 'base64') }
  })
}

describe('onboarding files', () => {
  it('HTML: self-contained, the invitation as an inline SVG QR code, no script, names escaped', async () => {
    const sheet = { site: 'Harbour <St>', person: { id: 1, name: 'Amira Haddad', email: 'a@example.com', mobile: null }, credential: { id: 2, type: 'PassFlow', device: null, status: 'active' }, app: 'the PassFlow app', invitation_url: 'https://passflow.example/i/abc', present: [], backup: null, steps: [{ title: 'Install the app', text: 'Install <it>.' }], warnings: [] } satisfies OnboardingSheet
    const html = await onboardingHtml(sheet, '2026-12-02T10:00:00Z')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<svg')
    expect(html).toContain('Harbour &lt;St&gt;')
    expect(html).not.toMatch(/<script|src="http|href="http/i)
  })

  it('an email draft: To, Subject, X-Unsent, a text body and the sheet attached', () => {
    const eml = emlDraft({ to: 'amira@example.com', subject: 'Your phone as a key — Harbour St', body: 'Hello\nthere', attachment: { filename: 'sheet.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7 test') }, boundary: 'b1' })
    expect(eml).toMatch(/^To: amira@example.com\r\nSubject: =\?UTF-8\?B\?/)
    expect(eml).toContain('X-Unsent: 1\r\n')
    const [text, file] = parts(eml)
    expect(text!.body.toString('utf8')).toBe('Hello\r\nthere')
    expect(file!.headers).toContain('Content-Disposition: attachment; filename="sheet.pdf"')
    expect(file!.body.toString('utf8')).toBe('%PDF-1.7 test')
  })

  it('the service attaches the PDF to the draft, or the HTML (noted) when no PDF can be made', async () => {
    const site = await SiteService.open(SITE, 'file')
    const printed = new OnboardingService({ site, pdf: { print: async () => Buffer.from('%PDF-fake') } })
    const withPdf = await printed.render('alice@example.com', undefined, 'eml')
    expect(parts(Buffer.from(withPdf.bytes).toString('utf8'))[1]!.body.toString()).toBe('%PDF-fake')
    expect(withPdf.filename).toBe('onboarding-alice-able.eml')
    const noPdf = new OnboardingService({ site, pdf: { print: async () => { throw new LintelError('pdf_unavailable', 'PDF export needs Chromium') } } })
    const withHtml = await noPdf.render(100, undefined, 'eml')
    expect(parts(Buffer.from(withHtml.bytes).toString('utf8'))[1]!.headers).toContain('text/html')
    expect(withHtml.notes.join(' ')).toMatch(/attached as HTML: PDF export needs Chromium/)
  })
})

describe('diagnose.exportOnboarding through the contract', () => {
  it("writes the sheet under the user-data folder's onboarding/ and names unknown people", async () => {
    const { openTestServices } = await import('../../helpers/services')
    const { commandChannel } = await import('../../../src/shared/contract')
    const t = await openTestServices()
    try {
      const saved = (await t.services.dispatcher.invoke(commandChannel('diagnose', 'exportOnboarding'), { person: 6, format: 'html' })) as { ok: true; value: { path: string; bytes: number } }
      expect(saved).toMatchObject({ ok: true, value: { path: `${t.dir}/onboarding/onboarding-farhan-qureshi.html` } })
      const { readFileSync } = await import('node:fs')
      const html = readFileSync(saved.value.path, 'utf8')
      expect(html).toContain('Farhan Qureshi')
      expect(html).not.toContain('190555')
      const unknown = await t.services.dispatcher.invoke(commandChannel('diagnose', 'exportOnboarding'), { person: 999, format: 'html' })
      expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    } finally {
      await t.services.close()
      t.dispose()
    }
  })
})
