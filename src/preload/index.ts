import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { contract, createClient, type LintelApi, type Transport } from '../shared/contract'

/** Electron IPC as a contract transport. Only these two calls reach ipcRenderer; it is never exposed. */
const ipcTransport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(channel, listener) {
    // Keep the exact wrapper so removeListener removes what was added.
    const wrapper = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, wrapper)
    return () => void ipcRenderer.removeListener(channel, wrapper)
  }
}

const api: LintelApi = createClient(contract, ipcTransport)
contextBridge.exposeInMainWorld('lintel', api)
