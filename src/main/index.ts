import { app, BrowserWindow, session } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './appProtocol'
import { electronSettingsStore } from './electronSettings'
import { electronPdfPrinter } from './pdfPrinter'
import { electronTokenStore } from './electronTokens'
import { bindContract } from './ipcBinding'
import { stderrLogger } from './logger'
import { denyAllPermissions, lockDownContents } from './security'
import { createServices } from './services'

const here = fileURLToPath(new URL('.', import.meta.url))
const log = stderrLogger('lintel')

registerAppScheme()
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win?.isMinimized()) win.restore()
    win?.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents))
  app.on('window-all-closed', () => app.quit())
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession)
  serveRenderer(join(here, '..', 'renderer'))
  const userDataDir = app.getPath('userData')
  const services = await createServices({
    runtime: 'electron',
    userDataDir,
    settings: electronSettingsStore(userDataDir, log),
    tokens: electronTokenStore(userDataDir, log),
    log,
    pdf: electronPdfPrinter
  })
  bindContract(services)
  await createMainWindow()
}

async function createMainWindow(): Promise<void> {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Lintel',
    show: false,
    webPreferences: {
      // The preload only exposes the contract's narrow API through contextBridge (src/preload/index.ts).
      preload: join(here, '..', 'preload', 'index.cjs'), /* eng-disable PRELOAD_JS_CHECK */
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  win.once('ready-to-show', () => win.show())
  await win.loadURL(`${APP_ORIGIN}/index.html`)
}
