import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { SettingsSchema, type Settings } from '../../shared/domain/settings'
import type { Logger } from '../logger'

/** Persistence for settings: electron-store in the app, a plain JSON file under Node. Both are `settings.json`. */
export interface SettingsStore {
  read(): Settings
  write(settings: Settings): void
  readonly path: string
}

/** The part of electron-store we use; {@link jsonFile} is the same under plain Node. */
export interface KeyValueFile {
  store: Record<string, unknown>
  readonly path: string
}

export const SETTINGS_FILE = 'settings'

/**
 * Wraps a settings file. A file that does not parse or validate is moved aside (never deleted)
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

/** The plain-Node store (CLI, browser host, tests): settings.json read and written whole. */
export async function nodeSettingsStore(dir: string, log: Logger): Promise<SettingsStore> {
  return settingsStoreOver(() => jsonFile(join(dir, `${SETTINGS_FILE}.json`)), dir, log)
}

/**
 * A JSON object in a file, in electron-store's format (tab-indented), so the app and the CLI share
 * it. Throws when the file is not a JSON object; a write goes to a temporary file renamed into place.
 */
export function jsonFile(path: string): KeyValueFile {
  let store = readObject(path)
  return {
    path,
    get store() {
      return store
    },
    set store(value) {
      mkdirSync(dirname(path), { recursive: true })
      const temporary = `${path}.${process.pid}.tmp`
      writeFileSync(temporary, `${JSON.stringify(value, undefined, '\t')}\n`)
      renameSync(temporary, path)
      store = value
    }
  }
}

function readObject(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {}
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path} does not hold a JSON object`)
  return value as Record<string, unknown>
}
