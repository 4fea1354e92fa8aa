import type { LintelApi } from '../shared/contract'

declare global {
  interface Window {
    /** Present only inside the Electron app; the browser host uses a WebSocket transport instead. */
    readonly lintel?: LintelApi
  }
}
export {}
