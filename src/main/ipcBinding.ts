import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { ErrorCode, fail } from '../shared/contract/result'
import type { Services } from './services'
import { isAppUrl } from './appProtocol'

/** Registers every contract channel on ipcMain and forwards every event stream to our windows. */
export function bindContract(services: Pick<Services, 'dispatcher' | 'hub'>): () => void {
  for (const channel of services.dispatcher.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame
      if (!frame || frame !== event.sender.mainFrame || !isAppUrl(frame.url)) {
        return fail(ErrorCode.forbidden, 'This page is not allowed to use Lintel.')
      }
      return services.dispatcher.invoke(channel, input)
    })
  }
  const stop = services.hub.forwardAll((channel, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && isAppUrl(win.webContents.getURL())) win.webContents.send(channel, payload)
    }
  })
  return () => {
    stop()
    for (const channel of services.dispatcher.channels) ipcMain.removeHandler(channel)
  }
}
