import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, MIGRATIONS, type Migration } from '../../../src/main/store/migrations'

const latest = MIGRATIONS.at(-1)!.version

describe('migrate', () => {
  it('applies each missing version in order and records the last', () => {
    const db = new Database(':memory:')
    const steps: Migration[] = [...MIGRATIONS, { version: latest + 1, summary: 'test', sql: 'ALTER TABLE people ADD COLUMN nickname TEXT;' }]
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1)
    expect(migrate(db, MIGRATIONS)).toBe(latest)
    expect(migrate(db, steps)).toBe(latest + 1)
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 1)
    expect((db.prepare('PRAGMA table_info(people)').all() as { name: string }[]).map((c) => c.name)).toContain('nickname')
    expect((db.prepare('PRAGMA table_info(doors)').all() as { name: string }[]).map((c) => c.name)).toContain('reader_radios')
    expect(migrate(db, steps)).toBe(latest + 1)
  })

  it('leaves a failed step wholly unapplied', () => {
    const db = new Database(':memory:')
    migrate(db)
    const broken: Migration[] = [...MIGRATIONS, { version: latest + 1, summary: 'half', sql: 'CREATE TABLE extra (x INTEGER); SELECT nonsense FROM nowhere;' }]
    expect(() => migrate(db, broken)).toThrow()
    expect(db.pragma('user_version', { simple: true })).toBe(latest)
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(0)
  })
})
