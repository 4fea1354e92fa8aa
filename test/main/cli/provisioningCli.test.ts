import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseSite } from '../../../src/shared/domain/site'
import { runCli } from '../../../src/main/cli'
import type { CliIo } from '../../../src/main/cli/io'
import { cli } from '../../helpers/cli'
import { startDoorFlowFixture } from '../../fixtures/doorflow/server'

const dir = mkdtempSync(join(tmpdir(), 'lintel-cli-prov-'))
let db: string
let n = 0
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const CSV = [
  'first_name,last_name,email,credential_type,credential_value,pin',
  'Ada,Lovelace,ada@example.com,PassFlow,PF-1A2B-3C4D,583920',
  '=HYPERLINK("x"),Evil,not-an-email,,,7391',
  'Bob,Weak,bob@example.com,,,1234'
].join('\n')

beforeEach(() => {
  db = join(dir, `db-${++n}.db`)
})

// `lintel sync` keeps the token in the user-data directory: a throwaway one here.
const home = join(dir, 'home')
const previousHome = process.env.LINTEL_HOME
beforeAll(() => {
  process.env.LINTEL_HOME = home
})

afterAll(() => {
  if (previousHome === undefined) delete process.env.LINTEL_HOME
  else process.env.LINTEL_HOME = previousHome
  rmSync(dir, { recursive: true, force: true })
})

describe('lintel import', () => {
  it('imports the good rows and reports the rest by line and header (exit 0)', async () => {
    const run = await cli('import', file('people.csv', CSV), '--db', db, '--json')
    expect(run.code).toBe(0)
    expect(run.json()).toEqual({
      rows: 3,
      imported: 1,
      updated: 0,
      rejected: [
        { row: 3, column: 'email', message: '"not-an-email" is not an email address.' },
        { row: 4, column: 'pin', message: expect.stringMatching(/easy to guess/) }
      ],
      dialect: { delimiter: ',', encoding: 'utf-8', bom: false }
    })
    expect((await cli('import', file('people.csv', CSV), '--db', db, '--allow-weak-pins', '--json')).json()).toMatchObject({ imported: 1, updated: 1 })
  })

  it('writes nothing with --dry-run', async () => {
    expect((await cli('import', file('people.csv', CSV), '--db', db, '--dry-run', '--json')).json()).toMatchObject({ imported: 1, dryRun: true })
    expect((await cli('export', '--db', db, '--people')).out.trim().split('\r\n')).toHaveLength(1)
  })

  it('gives the rejected rows back as written (PINs too) with a reason column, in a 0600 file', async () => {
    const rejected = join(dir, 'rejected.csv')
    writeFileSync(rejected, 'old', { mode: 0o644 })
    await cli('import', file('people.csv', CSV), '--db', db, '--rejected', rejected)
    const text = readFileSync(rejected, 'utf8')
    expect(text.split('\r\n')[0]).toBe('\uFEFFfirst_name,last_name,email,credential_type,credential_value,pin,reason')
    expect(text).toContain(`"=HYPERLINK(""x"")",Evil,not-an-email,,,7391,"email: ""not-an-email"" is not an email address."`)
    expect(text).toContain('Bob,Weak,bob@example.com,,,1234,')
    expect(statSync(rejected).mode & 0o777).toBe(0o600)
  })

  it('re-imports a corrected rejected-rows file, semicolons and all', async () => {
    const source = ['first_name;last_name;email;pin', 'Ada;Lovelace;ada@example.com;583920', 'Bob;Weak;bob@example;583921'].join('\r\n')
    const rejected = join(dir, 'rejected-semi.csv')
    expect((await cli('import', file('semi.csv', source), '--db', db, '--rejected', rejected, '--json')).json()).toMatchObject({ imported: 1 })
    const corrected = readFileSync(rejected, 'utf8').replace('bob@example;', 'bob@example.com;')
    expect(corrected).toContain('Bob;Weak;bob@example.com;583921;')
    const again = await cli('import', file('corrected.csv', corrected), '--db', db, '--json')
    expect(again.json()).toMatchObject({ rows: 1, imported: 1, rejected: [] })
    expect((await cli('export', '--db', db, '--credentials')).out).not.toContain('583921')
  })

  it('names the other row when a value repeats inside the file', async () => {
    const text = ['first_name,last_name,email,credential_type,credential_value', 'A,One,a@example.com,PassFlow,PF-1111-2222', 'B,Two,b@example.com,,', 'C,Three,c@example.com,PassFlow,PF-1111-2222'].join('\n')
    expect((await cli('import', file('dups.csv', text), '--db', db, '--json')).json()).toMatchObject({ rejected: [{ row: 4, column: 'credential_value', message: 'This value is already in use: same value as row 2.' }] })
  })

  it('exits 2 with {ok:false} for a file it cannot read, and for a mapping without the required columns', async () => {
    const missing = await cli('import', join(dir, 'nope.csv'), '--db', db, '--json')
    expect(missing.code).toBe(2)
    expect(missing.json()).toMatchObject({ ok: false, error: { code: 'import_unreadable' } })
    const unmapped = await cli('import', file('bad.csv', 'name,mail\nA,a@b.c\n'), '--db', db, '--json')
    expect(unmapped.code).toBe(2)
    expect(unmapped.err).toMatch(/line 1: first_name is required/)
  })

  it('takes a header mapping with --map', async () => {
    const run = await cli('import', file('mapped.csv', 'Given,Family,Mail\nZoë,Ødegaard,zoe@example.com\n'), '--db', db, '--map', 'first_name=Given', '--map', 'last_name=Family', '--map', 'email=Mail', '--json')
    expect(run.json()).toMatchObject({ imported: 1 })
  })
})

describe('lintel import: the files Excel writes', () => {
  const ROWS = ['first_name;last_name;email;group', 'Zoë;Ødegaard;zoe@example.com;', 'René;Müller, Jr;rene@example.com;'].join('\r\n')
  const bytes = (name: string, data: Buffer): string => {
    const path = join(dir, name)
    writeFileSync(path, data)
    return path
  }
  const names = async (): Promise<string[]> => (await cli('people', '--db', db, '--json')).json<{ people: { first_name: string; last_name: string }[] }>().people.map((p) => `${p.first_name} ${p.last_name}`)

  it('reads Windows-1252 with semicolons and says so', async () => {
    const run = await cli('import', bytes('excel.csv', iconv.encode(ROWS, 'windows-1252')), '--db', db, '--json')
    expect(run.json()).toMatchObject({ imported: 2, dialect: { delimiter: ';', encoding: 'windows-1252', bom: false } })
    expect(await names()).toEqual(['Zoë Ødegaard', 'René Müller, Jr'])
  })

  it('reads UTF-16 tab-separated "Unicode text", and prints the dialect in the human report', async () => {
    const run = await cli('import', bytes('unicode.txt', iconv.encode(ROWS.replace(/;/g, '\t'), 'utf-16le', { addBOM: true })), '--db', db)
    expect(run.out).toMatch(/2 rows: 2 imported/)
    expect(run.out).toMatch(/read as utf-16le \(byte order mark\), tab-separated/)
    expect(await names()).toEqual(['Zoë Ødegaard', 'René Müller, Jr'])
  })

  it('takes --delimiter and --encoding overrides, and refuses unknown ones (exit 2)', async () => {
    const path = bytes('pipes.csv', iconv.encode(ROWS.replace(/;/g, '|'), 'windows-1252'))
    expect((await cli('import', path, '--db', db, '--delimiter', 'pipe', '--encoding', 'cp1252', '--json')).json()).toMatchObject({ imported: 2, dialect: { delimiter: '|', encoding: 'windows-1252' } })
    const bad = await cli('import', path, '--db', db, '--delimiter', 'x', '--json')
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/--delimiter x: expected one of comma, semicolon, tab, pipe/)
  })

  it('refuses a file mixing encodings, naming file and line, and writes nothing (exit 2)', async () => {
    const path = bytes('mixed.csv', Buffer.concat([Buffer.from('first_name,last_name,email\nZoë,A,zoe@example.com\n'), iconv.encode('René,B,rene@example.com\n', 'windows-1252')]))
    const run = await cli('import', path, '--db', db, '--json')
    expect(run.code).toBe(2)
    expect(run.json()).toMatchObject({ ok: false, error: { code: 'import_mixed_encoding', message: expect.stringMatching(/mixed\.csv line 3: /) } })
    expect(await names()).toEqual([])
  })

  it('refuses a 50 MB single-column file at its first line, naming the file, and writes nothing (exit 2)', async () => {
    const path = join(dir, 'single.csv')
    writeFileSync(path, Buffer.alloc(50 << 20, 'name\n'))
    const run = await cli('import', path, '--db', db, '--json')
    expect(run.code).toBe(2)
    expect(run.json()).toMatchObject({ ok: false, error: { code: 'import_no_header', message: expect.stringMatching(/single\.csv line 1: the first line has a single column \("name"\)/) } })
    expect(await names()).toEqual([])
  })

  it('refuses a sheet with no header row (exit 2)', async () => {
    const run = await cli('import', file('noheader.csv', 'Ada,Lovelace,ada@example.com\n'), '--db', db, '--json')
    expect(run.code).toBe(2)
    expect(run.json()).toMatchObject({ ok: false, error: { code: 'import_no_header' } })
  })
})

describe('lintel groups add, and import --create-groups', () => {
  const STAFF = 'first_name,last_name,email,group\nAda,Lovelace,ada@example.com,Staff\n'

  it('a new database has no groups: the error says so, --create-groups creates them', async () => {
    const refused = (await cli('import', file('staff.csv', STAFF), '--db', db, '--json')).json<{ rejected: { message: string }[] }>()
    expect(refused.rejected[0]?.message).toMatch(/no group called "Staff"\. This site has no groups yet\. Import with --create-groups/)
    expect((await cli('import', file('staff.csv', STAFF), '--db', db, '--create-groups', '--json')).json()).toMatchObject({ imported: 1, rejected: [] })
    expect((await cli('groups', '--db', db, '--json')).json()).toMatchObject({ groups: [{ name: 'Staff', access: [] }] })
  })

  it('adds a group by name, refuses the same name again (exit 2), and the import then finds it', async () => {
    const added = await cli('groups', 'add', 'Staff', '--db', db, '--json')
    expect(added.code).toBe(0)
    expect(added.json()).toMatchObject({ group: { name: 'Staff', access: [] } })
    const again = await cli('groups', 'add', 'staff', '--db', db, '--json')
    expect(again.code).toBe(2)
    expect(again.json()).toMatchObject({ ok: false, error: { code: 'group_exists' } })
    expect((await cli('import', file('staff.csv', STAFF), '--db', db, '--json')).json()).toMatchObject({ imported: 1, rejected: [] })
  })
})

describe('a new database\'s time zone', () => {
  const DATES = 'first_name,last_name,email,valid_from,valid_to\nAda,Lovelace,ada@example.com,2026-07-01,2026-07-31\nBob,B,bob@example.com,2026-07-01 08:30,2026-08-01T00:00:00Z\n'
  const person = async (email: string) => (await cli('people', '--db', db, '--json')).json<{ people: { email: string; valid_from?: string; valid_to?: string }[] }>().people.find((p) => p.email === email)

  it('takes --time-zone and reads every date without an offset in it (2026-07-01 in Europe/Berlin)', async () => {
    const run = await cli('import', file('dates.csv', DATES), '--db', db, '--time-zone', 'Europe/Berlin', '--json')
    expect(run.json()).toMatchObject({ imported: 2 })
    expect(run.err).not.toMatch(/time zone/)
    expect(await person('ada@example.com')).toMatchObject({ valid_from: '2026-06-30T22:00:00Z', valid_to: '2026-07-31T22:00:00Z' })
    expect(await person('bob@example.com')).toMatchObject({ valid_from: '2026-07-01T06:30:00Z', valid_to: '2026-08-01T00:00:00Z' })
    expect((await cli('site', '--db', db)).out).toMatch(/\(Europe\/Berlin\)/)
  })

  it('defaults to the machine\'s zone and says so on stderr; an unknown zone exits 2', async () => {
    const run = await cli('import', file('dates.csv', DATES), '--db', db, '--json')
    expect(run.code).toBe(0)
    expect(run.err).toMatch(/is a new database in this machine's time zone, .+; .*--time-zone/)
    const bad = await cli('import', file('dates.csv', DATES), '--db', `${db}-2`, '--time-zone', 'Mars/Olympus', '--json')
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/--time-zone Mars\/Olympus: not an IANA time zone name/)
    const sync = await cli('sync', '--api', 'http://127.0.0.1:9', '--token', 't', '--db', `${db}-3`, '--time-zone', 'Mars/Olympus', '--json')
    expect(sync.code).toBe(2)
    expect(sync.err).toMatch(/--time-zone Mars\/Olympus/)
  })

  it('asks on a terminal for a new database\'s zone, and never fails for want of one', async () => {
    const asked: string[] = []
    const terminal = (answer: string) => (json: boolean): CliIo => ({ out: () => undefined, err: (t) => void asked.push(t), json, interactive: false, ask: async (q) => (asked.push(q), answer) })
    expect(await runCli(['import', file('dates.csv', DATES), '--db', db, '--json'], terminal('Europe/Berlin'))).toBe(0)
    expect(asked[0]).toMatch(/is a new database\. Its time zone \(IANA name, e\.g\. Europe\/Berlin\) \[.+\]: $/)
    expect(await person('ada@example.com')).toMatchObject({ valid_from: '2026-06-30T22:00:00Z' })
    asked.length = 0
    expect(await runCli(['groups', 'add', 'Staff', '--db', db], terminal('Europe/Paris'))).toBe(0)
    expect(asked).toEqual([])
    expect(await runCli(['import', file('dates.csv', DATES), '--db', `${db}-2`, '--json'], terminal('Mars/Olympus'))).toBe(0)
    expect(asked.join('\n')).toMatch(/"Mars\/Olympus" is not an IANA time zone name; keeping /)
  })

  it('warns that --time-zone does not move an existing database', async () => {
    await cli('groups', 'add', 'Staff', '--db', db, '--time-zone', 'Europe/Berlin')
    const run = await cli('groups', 'add', 'Night', '--db', db, '--time-zone', 'Asia/Tokyo')
    expect(run.err).toMatch(/already has the time zone Europe\/Berlin/)
  })
})

describe('lintel export', () => {
  it('exports a valid snapshot of a new database: only the standard credential types', async () => {
    const run = await cli('export', '--db', db, '--snapshot')
    const parsed = parseSite(JSON.parse(run.out))
    expect(parsed.ok && parsed.site.credential_types.length).toBe(5)
    expect(parsed.ok && parsed.site.people.length).toBe(0)
  })

  it('exports credentials as CSV with PINs masked and each record’s sync state', async () => {
    await cli('import', file('people.csv', CSV), '--db', db)
    const out = join(dir, 'credentials.csv')
    const run = await cli('export', '--db', db, '--credentials', '--out', out, '--json')
    expect(run.json()).toMatchObject({ file: out })
    const lines = readFileSync(out, 'utf8').trim().split('\r\n')
    expect(lines.slice(1)).toEqual(['1,1,ada@example.com,PassFlow,PF-1A2B-3C4D,,,true,invited,pending', '2,1,ada@example.com,PIN,••••,PIN,,true,active,pending'])
  })

  it('needs exactly one of --snapshot, --people, --credentials (exit 2)', async () => {
    expect((await cli('export', '--db', db, '--people', '--snapshot')).code).toBe(2)
  })
})

describe('lintel sync', () => {
  it('pushes the outbox and prints { pushed, reconciled, failed, retries }', async () => {
    const server = await startDoorFlowFixture({ faults: { dropAfterCommitRate: 0.5 }, seed: 3 })
    try {
      await cli('import', file('people.csv', CSV), '--db', db)
      const run = await cli('sync', '--db', db, '--api', server.url, '--token', server.tokens.access, '--json')
      expect(run.code).toBe(0)
      const report = run.json<{ pushed: number; reconciled: number; failed: unknown[]; retries: number }>()
      expect(report.failed).toEqual([])
      expect(report.pushed + report.reconciled).toBe(3)
      expect(server.state.credentials.size).toBe(2)
      const refused = await cli('sync', '--db', db, '--api', server.url, '--token', 'wrong', '--json')
      expect(refused.code).toBe(1)
      expect(refused.json()).toMatchObject({ ok: false, error: { code: 'sync_unauthorized' } })
    } finally {
      await server.stop()
    }
  })

  it('exits 1 while an operation stays failed, also on the runs after the refusal; keeps the token in a 0600 file with a warning', async () => {
    const server = await startDoorFlowFixture()
    try {
      // Type 3 (H10301) is not among the fixture's credential types: DoorFlow answers 422.
      await cli('import', file('card.csv', 'first_name,last_name,email,credential_type,credential_value\nCy,Card,cy@example.com,3,118:25750\n'), '--db', db)
      const first = await cli('sync', '--db', db, '--api', server.url, '--token', server.tokens.access, '--json')
      expect(first.code).toBe(1)
      expect(first.json()).toMatchObject({ pushed: 1, failed: [{ entity: 'credential', op: 'create', code: 'rejected', fields: { credential_type_id: expect.any(String) } }] })
      expect(first.err).toMatch(/unencrypted .*0600/)
      expect(statSync(join(home, 'doorflow-token.json')).mode & 0o777).toBe(0o600)
      const again = await cli('sync', '--db', db, '--api', server.url, '--json')
      expect(again.code).toBe(1)
      expect(again.json<{ failed: unknown[] }>().failed).toEqual(first.json<{ failed: unknown[] }>().failed)
    } finally {
      await server.stop()
    }
  })

  it('exits 2 on an --api that is not a URL', async () => {
    expect((await cli('sync', '--db', db, '--api', 'not a url', '--token', 't')).code).toBe(2)
  })
})
