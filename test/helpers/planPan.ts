import type { Page } from 'playwright-core'

/**
 * Pans the Plan view's canvas as a user holding the arrow keys would: one key per animation frame,
 * right for 30 frames then left for 30, `frames` frames in all. Returns the intervals between frames
 * (ms), as Chromium timed them. The e2e test checks the pan works; `npm run bench:plan` times it.
 */
export async function scriptedPan(page: Page, frames: number): Promise<number[]> {
  // In-page code as text: the DOM types are not in this project's (Node) lib.
  return page.evaluate<number[]>(`new Promise((resolve) => {
    const canvas = document.querySelector('canvas.plan-canvas')
    const times = []
    let n = 0
    const frame = (t) => {
      times.push(t)
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key: n % 60 < 30 ? 'ArrowRight' : 'ArrowLeft', bubbles: true }))
      n++
      if (n < ${frames}) requestAnimationFrame(frame)
      else resolve(times.slice(1).map((t, i) => t - times[i]))
    }
    requestAnimationFrame(frame)
  })`)
}
