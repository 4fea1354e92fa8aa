import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository (or packaged app) root: the first ancestor holding resources/demo-site.json. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'resources', 'demo-site.json'))) return dir
    dir = dirname(dir)
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
}

export const resourcesDir = (): string => process.env.LINTEL_RESOURCES ?? join(appRoot(), 'resources')
export const demoSitePath = (): string => join(resourcesDir(), 'demo-site.json')

/** Where settings and local data live under plain Node; the Electron shell passes app.getPath('userData'). */
export function nodeUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LINTEL_HOME) return resolve(env.LINTEL_HOME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Lintel')
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Lintel')
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'lintel')
}
