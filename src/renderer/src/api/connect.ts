import { contract, createClient, type LintelApi } from '../../../shared/contract'
import { createWsTransport, type ConnectionState } from './wsTransport'

export type TransportKind = 'electron' | 'browser-host'

export interface Connection {
  api: LintelApi
  kind: TransportKind
}

export class NoTransportError extends Error {}

/**
 * Picks the transport at start-up: the preload's `window.lintel` inside Electron,
 * otherwise the browser host's WebSocket, authorised by the token in the page URL.
 */
export function connectLintel(
  win: Pick<Window, 'location' | 'history'> & { lintel?: LintelApi },
  onState?: (state: ConnectionState) => void
): Connection {
  if (win.lintel) return { api: win.lintel, kind: 'electron' }
  const url = new URL(win.location.href)
  const token = url.searchParams.get('token')
  if (!token) {
    throw new NoTransportError('This page needs the address Lintel printed when it started (it carries an access token).')
  }
  const wsUrl = `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}/ws?token=${encodeURIComponent(token)}`
  const transport = createWsTransport({ url: wsUrl, ...(onState ? { onState } : {}) })
  return { api: createClient(contract, transport), kind: 'browser-host' }
}
