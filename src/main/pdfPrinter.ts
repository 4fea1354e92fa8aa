import { BrowserWindow } from 'electron'
import type { PdfPrinter } from './survey/report'

/** Survey reports to PDF inside the app: the report HTML in a hidden, script-less window, then printToPDF. */
export const electronPdfPrinter: PdfPrinter = {
  async print(html) {
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        javascript: false,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick'
      }
    })
    try {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
      return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true })
    } finally {
      win.destroy()
    }
  }
}
