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

  it('version 5 makes credential values nullable, keeping every row, id, link and index', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.filter((m) => m.version <= 4))
    db.exec(`
      INSERT INTO people (id, first_name, last_name, email, email_key, enabled, group_ids, remote_id) VALUES ('1', 'Leah', 'Morgan', 'leah@example.com', 'leah@example.com', 1, '[]', 'p1');
      INSERT INTO credentials (row, id, person_id, credential_type_id, value, enabled, status, label, issued_at, device, remote_id, pending_create, revoked_reason, accepted_at, invitation_url)
        VALUES (7, '101', '1', '9', 'PF-1A2B-3C4D', 1, 'active', 'phone', '2026-01-01T00:00:00Z', 'Pixel', 'c1', 0, NULL, '2026-01-02T00:00:00Z', 'https://passflow.example/i/1'),
               (9, '102', '1', '6', '482913', 0, 'revoked', NULL, NULL, NULL, NULL, 1, 'lost', NULL, NULL);
    `)
    const before = db.prepare('SELECT * FROM credentials ORDER BY row').all()
    migrate(db)
    expect(db.prepare('SELECT * FROM credentials ORDER BY row').all()).toEqual(before)
    expect(db.pragma('foreign_key_check')).toEqual([])
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'credentials' AND sql IS NOT NULL").pluck().all()
    expect(indexes).toEqual(expect.arrayContaining(['credentials_person', 'credentials_remote']))
    const insert = db.prepare("INSERT INTO credentials (id, person_id, credential_type_id, value, enabled, status) VALUES (?, '1', '9', ?, 1, 'invited')")
    insert.run('103', null)
    insert.run('104', null)
    expect(() => insert.run('105', '')).toThrow(/CHECK/)
    expect(() => insert.run('106', 'PF-1A2B-3C4D')).toThrow(/UNIQUE/)
    db.prepare("DELETE FROM people WHERE id = '1'").run()
    expect(db.prepare('SELECT COUNT(*) FROM credentials').pluck().get()).toBe(0)
  })
})

