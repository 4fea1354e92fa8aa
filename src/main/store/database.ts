import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Id } from '../../shared/domain/site'
import { migrate } from './migrations'

/** The app's database file inside the user-data directory. */
export const DATABASE_FILE = 'lintel.db'
export const databasePath = (userDataDir: string): string => join(userDataDir, DATABASE_FILE)

/** Error codes of the store, stable across the contract and the CLI. */
export const StoreErrorCode = {
  unreadable: 'db_unreadable',
  notFound: 'not_found',
  invalid: 'invalid_record',
  conflict: 'conflict'
} as const

/**
 * An id as stored: its JSON text, so 3 and "3" stay different ids. A whole number's JSON text is
 * String()'s, which is several times faster: a 100k-row import makes 700k keys.
 */
export const idKey = (id: Id): string => (typeof id === 'number' ? String(id) : JSON.stringify(id))
export const idFromKey = (key: string): Id => JSON.parse(key) as Id

/**
 * Opens (creating if needed) a database in WAL mode with foreign keys on, migrated to the latest
 * version. synchronous=NORMAL in WAL keeps every committed transaction through a process crash.
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma('cache_size = -65536')
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** The current instant as stored in the outbox and the sync log. */
export const nowIso = (): string => new Date().toISOString()
