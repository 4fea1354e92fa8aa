import { stderrLogger } from '../logger'
import { nodeUserDataDir } from '../paths'
import { createServices, type Services } from '../services'
import { nodeSettingsStore } from '../settings/settingsStore'
import type { AppInfo } from '../../shared/contract'
import type { Store } from '../store/store'

/** The same services the app runs, under plain Node, for one CLI invocation or the browser host. */
export async function openNodeServices(options: { sitePath?: string; store?: Store; runtime?: AppInfo['runtime'] } = {}): Promise<Services> {
  const log = stderrLogger()
  const userDataDir = nodeUserDataDir()
  return createServices({
    runtime: options.runtime ?? 'cli',
    userDataDir,
    settings: await nodeSettingsStore(userDataDir, log),
    log,
    ...(options.sitePath ? { sitePath: options.sitePath } : {}),
    ...(options.store ? { store: options.store } : {})
  })
}
