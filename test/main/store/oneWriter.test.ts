import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../src/main/store/migrations'

const MAIN = join(process.cwd(), 'src/main')

/** Each table's one writer module. */
const WRITER: Record<string, string> = {
  meta: 'store/meta.ts',
  credential_types: 'store/credentialTypes.ts',
  schedules: 'store/schedules.ts',
  doors: 'store/doors.ts',
  groups: 'store/groups.ts',
  people: 'store/people.ts',
  credentials: 'store/credentials.ts',
  outbox: 'store/outbox.ts',
  remote_ids: 'store/replica.ts',
  account_credential_types: 'store/replica.ts',
  remote_credentials: 'store/replicaSite.ts',
  channels: 'store/replicaSite.ts',
  events: 'store/replicaSite.ts',
  sync_log: 'store/syncState.ts',
  sync_flags: 'store/syncState.ts'
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

const files = sources(MAIN)
  .map((path) => ({ path: relative(MAIN, path), text: readFileSync(path, 'utf8') }))
  .filter((file) => file.path !== 'store/migrations.ts')

/** The schema's tables: those created, less a rebuild's temporary name (`ALTER TABLE x RENAME TO y` keeps y). */
const renamedAway = new Set(MIGRATIONS.flatMap((m) => [...m.sql.matchAll(/ALTER TABLE (\w+) RENAME TO/g)].map((match) => match[1] as string)))
const tables = [...new Set(MIGRATIONS.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (\w+)/g)].map((match) => match[1] as string)))].filter((t) => !renamedAway.has(t))

/** The tables a file's SQL writes, by name (INSERT [OR …] INTO, REPLACE INTO, UPDATE [OR …], DELETE FROM). */
function written(text: string): Set<string> {
  const found = new Set<string>()
  for (const match of text.matchAll(/\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(\w+)/g)) {
    if (tables.includes(match[1] as string)) found.add(match[1] as string)
  }
  return found
}

describe('one writer per table', () => {
  it('names a writer for every table of the schema, and only for those', () => {
    expect([...tables].sort()).toEqual(Object.keys(WRITER).sort())
  })

  it.each(Object.entries(WRITER))('only %s writes its table: %s', (table, writer) => {
    expect(files.filter((file) => written(file.text).has(table)).map((file) => file.path).sort()).toEqual([writer])
  })

  it('writes the pending_create flags of people and credentials only from the outbox (its create queue) and their writers', () => {
    const flagWriters = files.filter((file) => /pending_create\s*=\s*[01]\b/.test(file.text) || /pending_create\)\s*\n?\s*VALUES/.test(file.text)).map((file) => file.path)
    expect(flagWriters.sort()).toEqual(['store/credentials.ts', 'store/outbox.ts', 'store/people.ts'])
  })

  it('keeps SQL calls and the raw connection inside src/main/store', () => {
    const outside = files.filter((file) => !file.path.startsWith('store/'))
    // `.exec(` with SQL text; a RegExp's exec (a pattern, not a string) is not SQL.
    const sql = /\.(prepare|pragma)\(|\.exec\(\s*[`'"]|\.legacyDb\b|\bstore\.db\b|better-sqlite3/
    expect(['db.exec(`CREATE TABLE t (a)`)', "db.prepare('SELECT 1')", 'db.pragma("user_version")'].every((line) => sql.test(line))).toBe(true)
    expect(sql.test('const match = PATTERN.exec(attrs)')).toBe(false)
    const offenders = outside.filter((file) => sql.test(file.text)).map((file) => file.path)
    expect(offenders).toEqual([])
  })
})
