import { resolve } from 'node:path'
import { demoSitePath, nodeUserDataDir } from '../paths'
import { loadSiteFile } from '../services/siteService'
import { databasePath } from '../store/database'
import { Store } from '../store/store'
import { stringOption } from './args'
import type { OptionValues } from './command'

/** `--db` as documented for every command that takes it. */
export const DB_OPTION_HELP = '--db <path>       the database (default: the app\'s, seeded with the demo site on first start; a new one elsewhere starts with the standard credential types only)'

/**
 * Opens `--db`, or the app's database by default. The app's database is seeded with the demo
 * site the first time; a new database anywhere else starts with only the standard credential types.
 */
export async function openStoreOption(values: OptionValues): Promise<Store> {
  const appDb = databasePath(nodeUserDataDir())
  const path = resolve(stringOption(values, 'db') ?? appDb)
  if (path === resolve(appDb)) return Store.open(path, { kind: 'site', site: await loadSiteFile(demoSitePath()) })
  return Store.open(path, { kind: 'standard', name: 'Lintel' })
}
