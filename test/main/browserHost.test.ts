import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browserHost'
import { commandChannel, eventChannel } from '../../src/shared/contract'
import { openTestServices, type TestServices } from '../helpers/services'

let t: TestServices
let host: BrowserHost
let staticDir: string

beforeAll(async () => {
  t = await openTestServices()
  staticDir = mkdtempSync(join(tmpdir(), 'lintel-static-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Lintel</title>')
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  host = await startBrowserHost({ services: t.services, staticDir })
})
afterAll(async () => {
  await host.close()
  t.dispose()
  rmSync(staticDir, { recursive: true, force: true })
})

const origin = (): string => `http://127.0.0.1:${host.port}`

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((done, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens a socket and resolves 'open' or the HTTP status that refused it. */
function connect(query: string, wsOrigin = origin()): Promise<{ ws?: WebSocket; refused?: number }> {
  return new Promise((done) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, { origin: wsOrigin })
    ws.once('open', () => done({ ws }))
    ws.once('unexpected-response', (_req, res) => done({ refused: res.statusCode }))
    ws.once('error', () => done({ refused: -1 }))
  })
}

function call(ws: WebSocket, id: number, channel: string, input: unknown): Promise<unknown> {
  return new Promise((done) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const msg = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown }
      if (msg.type === 'result' && msg.id === id) {
        ws.off('message', onMessage)
        done(msg.result)
      }
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ type: 'invoke', id, channel, input }))
  })
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`)
    expect(host.token.length).toBeGreaterThanOrEqual(32)
  })

  it('serves the renderer with a strict CSP', async () => {
    const res = await get('/', { host: `127.0.0.1:${host.port}` })
    expect(res.status).toBe(200)
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect((await get('/assets/app.js')).headers['content-type']).toContain('text/javascript')
  })

  it('refuses paths that escape the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret']) {
      const res = await get(path)
      expect(res.body).not.toContain('"name"')
      expect([200, 400]).toContain(res.status)
      if (res.status === 200) expect(res.body).toContain('<title>Lintel</title>')
    }
  })

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${host.port}` })).status).toBe(421)
  })

  it('refuses the socket without the token, with a wrong token, or from another origin', async () => {
    expect((await connect('')).refused).toBe(403)
    expect((await connect('?token=nope')).refused).toBe(403)
    expect((await connect(`?token=${host.token}x`)).refused).toBe(403)
    expect((await connect(`?token=${host.token}`, 'http://evil.example')).refused).toBe(403)
    expect((await connect(`?token=${host.token}`, `http://127.0.0.1:${host.port + 1}`)).refused).toBe(403)
  })

  it('carries the contract: results, typed errors and events', async () => {
    const { ws } = await connect(`?token=${host.token}`)
    if (!ws) throw new Error('socket refused')
    expect(await call(ws, 1, commandChannel('app', 'info'), {})).toMatchObject({ ok: true, value: { name: 'Lintel' } })
    expect(await call(ws, 2, commandChannel('app', 'info'), { extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await call(ws, 3, 'lintel:nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })

    const channel = eventChannel('app', 'settingsChanged')
    const event = new Promise<unknown>((done) =>
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { type: string; channel?: string; payload?: unknown }
        if (msg.type === 'event' && msg.channel === channel) done(msg.payload)
      })
    )
    ws.send(JSON.stringify({ type: 'subscribe', channel }))
    await call(ws, 4, commandChannel('app', 'info'), {}) // the subscription is registered before this answer
    await call(ws, 5, commandChannel('app', 'updateSettings'), { theme: 'dark' })
    expect(await event).toMatchObject({ theme: 'dark' })
    ws.close()
  })

  it('answers a malformed message with an error and stays up', async () => {
    const { ws } = await connect(`?token=${host.token}`)
    if (!ws) throw new Error('socket refused')
    const reply = new Promise<unknown>((done) => ws.once('message', (d) => done(JSON.parse(String(d)))))
    ws.send('{not json')
    expect(await reply).toEqual({ type: 'error', message: 'malformed message' })
    expect(await call(ws, 9, commandChannel('site', 'summary'), {})).toMatchObject({ ok: true })
    ws.close()
  })
})
