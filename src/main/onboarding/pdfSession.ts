import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { LintelError } from '../../shared/contract/result'
import type { PdfPrinter } from '../survey/report'

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/** A PDF printer that keeps one Chromium open across many prints (a batch of sheets); close it when done. */
export interface PdfSession extends PdfPrinter {
  close(): Promise<void>
}

/**
 * Debian's Chromium through playwright-core, started on the first print and reused: a 100-sheet
 * batch pays for one browser start, not 100. Offline and headless, as the survey's printer.
 */
export function chromiumPdfSession(executablePath = CHROMIUM.find((p) => existsSync(p))): PdfSession {
  let browser: Promise<Browser> | undefined
  const open = async () => {
    if (!executablePath) throw new LintelError('pdf_unavailable', 'PDF export needs Chromium: sudo apt-get install chromium (or export HTML and print it).')
    const { chromium } = await import('playwright-core')
    return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
  }
  return {
    async print(html) {
      browser ??= open()
      const page = await (await browser).newPage()
      try {
        await page.setContent(html, { waitUntil: 'load' })
        return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } })
      } finally {
        await page.close()
      }
    },
    async close() {
      const opened = browser
      browser = undefined
      // A Chromium that failed to start was reported by the print that started it; nothing to close.
      if (opened) await (await opened.catch(() => undefined))?.close()
    }
  }
}
