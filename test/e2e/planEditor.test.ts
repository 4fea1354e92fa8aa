import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkProject } from '../../src/shared/plan'
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

/** A 400 × 300 PNG line drawing, made by Chromium's own canvas (no image library in the test). */
async function planPng(): Promise<Buffer> {
  const base64 = await page.evaluate<string>(`(() => {
    const c = document.createElement('canvas')
    c.width = 400
    c.height = 300
    const g = c.getContext('2d')
    g.fillStyle = '#ffffff'
    g.fillRect(0, 0, 400, 300)
    g.strokeStyle = '#000000'
    g.lineWidth = 4
    g.strokeRect(20, 20, 360, 260)
    g.beginPath(); g.moveTo(200, 20); g.lineTo(200, 280); g.stroke()
    return c.toDataURL('image/png').split(',')[1]
  })()`)
  return Buffer.from(base64, 'base64')
}

/** A one-page PDF plan, 600 × 400 pt, two rectangles' worth of lines and no text (so no fonts to fetch). */
function planPdf(): Buffer {
  const content = '4 w 40 40 520 320 re S 300 40 m 300 360 l S'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 400] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, k) => {
    offsets.push(out.length)
    out += `${k + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

const tool = (name: string) => page.getByRole('toolbar', { name: 'Plan tools' }).getByRole('button', { name, exact: true }).click()

/** Clicks the editing surface at plan pixel (x, y): the 400 px plan is drawn 1:1. */
async function clickPlan(x: number, y: number): Promise<void> {
  const box = (await page.getByTestId('plan-surface').boundingBox())!
  await page.mouse.click(box.x + (x * box.width) / 400, box.y + (y * box.height) / 300)
}

describe('the plan editor in Chromium', () => {
  it('loads an image, sets the scale, places a door and a reader, saves and reopens the project', async () => {
    await page.getByLabel('Plan image (PNG, JPEG or PDF)').setInputFiles({ name: 'plan.png', mimeType: 'image/png', buffer: await planPng() })
    const status = page.getByTestId('plan-editor-status')
    await expect.poll(() => status.textContent()).toMatch(/Plan 400 × 300 px, scale not set/)
    await page.getByTestId('plan-surface').scrollIntoViewIfNeeded()
    // The image is shown: the CSP allows data: images (a refusal would be a console error, checked below).
    expect(await page.locator('[data-testid=plan-surface] image').count()).toBe(1)

    await tool('Scale')
    await page.getByLabel('Known distance (m)').fill('-2')
    await clickPlan(20, 20)
    await clickPlan(220, 20)
    expect(await page.locator('.plan-editor').getByRole('alert').textContent()).toMatch(/The scale distance must be more than 0 m \(it is -2 m\)/)
    await page.getByLabel('Known distance (m)').fill('10')
    await clickPlan(20, 20)
    await clickPlan(220, 20)
    await expect.poll(() => status.textContent()).toMatch(/scale 0\.05\d\d m\/px/)

    await tool('Door')
    await page.getByLabel('Door name').fill('Side Door')
    await clickPlan(200, 120)
    await clickPlan(200, 180)
    await tool('Reader')
    await page.getByLabel('BLE reader', { exact: true }).fill('sim-2')
    await clickPlan(170, 150)
    // The coverage map follows the edit: the new reader, model only.
    await expect.poll(() => page.getByLabel('Coverage of Side Door').textContent()).toMatch(/Model only \(no marks\)/)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()])
    expect(download.suggestedFilename()).toBe('plan.json')
    const text = await readFile((await download.path())!, 'utf8')
    const saved = checkProject(JSON.parse(text))
    if (!saved.ok) throw new Error(saved.message)
    expect(saved.project.doors.map((d) => d.name)).toEqual(['Side Door'])
    expect(saved.project.readers.map((r) => [r.bleReaderId, r.doorId])).toEqual([['sim-2', 'door-1']])
    expect(saved.project.plan.image?.dataUrl).toMatch(/^data:image\/png;base64,/)
    expect(saved.project.plan.scale.distance_m).toBe(10)

    // Reopen: delete the door first, so the reopened file is what brings it back.
    await page.getByRole('button', { name: 'Delete Side Door' }).click()
    expect(await page.getByRole('list', { name: 'Doors' }).getByRole('listitem').count()).toBe(0)
    await page.getByLabel(/Open a survey project/).setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(text) })
    await expect.poll(() => page.getByText('Showing plan.json').count()).toBe(1)
    expect(await page.getByRole('list', { name: 'Doors' }).getByRole('listitem').textContent()).toMatch(/^Side Door: \(\d+(\.\d)?, \d+(\.\d)?\) px → /)
    expect(await page.getByLabel('Coverage of Side Door').textContent()).toMatch(/Model only/)

    // The plan report of what is open: one page per door, written by the host.
    await page.getByRole('button', { name: 'Plan report (HTML)' }).click()
    await expect.poll(() => page.getByText(/^Saved .*plan-plan\.html/).count()).toBe(1)
    await page.locator('.plan-editor').screenshot({ path: join(process.cwd(), 'test-results', 'e2e', 'survey-plan-editor.png') })
  })

  it('renders the first page of a PDF plan with pdf.js, in the renderer', async () => {
    await page.getByLabel('Plan image (PNG, JPEG or PDF)').setInputFiles({ name: 'floor.pdf', mimeType: 'application/pdf', buffer: planPdf() })
    // 600 × 400 pt at 150 dpi.
    await expect.poll(() => page.getByTestId('plan-editor-status').textContent(), { timeout: 20_000 }).toMatch(/Plan 1250 × 834 px, scale not set/)
    const href = await page.locator('[data-testid=plan-surface] image').getAttribute('href')
    expect(href).toMatch(/^data:image\/png;base64,/)
    // The page was drawn: its lines are dark pixels in the embedded PNG.
    const dark = await page.evaluate<number>(`new Promise((resolve) => {
      const img = new Image()
      img.onload = () => {
        const c = document.createElement('canvas')
        c.width = img.width
        c.height = img.height
        const g = c.getContext('2d')
        g.drawImage(img, 0, 0)
        const d = g.getImageData(0, 0, c.width, c.height).data
        let n = 0
        for (let i = 0; i < d.length; i += 4) if (d[i] < 128) n++
        resolve(n)
      }
      img.src = document.querySelector('[data-testid=plan-surface] image').getAttribute('href')
    })`)
    // 520 × 320 pt rectangle plus one 320 pt line, 4 pt wide, at 150/72 px per pt: about 25,000 dark pixels.
    expect(dark).toBeGreaterThan(10_000)
  })

  it('scales an image over 50 megapixels down in the renderer and says so', async () => {
    const base64 = await page.evaluate<string>(`new Promise((resolve) => {
      const c = document.createElement('canvas')
      c.width = 8000
      c.height = 6300
      const g = c.getContext('2d')
      g.fillStyle = '#ffffff'
      g.fillRect(0, 0, c.width, c.height)
      g.fillStyle = '#000000'
      g.fillRect(100, 100, 7800, 40)
      c.toBlob((blob) => {
        const r = new FileReader()
        r.onload = () => resolve(String(r.result).split(',')[1])
        r.readAsDataURL(blob)
      }, 'image/png')
    })`)
    await page.getByLabel('Plan image (PNG, JPEG or PDF)').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') })
    const alert = page.locator('.plan-editor').getByRole('alert')
    await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toMatch(/^The image is 8000 × 6300 px \(50.4 MP\), over 50 MP: it was scaled down to (\d+) × (\d+) px\.$/)
    const [, w, h] = /scaled down to (\d+) × (\d+)/.exec((await alert.textContent())!)!
    expect(Number(w) * Number(h)).toBeLessThanOrEqual(50_000_000)
    expect(await page.getByTestId('plan-editor-status').textContent()).toContain(`Plan ${w} × ${h} px`)
    expect(await page.locator('[data-testid=plan-surface] image').getAttribute('href')).toMatch(/^data:image\/jpeg;base64,/)
  })

  it('labels every control, reaches every tool by Tab, and keeps its text at WCAG AA contrast', async () => {
    const unnamed = await page.evaluate<string[]>(`(() => {
      const text = (el) => (el?.textContent ?? '').trim()
      const name = (el) => (el.getAttribute('aria-label') ?? '').trim() || [...(el.labels ?? [])].map(text).join('').trim() || (el.tagName === 'BUTTON' ? text(el) : '')
      return [...document.querySelectorAll('.plan-editor :is(input, select, button, textarea)')]
        .filter((el) => el.getClientRects().length > 0 && !name(el))
        .map((el) => el.outerHTML.slice(0, 120))
    })()`)
    expect(unnamed).toEqual([])

    const tools = page.getByRole('toolbar', { name: 'Plan tools' })
    await tools.getByRole('button', { name: 'Look', exact: true }).focus()
    const order: string[] = []
    for (let k = 0; k < 6; k++) {
      order.push(await page.evaluate<string>('document.activeElement.textContent'))
      await page.keyboard.press('Tab')
    }
    expect(order).toEqual(['Look', 'Scale', 'Door', 'Reader', 'Wall', 'Mark'])
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    expect(await tools.getByRole('button', { name: 'Mark', exact: true }).getAttribute('aria-pressed')).toBe('true')

    const low = await page.evaluate<unknown[]>(`(() => {
      const rgb = (css) => (css.match(/[\\d.]+/g) ?? []).map(Number)
      const lum = ([r, g, b]) => {
        const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 })
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
      }
      const background = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor)
          if (c.length < 4 || c[3] > 0) return c.slice(0, 3)
        }
        return [255, 255, 255]
      }
      return [...document.querySelectorAll('.plan-editor :is(button, label, [role=status], li)')].map((el) => {
        const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))].sort((x, y) => y - x)
        return { text: el.textContent.slice(0, 40), ratio: (a + 0.05) / (b + 0.05) }
      }).filter((x) => !(x.ratio >= 4.5))
    })()`)
    expect(low).toEqual([])
  })

  it('logs no errors (no CSP refusals)', () => {
    expect(problems).toEqual([])
  })
})
