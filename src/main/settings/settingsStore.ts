import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { SettingsSchema, type Settings } from '../../shared/domain/settings'
import type { Logger } from '../logger'

/** Persistence for settings: electron-store in the app, conf under plain Node. Both store `settings.json`. */
export interface SettingsStore {
  read(): Settings
  write(settings: Settings): void
  readonly path: string
}

/** The part of conf / electron-store we use; both classes satisfy it. */
export interface KeyValueFile {
  store: Record<string, unknown>
  readonly path: string
}

export const SETTINGS_FILE = 'settings'

/**
 * Wraps a conf-like file. A file that does not parse or validate is moved aside (never deleted)
 * and defaults are used, so a bad edit can't stop the app from starting.
 */
export function settingsStoreOver(open: () => KeyValueFile, dir: string, log: Logger): SettingsStore {
  const file = openOrSetAside(open, join(dir, `${SETTINGS_FILE}.json`), log)
  return {
    path: file.path,
    read() {
      const parsed = SettingsSchema.safeParse(file.store)
      if (parsed.success) return parsed.data
      log.warn(`settings in ${file.path} are invalid (${parsed.error.issues[0]?.message ?? 'unknown'}); using defaults`)
      return SettingsSchema.parse({})
    },
    write(settings) {
      file.store = SettingsSchema.parse(settings)
    }
  }
}

function openOrSetAside(open: () => KeyValueFile, path: string, log: Logger): KeyValueFile {
  try {
    return open()
  } catch (error) {
    if (!existsSync(path)) throw error
    const aside = `${path}.invalid-${Date.now()}`
    renameSync(path, aside)
    log.warn(`settings file could not be read; kept it as ${aside} and started from defaults`)
    return open()
  }
}

/** The plain-Node store (CLI, browser host, tests). */
export async function nodeSettingsStore(dir: string, log: Logger): Promise<SettingsStore> {
  const { default: Conf } = await import('conf')
  return settingsStoreOver(
    () => new Conf<Record<string, unknown>>({ cwd: dir, configName: SETTINGS_FILE, projectName: 'lintel' }),
    dir,
    log
  )
}
