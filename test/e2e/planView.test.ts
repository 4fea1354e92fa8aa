import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from '../helpers/chromium'
import { scriptedPan } from '../helpers/planPan'

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

/** Frames of the scripted pan (a multiple of 60: right 30 frames, left 30, back where it started). */
const PAN_FRAMES = 240

describe('the Plan view in Chromium', () => {
  it('draws the demo plan’s coverage on the canvas', async () => {
    const map = page.getByRole('img', { name: /^Coverage map of Front Entrance/ })
    await map.scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    // Some pixels are neither blank nor the background: the heatmap and zones are drawn.
    // In-page code as text: the DOM types are not in this project's (Node) lib.
    const painted = await page.evaluate<number>(`(() => {
      const data = document.querySelector('canvas.plan-canvas').getContext('2d').getImageData(0, 0, 800, 480).data
      let count = 0
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && !(data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240)) count++
      return count
    })()`)
    expect(painted).toBeGreaterThan(5000)
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'e2e', 'survey-plan.png') })
  })

  it('pans with the arrow keys, a step per key, and every frame of a held key is drawn', async () => {
    const map = page.getByRole('img', { name: /^Coverage map of Front Entrance/ })
    await map.focus()
    const position = page.getByTestId('plan-view-position')
    const before = await position.textContent()
    await page.keyboard.press('ArrowRight')
    const after = await position.textContent()
    expect(after).toMatch(/^View from/)
    expect(after).not.toBe(before)
    await page.keyboard.press('ArrowLeft')
    expect(await position.textContent()).toBe(before)
    // Held keys: the frame rate is a benchmark (npm run bench:plan), not a test's bound; here every frame arrives.
    const intervals = await scriptedPan(page, PAN_FRAMES)
    expect(intervals).toHaveLength(PAN_FRAMES - 1)
    expect(intervals.every((ms) => ms > 0)).toBe(true)
    expect(await position.textContent()).toBe(before)
  })

  it('logs no errors', () => {
    expect(problems).toEqual([])
  })
})
