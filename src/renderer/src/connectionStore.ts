import type { ConnectionState } from './api/wsTransport'

/** The link to main as the header shows it; `reconnects` counts returns to 'open' after a drop. */
export interface ConnectionView {
  readonly state: ConnectionState
  readonly reconnects: number
}

/** A tiny external store the transport writes to and React reads with useSyncExternalStore. */
export interface ConnectionStore {
  getSnapshot(): ConnectionView
  subscribe(listener: () => void): () => void
  set(state: ConnectionState): void
}

export function createConnectionStore(initial: ConnectionState = 'connecting'): ConnectionStore {
  let view: ConnectionView = { state: initial, reconnects: 0 }
  const listeners = new Set<() => void>()
  return {
    getSnapshot: () => view,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set(state) {
      if (state === view.state) return
      const reconnected = state === 'open' && view.state === 'reconnecting'
      view = { state, reconnects: view.reconnects + (reconnected ? 1 : 0) }
      for (const listener of listeners) listener()
    }
  }
}
