import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { resolveInside, SECURITY_HEADERS } from './host/staticFiles'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = 'app://lintel'

/** Must run before app is ready: app:// behaves like a secure standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves the packaged renderer from app://lintel/ with the same CSP the browser host sends. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'lintel' ? resolveInside(rendererDir, url.pathname) : undefined
    if (!file) return new Response('not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value)
    return new Response(response.body, { status: response.status, headers })
  })
}

/** Only our own top-level page may call the contract. */
export const isAppUrl = (url: string | undefined): boolean => typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`)
