import { join } from 'node:path'
import { appRoot } from '../paths'
import { openNodeServices, type SiteSource } from '../services/node'
import { startBrowserHost, type BrowserHost } from './browserHost'

export const rendererDir = (): string => join(appRoot(), 'out', 'renderer')

/**
 * Starts the browser host with the same services the app runs, on the app's database by default
 * (or another database, or a snapshot file read in memory).
 */
export async function runBrowserHost(options: { port?: number } & SiteSource = {}): Promise<BrowserHost> {
  const services = await openNodeServices({ runtime: 'browser-host', sitePath: options.sitePath, dbPath: options.dbPath })
  return startBrowserHost({ services, staticDir: rendererDir(), ...(options.port !== undefined ? { port: options.port } : {}) })
}
