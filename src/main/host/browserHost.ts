import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Services } from '../services'
import { ClientMessageSchema } from './protocol'
import { SECURITY_HEADERS, serveStatic } from './staticFiles'

export interface BrowserHostOptions {
  services: Pick<Services, 'dispatcher' | 'hub'>
  /** The built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
}

export interface BrowserHost {
  readonly url: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

const LOOPBACK = '127.0.0.1'
const MAX_MESSAGE_BYTES = 1 << 20

/**
 * Serves the renderer and the contract over a WebSocket on 127.0.0.1 only.
 * A random per-run token, an exact Origin check and a Host check (against DNS rebinding) guard the socket.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const staticDir = resolve(options.staticDir)
  const server = createServer((req, res) => {
    if (!hostAllowed(req, port())) return void res.writeHead(421, SECURITY_HEADERS).end('misdirected request')
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, SECURITY_HEADERS).end()
    void serveStatic(staticDir, new URL(req.url ?? '/', 'http://x').pathname, res)
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  server.on('upgrade', (req, socket, head) => {
    if (!upgradeAllowed(req, port(), token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws, options.services))
  })
  await listen(server, options.port ?? 0)
  const port = (): number => (server.address() as AddressInfo).port
  return {
    url: `http://${LOOPBACK}:${port()}/?token=${token}`,
    port: port(),
    token,
    close: () => close(server, wss)
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, reject) => {
    server.once('error', reject)
    server.listen(port, LOOPBACK, () => done())
  })
}

async function close(server: Server, wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.terminate()
  wss.close()
  server.closeAllConnections()
  await new Promise<void>((done) => server.close(() => done()))
}

function hostAllowed(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `${LOOPBACK}:${port}` || req.headers.host === `localhost:${port}`
}

function upgradeAllowed(req: IncomingMessage, port: number, token: string): boolean {
  if (!hostAllowed(req, port)) return false
  const origin = req.headers.origin
  if (origin !== `http://${LOOPBACK}:${port}` && origin !== `http://localhost:${port}`) return false
  const url = new URL(req.url ?? '/', 'http://x')
  return url.pathname === '/ws' && sameSecret(url.searchParams.get('token') ?? '', token)
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function serveClient(ws: WebSocket, services: BrowserHostOptions['services']): void {
  const subscriptions = new Map<string, () => void>()
  ws.on('message', (data, isBinary) => {
    if (isBinary) return
    let parsed
    try {
      parsed = ClientMessageSchema.safeParse(JSON.parse(String(data)))
    } catch {
      parsed = undefined
    }
    if (!parsed?.success) return send(ws, { type: 'error', message: 'malformed message' })
    const msg = parsed.data
    if (msg.type === 'invoke') {
      void services.dispatcher.invoke(msg.channel, msg.input).then((result) => send(ws, { type: 'result', id: msg.id, result }))
    } else if (msg.type === 'subscribe' && !subscriptions.has(msg.channel)) {
      subscriptions.set(msg.channel, services.hub.subscribe(msg.channel, (payload) => send(ws, { type: 'event', channel: msg.channel, payload })))
    } else if (msg.type === 'unsubscribe') {
      subscriptions.get(msg.channel)?.()
      subscriptions.delete(msg.channel)
    }
  })
  ws.on('close', () => {
    for (const stop of subscriptions.values()) stop()
    subscriptions.clear()
  })
}

function send(ws: WebSocket, message: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
}
