/**
 * The screenshots: a diagnosis led by the door's own event, and the phone holder's
 * onboarding sheet, in Chromium over the browser host with the real services. The PNGs go to
 * test-results/e2e; `npm run docs:screenshots` writes them to docs/ instead (docs/diagnose.md shows
 * them), so a test run leaves the checkout as it found it (the clock shows in the first).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DoorEvent, DoorEventSource } from '../../src/shared/events/model'
import { openAppPage, type AppPage } from '../helpers/chromium'

const docs = process.env.LINTEL_DOC_SCREENSHOTS === '1' ? join(process.cwd(), 'docs') : join(process.cwd(), 'test-results', 'e2e')
mkdirSync(docs, { recursive: true })
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString()
/** The fixture's door events, moved to the last few minutes so they fall in the diagnosis window ("now"). */
const EVENTS: DoorEvent[] = [
  { code: 10, label: 'Bob Baker admitted using card', person_id: 101, door_id: 1, credential_number: '04A1B2C3D4E5F6', at: minutesAgo(9) },
  { code: 26, label: 'Alice Able rejected: invalid credential type', person_id: 100, door_id: 1, credential_number: 'HID-0001-A1A1A1', at: minutesAgo(2) }
]
const source: DoorEventSource = {
  events: (q) => EVENTS.filter((e) => e.door_id === q.door_id && (q.person_id === undefined || e.person_id === q.person_id) && e.at >= q.since && e.at <= q.until).slice(0, q.limit),
  status: (doorId) => ({ door_id: doorId, online: true, lockdown: false, last_sync_completed_at: minutesAgo(60) })
}
let app: AppPage
let page: Page
const siteDir = mkdtempSync(join(tmpdir(), 'lintel-e2e-evidence-'))

beforeAll(async () => {
  // The diagnosis fixture, with DoorFlow's PassFlow invitation link on Alice's phone credential (a QR code on her sheet).
  const site = JSON.parse(readFileSync('test/fixtures/diagnose/site.json', 'utf8')) as { credentials: { id: number; invitation_url?: string }[] }
  site.credentials.find((c) => c.id === 1000)!.invitation_url = 'https://passflow.example.com/invitations/7Q2KX9'
  writeFileSync(join(siteDir, 'site.json'), JSON.stringify(site))
  app = await openAppPage('#/troubleshoot', { width: 1360, height: 900 }, { sitePath: join(siteDir, 'site.json'), events: source })
  page = app.page
  await page.getByRole('heading', { level: 1, name: 'Troubleshoot' }).waitFor()
})

afterAll(async () => {
  await app?.close()
  rmSync(siteDir, { recursive: true, force: true })
})

describe('the evidence screenshots', () => {
  it("a diagnosis led by the door's own event: the rejection first, the events listed", async () => {
    await page.getByLabel('Person (name or email)').fill('alice@example.com')
    await page.getByLabel('Door').selectOption({ label: 'Front Door' })
    await page.getByRole('button', { name: 'Diagnose' }).click()
    await page.waitForFunction("document.activeElement?.id === 'troubleshoot-result-title'")
    const titles = await page.getByTestId('findings').locator('h4').allTextContents()
    expect(titles[0]).toMatch(/^Front Door saw this phone at \d\d:\d\d and rejected it: invalid credential type$/)
    expect(await page.locator('body').textContent()).toContain('Alice Able rejected: invalid credential type')
    await page.screenshot({ path: join(docs, 'diagnosis-door-event.png'), fullPage: true })
  })

  it("the phone holder's onboarding sheet, saved from the diagnosis and opened as printed", async () => {
    await page.getByRole('button', { name: 'Onboarding sheet (HTML)' }).click()
    const saved = page.getByTestId('onboarding-saved').getByText(/^Saved .+\.html$/)
    await saved.waitFor()
    const path = /^Saved (.+\.html)$/.exec((await saved.textContent()) ?? '')![1]!
    expect(path.startsWith(join(app.t.dir, 'onboarding'))).toBe(true)
    const html = readFileSync(path, 'utf8')
    const sheet = await app.browser.newPage({ viewport: { width: 794, height: 1123 } })
    try {
      await sheet.setContent(html, { waitUntil: 'load' })
      expect(await sheet.getByRole('heading', { level: 1 }).textContent()).toBe('Your phone as a key — Alice Able')
      expect(await sheet.locator('ol.steps > li h2').allTextContents()).toContain('Wait 2 minutes')
      expect(await sheet.locator('figure.qr svg').count()).toBe(1)
      expect(await sheet.locator('body').textContent()).not.toContain('583920')
      await sheet.screenshot({ path: join(docs, 'onboarding-sheet.png'), fullPage: true })
    } finally {
      await sheet.close()
    }
  })

  it('logged no error or warning in the browser console', () => {
    expect(app.problems).toEqual([])
  })
})
