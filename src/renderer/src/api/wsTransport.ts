import { ErrorCode, fail, type Result, type Transport, type Unsubscribe } from '../../../shared/contract'

interface Pending {
  resolve(result: Result<unknown>): void
}

export interface WsTransportOptions {
  url: string
  /** Called with 'open' | 'reconnecting' | 'closed' so the UI can show the link state. */
  onState?: (state: ConnectionState) => void
  WebSocketImpl?: typeof WebSocket
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting'

const MAX_BACKOFF_MS = 5_000

/**
 * The contract over the browser host's WebSocket. Calls made while the link is down wait for it;
 * subscriptions are restored after a reconnect.
 */
export function createWsTransport(options: WsTransportOptions): Transport & { close(): void } {
  const Impl = options.WebSocketImpl ?? WebSocket
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const queue: string[] = []
  let nextId = 1
  let socket: WebSocket
  let closed = false
  let backoff = 250

  const send = (message: unknown): void => {
    const text = JSON.stringify(message)
    if (socket.readyState === Impl.OPEN) socket.send(text)
    else queue.push(text)
  }

  const connect = (): void => {
    options.onState?.(backoff === 250 ? 'connecting' : 'reconnecting')
    socket = new Impl(options.url)
    socket.onopen = () => {
      backoff = 250
      options.onState?.('open')
      for (const channel of listeners.keys()) socket.send(JSON.stringify({ type: 'subscribe', channel }))
      for (const text of queue.splice(0)) socket.send(text)
    }
    socket.onmessage = (event) => receive(String(event.data))
    socket.onclose = () => {
      if (closed) return
      for (const [id, p] of pending) {
        p.resolve(fail(ErrorCode.unavailable, 'The connection to Lintel dropped; try again.'))
        pending.delete(id)
      }
      options.onState?.('reconnecting')
      setTimeout(connect, backoff)
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)
    }
  }

  const receive = (text: string): void => {
    let message: { type?: string; id?: number; result?: Result<unknown>; channel?: string; payload?: unknown }
    try {
      message = JSON.parse(text) as typeof message
    } catch {
      return
    }
    if (message.type === 'result' && typeof message.id === 'number' && message.result) {
      pending.get(message.id)?.resolve(message.result)
      pending.delete(message.id)
    } else if (message.type === 'event' && message.channel) {
      for (const listener of listeners.get(message.channel) ?? []) listener(message.payload)
    }
  }

  connect()
  return {
    invoke(channel, input) {
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, { resolve })
        send({ type: 'invoke', id, channel, input })
      })
    },
    subscribe(channel, listener): Unsubscribe {
      let set = listeners.get(channel)
      if (!set) {
        listeners.set(channel, (set = new Set()))
        send({ type: 'subscribe', channel })
      }
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) {
          listeners.delete(channel)
          send({ type: 'unsubscribe', channel })
        }
      }
    },
    close() {
      closed = true
      socket.close()
    }
  }
}
