import type { Statements } from './statements'

/**
 * The `meta` table's keys: the site record, the database's uid, and the sync's own keys (API URL,
 * last run, cursors, lock). The one writer of `meta`.
 */
export class Meta {
  constructor(private readonly sql: Statements) {}

  /** The key's value, or undefined when it was never set. */
  get(key: string): string | undefined {
    return this.sql.value('SELECT value FROM meta WHERE key = ?').get(key) as string | undefined
  }

  /** Sets (or replaces) a key's value. */
  set(key: string, value: string): void {
    this.sql.rows('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value)
  }

  /** Sets a key only if it has no value yet; true when it was set. */
  setIfAbsent(key: string, value: string): boolean {
    return this.sql.rows('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, value).changes === 1
  }

  /** Removes a key; true when it was there. */
  delete(key: string): boolean {
    return this.sql.rows('DELETE FROM meta WHERE key = ?').run(key).changes === 1
  }
}
