import { join } from 'node:path'
import { appRoot } from '../paths'
import { openNodeServices } from '../cli/context'
import { startBrowserHost, type BrowserHost } from './browserHost'

export const rendererDir = (): string => join(appRoot(), 'out', 'renderer')

/** Starts the browser host on the demo site (or a snapshot file) with the same services the app runs. */
export async function runBrowserHost(options: { port?: number; sitePath?: string } = {}): Promise<BrowserHost> {
  const services = await openNodeServices({ runtime: 'browser-host', ...(options.sitePath ? { sitePath: options.sitePath } : {}) })
  return startBrowserHost({ services, staticDir: rendererDir(), ...(options.port !== undefined ? { port: options.port } : {}) })
}
