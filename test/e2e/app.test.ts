import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserHost } from '../../src/main/host/browserHost'
import { openAppPage, type AppPage } from '../helpers/chromium'

const shots = join(process.cwd(), 'test-results', 'e2e')
const PAGES = [
  { name: 'Overview', slug: 'overview' },
  { name: 'Survey', slug: 'survey' },
  { name: 'Verify', slug: 'verify' },
  { name: 'What-if', slug: 'what-if' },
  { name: 'Provision', slug: 'provision' },
  { name: 'Troubleshoot', slug: 'troubleshoot' },
  { name: 'Settings', slug: 'settings' }
] as const

let app: AppPage
let host: BrowserHost
let browser: Browser
let page: Page
let problems: string[]

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  app = await openAppPage('', { width: 1360, height: 860 })
  ;({ host, browser, page, problems } = app)
})

afterAll(async () => {
  await app?.close()
})

describe('the app in Chromium, over the browser host', () => {
  it('loads the demo site with the SIMULATED badges', async () => {
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
    await expect(page.getByText('Harbour Street Office (demo)').first().isVisible()).resolves.toBe(true)
    expect(await page.getByText('SIMULATED').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'lintel-overview.png'), fullPage: false })
  })

  for (const { name, slug } of PAGES) {
    it(`reaches ${name} from the navigation`, async () => {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).click()
      await page.getByRole('heading', { level: 1, name }).waitFor()
      expect(await page.getByTestId(`page-${slug}`).count()).toBe(1)
      await page.screenshot({ path: join(shots, `${slug}.png`) })
    })
  }

  it('decides in the What-if panel with the shared engine', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'What-if', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'What-if' }).waitFor()
    await page.getByText(/GRANTED|DENIED/i).first().waitFor()
    expect(await page.getByText(/door_unknown|Door exists|door/i).count()).toBeGreaterThan(0)
  })

  it('puts a skip link first in the Tab order', async () => {
    await page.goto(host.url)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.keyboard.press('Tab')
    const focused = await page.evaluate<string>('document.activeElement?.textContent ?? ""')
    expect(focused.toLowerCase()).toContain('skip')
  })

  it('logged no error or warning in the browser console', () => {
    expect(problems).toEqual([])
  })

  it('without the token, explains how to open Lintel instead of failing silently', async () => {
    const other = await browser.newPage()
    await other.goto(`http://127.0.0.1:${host.port}/`)
    await other.getByText(/token/i).first().waitFor()
    await other.close()
  })
})
