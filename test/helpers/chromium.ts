import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browserHost'
import { openTestServices, type TestServices } from './services'

export const CHROMIUM_PATH = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. Never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM_PATH) throw new Error('Chromium is not installed: apt-get install -y chromium (npm test does this when it can)')
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage'
    ]
  })
}

/** The browser host on real test services, one Chromium page on it, and the console problems it logged. */
export interface AppPage {
  t: TestServices
  host: BrowserHost
  browser: Browser
  page: Page
  /** Console errors and warnings, and page errors, in order. */
  problems: string[]
  /** Closes the page, the browser, the host and the services, and removes the data folder. */
  close(): Promise<void>
}

/**
 * Opens the built renderer (out/renderer) in Chromium through the browser host, at `hash` (e.g.
 * `#/survey`), on the demo site or what `services` says (another site, an events source).
 */
export async function openAppPage(hash = '', viewport = { width: 1360, height: 900 }, services: Parameters<typeof openTestServices>[0] = {}): Promise<AppPage> {
  const rendererDir = join(process.cwd(), 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run npm run build (npm test builds first)')
  const t = await openTestServices(services)
  const host = await startBrowserHost({ services: t.services, staticDir: rendererDir })
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport })
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  await page.goto(`${host.url}${hash}`)
  return {
    t,
    host,
    browser,
    page,
    problems,
    async close() {
      await browser.close()
      await host.close()
      await t.services.close()
      t.dispose()
    }
  }
}
