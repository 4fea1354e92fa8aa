import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browserHost'
import { launchChromium } from '../helpers/chromium'
import { openTestServices, type TestServices } from '../helpers/services'

const rendererDir = join(process.cwd(), 'out', 'renderer')
let t: TestServices
let host: BrowserHost
let browser: Browser
let page: Page
const problems: string[] = []

beforeAll(async () => {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run npm run build (npm test builds first)')
  t = await openTestServices()
  host = await startBrowserHost({ services: t.services, staticDir: rendererDir })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } })
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  await page.goto(`${host.url}#/survey`)
})

afterAll(async () => {
  await browser?.close()
  await host?.close()
  await t?.services.ble.stopScan()
  t?.dispose()
})

describe('the BLE survey in Chromium (virtual RF site through noble)', () => {
  it('scans live: the table fills with the demo readers', async () => {
    await page.getByRole('button', { name: 'Start scan' }).click()
    await page.getByRole('button', { name: 'Stop scan' }).waitFor()
    const table = page.getByRole('table', { name: /^Advertisers heard/ })
    await table.getByText('Reader · Front Entrance').first().waitFor({ timeout: 10_000 })
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(3)
    expect(await table.locator('svg.sparkline').count()).toBeGreaterThan(0)
  })

  it('captures a mark with a live uPlot chart, analyses it and draws the results chart', async () => {
    await page.getByLabel('Marks in front of the door (m)').fill('0.5, 2')
    await page.getByLabel('Marks behind the door (m)').fill('')
    await page.getByLabel('Capture per mark (s)').fill('1')
    await page.getByRole('button', { name: 'Start range test' }).click()
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Capture 1 s' }).first().click()
      await page.getByText(/^\d+ readings$/).nth(i).waitFor({ timeout: 10_000 })
    }
    expect(await page.locator('figure.chart canvas').count()).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.getByRole('heading', { name: /^Results ·/ }).waitFor()
    await page.getByRole('table', { name: /^Marks/ }).waitFor()
    expect(await page.locator('.survey-results figure.chart canvas').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'e2e', 'survey-results.png'), fullPage: true })
  })

  it('logged no error or warning in the browser console', () => {
    expect(problems).toEqual([])
  })
})
