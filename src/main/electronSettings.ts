import Store from 'electron-store'
import type { Logger } from './logger'
import { SETTINGS_FILE, settingsStoreOver, type SettingsStore } from './settings/settingsStore'

/** electron-store in the app; the same settings.json the CLI reads and writes under plain Node. */
export function electronSettingsStore(dir: string, log: Logger): SettingsStore {
  return settingsStoreOver(() => new Store<Record<string, unknown>>({ name: SETTINGS_FILE, cwd: dir }), dir, log)
}
