import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from '../helpers/chromium'

let app: AppPage
let page: Page
let problems: string[]

beforeAll(async () => {
  app = await openAppPage('#/survey')
  ;({ page, problems } = app)
})

afterAll(async () => {
  await app?.close()
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
