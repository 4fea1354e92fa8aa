import { existsSync } from 'node:fs'
import { LintelError } from '../../../shared/contract/result'
import { SurveyErrorCode } from '../surveyFiles'
import type { PdfPrinter } from './index'

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/**
 * PDF under plain Node: the report HTML printed by Debian's Chromium through playwright-core.
 * Chromium starts per report, offline (no network flags) and headless; the Electron app uses printToPDF instead.
 */
export function chromiumPdfPrinter(executablePath = CHROMIUM.find((p) => existsSync(p))): PdfPrinter {
  return {
    async print(html) {
      if (!executablePath) throw new LintelError(SurveyErrorCode.pdfUnavailable, 'PDF export needs Chromium: sudo apt-get install chromium (or export HTML and print it).')
      const { chromium } = await import('playwright-core')
      const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
      try {
        const page = await browser.newPage()
        await page.setContent(html, { waitUntil: 'load' })
        return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } })
      } finally {
        await browser.close()
      }
    }
  }
}
