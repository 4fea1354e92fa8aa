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

/** Frames of the scripted pan: one arrow key per animation frame, right then left, as a user holding the key. */
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

  it('pans at 60 fps: the p95 frame interval over a scripted pan', async () => {
    const map = page.getByRole('img', { name: /^Coverage map of Front Entrance/ })
    await map.focus()
    const intervals = await page.evaluate<number[]>(`new Promise((resolve) => {
      const canvas = document.querySelector('canvas.plan-canvas')
      const times = []
      let n = 0
      const frame = (t) => {
        times.push(t)
        canvas.dispatchEvent(new KeyboardEvent('keydown', { key: n % 60 < 30 ? 'ArrowRight' : 'ArrowLeft', bubbles: true }))
        n++
        if (n < ${PAN_FRAMES}) requestAnimationFrame(frame)
        else resolve(times.slice(1).map((t, i) => t - times[i]))
      }
      requestAnimationFrame(frame)
    })`)
    const sorted = [...intervals].sort((a, b) => a - b)
    const p95 = sorted[Math.floor(sorted.length * 0.95)]!
    const median = sorted[Math.floor(sorted.length / 2)]!
    process.stdout.write(`plan view pan: ${intervals.length} frames, median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms\n`)
    // The goal is 16.7 ms (60 fps); a test's bound is 3× the goal, the figure goes to benchmarks.md.
    expect(p95).toBeLessThan(50)
    expect(await page.getByTestId('plan-view-position').textContent()).toMatch(/^View from/)
  })

  it('logs no errors', () => {
    expect(problems).toEqual([])
  })
})
