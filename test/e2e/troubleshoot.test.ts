import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from '../helpers/chromium'
import type { TestServices } from '../helpers/services'

const shots = join(process.cwd(), 'test-results', 'e2e')
let app: AppPage
let t: TestServices
let page: Page
let problems: string[]

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  app = await openAppPage('#/troubleshoot')
  ;({ t, page, problems } = app)
  await page.getByRole('heading', { level: 1, name: 'Troubleshoot' }).waitFor()
})

afterAll(async () => {
  await app?.close()
})

/** The focused control: its id, a radio's label, or a button's text. */
const focused = (): Promise<string> =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement
    if (!el) return ''
    if (el.id) return el.id
    if (el.type === 'radio') return 'radio:' + (el.labels?.[0]?.textContent ?? '').trim()
    return (el.textContent ?? '').trim()
  })()`)

async function diagnose(person: string, door = 'Front Entrance'): Promise<void> {
  await page.getByLabel('Person (name or email)').fill(person)
  await page.getByLabel('Door').selectOption({ label: door })
  await page.getByRole('button', { name: 'Diagnose' }).click()
  await page.waitForFunction("document.activeElement?.id === 'troubleshoot-result-title'")
  await page.getByTestId('diagnosis-context').getByText(` at ${door} `).waitFor()
}

const findingTitles = (): Promise<string[]> => page.getByTestId('findings').locator('h4').allTextContents()

/** Controls on the page with no accessible name (label, aria-label(ledby), or text). */
const UNNAMED_CONTROLS = `(() => {
  const text = (el) => (el?.textContent ?? '').trim()
  const name = (el) =>
    (el.getAttribute('aria-label') ?? '').trim() ||
    (el.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => text(document.getElementById(id))).join('').trim() ||
    [...(el.labels ?? [])].map(text).join('').trim() ||
    (el.tagName === 'BUTTON' ? text(el) : '')
  return [...document.querySelectorAll('[data-testid="page-troubleshoot"] :is(input, select, button, textarea)')]
    .filter((el) => el.getClientRects().length > 0 && !name(el))
    .map((el) => el.outerHTML.slice(0, 120))
})()`

/** Severity badges whose text falls below WCAG AA (4.5:1) against their background. */
const LOW_CONTRAST_SEVERITIES = `(() => {
  const rgb = (css) => (css.match(/[\\d.]+/g) ?? []).slice(0, 3).map(Number)
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 })
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
  }
  return [...document.querySelectorAll('.severity')].map((el) => {
    const style = getComputedStyle(el)
    const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))].sort((x, y) => y - x)
    return { text: el.textContent, ratio: (a + 0.05) / (b + 0.05) }
  }).filter((badge) => !(badge.ratio >= 4.5))
})()`

describe('Troubleshoot in Chromium, over the browser host with the real diagnose service', () => {
  it('puts the form in a sensible Tab order', async () => {
    await page.getByLabel('Person (name or email)').focus()
    const order = [await focused()]
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab')
      order.push(await focused())
    }
    expect(order).toEqual(['troubleshoot-person', 'troubleshoot-door', 'radio:Now', 'radio:Not known', 'troubleshoot-credential', 'Diagnose'])
  })

  it('diagnoses a person at a door: the summary, then findings in main’s order with their severity in words', async () => {
    await diagnose('amira.haddad@example.com')
    const expected = await t.services.diagnose.run({ person: 1, door_id: 1 })
    expect(await findingTitles()).toEqual(expected.findings.map((f) => f.title))
    expect(await page.getByTestId('diagnosis-summary').textContent()).toContain(expected.summary)
    const severities = await page.getByTestId('findings').locator('.severity').allTextContents()
    expect(severities.map((s) => s.replace(/^\W+/, ''))).toEqual(expected.findings.map((f) => ({ error: 'Error', warning: 'Warning', info: 'Info' })[f.severity]))
    expect(await page.getByTestId('troubleshoot-decisions').locator('tbody tr').count()).toBe(3)
    await page.screenshot({ path: join(shots, 'troubleshoot-diagnosis.png'), fullPage: true })
  })

  it('labels every control and shows each severity with AA contrast', async () => {
    expect(await page.evaluate<string[]>(UNNAMED_CONTROLS)).toEqual([])
    expect(await page.locator('.severity').count()).toBeGreaterThan(0)
    expect(await page.evaluate<unknown[]>(LOW_CONTRAST_SEVERITIES)).toEqual([])
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1)
  })

  it('opens the device change inline for a half-done phone change', async () => {
    await page.getByTestId('findings').getByRole('listitem').filter({ hasText: 'A phone change is half done' }).getByRole('button').click()
    await page.getByRole('heading', { name: 'Change phone, replacing “Phone”' }).waitFor()
    await page.getByTestId('troubleshoot-device-change').getByRole('button', { name: 'Close', exact: true }).click()
    expect(await page.getByTestId('troubleshoot-device-change').count()).toBe(0)
  })

  it('carries out a one-click fix through provisioning and diagnoses again', async () => {
    await diagnose('harry.doyle@example.com')
    expect(await findingTitles()).toContain('The person is disabled')
    await page.getByRole('button', { name: 'Enable Harry Doyle' }).click()
    await page.getByTestId('fix-message').getByText('Enabled Harry Doyle.').waitFor()
    await page.waitForFunction(`![...document.querySelectorAll('[data-testid="findings"] h4')].some((h) => h.textContent === 'The person is disabled')`)
    expect(t.services.site.snapshot().people.find((p) => p.id === 8)?.enabled).toBe(true)
  })

  it('issues a backup PIN and shows it once, only at a door that takes PINs', async () => {
    // Front Entrance does not accept PINs, so no PIN is offered there as a backup.
    await diagnose('ben.whitaker@example.com')
    expect(await page.getByRole('button', { name: 'Issue a backup PIN' }).count()).toBe(0)
    await diagnose('ben.whitaker@example.com', 'Store Room')
    await page.getByRole('button', { name: 'Issue a backup PIN' }).click()
    const shown = page.getByTestId('new-pin')
    await shown.waitFor()
    const pin = (await shown.locator('.pin-value').textContent()) ?? ''
    expect(pin).toMatch(/^\d{4,}$/)
    await page.getByTestId('troubleshoot-decisions').getByText('PIN · Backup PIN').waitFor()
    await page.locator('.diagnosis').screenshot({ path: join(shots, 'troubleshoot-pin.png') })
    await page.getByRole('button', { name: 'I have read it out, hide it' }).click()
    expect(await page.evaluate<string>('document.body.textContent')).not.toContain(pin)
  })

  it('runs a tap test that a demo user completes on the simulated reader', async () => {
    await page.getByRole('button', { name: 'Tap test (NFC)' }).click()
    await page.getByTestId('live-busy').getByText('Ask them to hold the phone on the USB reader now', { exact: false }).waitFor()
    expect(await page.getByRole('button', { name: 'Tap test (NFC)' }).getAttribute('aria-busy')).toBe('true')
    await page.getByLabel('Card or phone').selectOption({ label: 'Farhan Qureshi · MIFARE DESFire EV3 · Staff card' })
    const results = page.getByTestId('live-results')
    // Main starts waiting for the tap a moment after the click; a tap before that is not this test's.
    for (let i = 0; i < 15 && (await results.getByRole('heading', { name: 'Tap test' }).count()) === 0; i++) {
      await page.getByRole('button', { name: 'Tap', exact: true }).click()
      await results.getByRole('heading', { name: 'Tap test' }).waitFor({ timeout: 1000 }).catch(() => undefined)
    }
    expect(await results.textContent()).toContain('MIFARE DESFire EV3')
    expect(await results.textContent()).toContain('04F3C54234927E')
    expect(await page.getByTestId('live-busy').textContent()).toBe('')
  })

  it('scans for the door’s reader where the caller stands', async () => {
    await diagnose('ben.whitaker@example.com')
    await page.getByRole('button', { name: 'Scan at the door (BLE)' }).click()
    await page.getByTestId('live-busy').getByText("Scanning for the door's reader…", { exact: false }).waitFor()
    const results = page.getByTestId('live-results')
    await results.getByRole('heading', { name: 'Scan at the door' }).waitFor({ timeout: 15_000 })
    expect(await results.textContent()).toMatch(/Reader · Front Entrance/)
    expect(await results.textContent()).toMatch(/\d+ reports? in 5 s/)
    await page.locator('.live-tests').screenshot({ path: join(shots, 'troubleshoot-live.png') })
  })

  it('saves the report as HTML and says where', async () => {
    await page.getByRole('button', { name: 'Save report (HTML)' }).click()
    const saved = page.getByTestId('report-saved').getByText(/^Saved .+\.html \(\d+ KB\)$/)
    await saved.waitFor()
    const path = /^Saved (.+\.html) \(/.exec((await saved.textContent()) ?? '')?.[1] ?? ''
    expect(path.startsWith(join(t.dir, 'reports'))).toBe(true)
    expect(readFileSync(path, 'utf8')).toContain('Ben Whitaker')
  })

  it('logged no error or warning in the browser console', () => {
    expect(problems).toEqual([])
  })
})
