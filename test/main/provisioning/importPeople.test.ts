import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importPeople, type ImportOptions } from '../../../src/main/provisioning/importPeople'
import { Store } from '../../../src/main/store/store'
import { demoSite } from '../../helpers/demoSite'

let dir: string
let store: Store

async function* once(text: string): AsyncGenerator<string> {
  yield text
}
const run = (text: string, options: ImportOptions = {}) => importPeople(store, once(text), options)
const count = (what: 'people' | 'credentials' | 'outbox'): number => (what === 'outbox' ? store.outbox.states().length : store[what].count())

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-import-'))
  store = Store.open(join(dir, 'lintel.db'), { kind: 'site', site: demoSite() })
})

afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const CSV = [
  '\uFEFFfirst_name,last_name,email,group,credential_type,credential_value,pin,device_label',
  'Ada,Lovelace,ada@example.com,Staff;IT,passflow,PF-1A2B-3C4D,583920,"Pixel 9, work"',
  'Bad,Row,not-an-email,Staff,,,,',
  '"Grace","Hopper, RDML",grace@example.com,Astronauts,,,,',
  'Ben,Whitaker-Jones,BEN.WHITAKER@example.com,,8,HID-0099-ABCDEF,,',
  '"Multi',
  'line",Name,multi@example.com,,,,1234,',
  'Carl,Clash,carl@example.com,,8,HID-0001-C28595,,'
].join('\r\n')

describe('importPeople', () => {
  it('imports good rows, updates people matched by email, and reports bad rows by line and header', async () => {
    const report = await run(CSV)
    expect(report).toMatchObject({ rows: 6, imported: 1, updated: 1 })
    expect(report.rejected).toEqual([
      { row: 3, column: 'email', message: '"not-an-email" is not an email address.' },
      { row: 4, column: 'group', message: expect.stringMatching(/^There is no group called "Astronauts"\. The groups are: Staff, .*--create-groups/) },
      { row: 6, column: 'pin', message: expect.stringMatching(/easy to guess/) },
      { row: 8, column: 'credential_value', message: 'This value is already in use by another person.' }
    ])
    const site = store.snapshot()
    expect(site.people).toHaveLength(41)
    expect(site.people.find((p) => p.id === 2)).toMatchObject({ last_name: 'Whitaker-Jones', email: 'BEN.WHITAKER@example.com', group_ids: [1] })
    const ada = site.people.find((p) => p.email === 'ada@example.com')
    expect(ada?.group_ids).toEqual([1, 3])
    expect(site.credentials.filter((c) => c.person_id === ada?.id).map((c) => [c.credential_type_id, c.value, c.label, c.status])).toEqual([
      [9, 'PF-1A2B-3C4D', 'Pixel 9, work', 'invited'],
      [6, '583920', 'PIN', 'active']
    ])
  })

  it('queues every new record for the server in the same transaction', async () => {
    await run(CSV)
    expect(store.outbox.states().map((r) => `${r.entity}:${r.entity_id}:${r.op}`)).toEqual(['person:2:update', 'person:41:create', 'credential:193:create', 'credential:194:create', 'credential:195:create'])
    expect(store.outbox.counts()).toEqual({ pending: 5, sending: 0, unknown: 0, failed: 0 })
  })

  it('leaves nothing of a new person whose second credential clashes', async () => {
    const report = await run('first_name,last_name,email,credential_type,credential_value,pin\nDora,Clash,dora@example.com,8,HID-0098-ABCDEF,159406\nEve,Fine,eve@example.com,8,HID-0097-ABCDEF,583921\n')
    expect(report).toMatchObject({ imported: 1, rejected: [{ row: 2, column: 'pin', message: 'This value is already in use by another person.' }] })
    const site = store.snapshot()
    expect(site.people.map((p) => p.email)).not.toContain('dora@example.com')
    expect(site.credentials.map((c) => c.value)).not.toContain('HID-0098-ABCDEF')
    expect(site.people.find((p) => p.email === 'eve@example.com')?.id).toBe(41)
    expect(site.credentials.filter((c) => c.person_id === 41).map((c) => c.id)).toEqual([193, 194])
  })

  it('updates the person an earlier row of the same file created when a row repeats the email in another case', async () => {
    const report = await run('first_name,last_name,email,credential_type,credential_value\nIda,One,ida@example.com,8,HID-0096-ABCDEF\nIda,Two,IDA@Example.com,8,HID-0095-ABCDEF\n')
    expect(report).toMatchObject({ imported: 1, updated: 1, rejected: [] })
    const ida = store.snapshot().people.filter((p) => p.email.toLowerCase() === 'ida@example.com')
    expect(ida).toEqual([expect.objectContaining({ id: 41, last_name: 'Two' })])
    expect(store.snapshot().credentials.filter((c) => c.person_id === 41).map((c) => c.value)).toEqual(['HID-0096-ABCDEF', 'HID-0095-ABCDEF'])
  })

  it('names the row of the file that already holds a repeated value, also after a rejected row gave its ids back', async () => {
    const text = [
      'first_name,last_name,email,credential_type,credential_value,pin',
      'Ann,A,ann@example.com,8,HID-0094-ABCDEF,583931',
      'Bob,B,bob@example.com,8,HID-0001-C28595,583932',
      'Cy,C,cy@example.com,8,HID-0093-ABCDEF,583933',
      'Di,D,di@example.com,8,HID-0092-ABCDEF,583933',
      'Ed,E,ed@example.com,8,HID-0094-ABCDEF,583935'
    ].join('\n')
    const report = await run(text)
    expect(report).toMatchObject({ imported: 2 })
    expect(report.rejected).toEqual([
      { row: 3, column: 'credential_value', message: 'This value is already in use by another person.' },
      { row: 5, column: 'pin', message: 'This value is already in use: same value as row 4.' },
      { row: 6, column: 'credential_value', message: 'This value is already in use: same value as row 2.' }
    ])
    expect(store.snapshot().people.filter((p) => Number(p.id) > 40).map((p) => [p.id, p.email])).toEqual([[41, 'ann@example.com'], [42, 'cy@example.com']])
  })

  it('imports a weak PIN when allowed', async () => {
    expect((await run(CSV, { allowWeakPins: true })).rejected.map((e) => e.row)).toEqual([3, 4, 8])
  })

  it('never duplicates a person imported twice', async () => {
    await run(CSV)
    const again = await run(CSV)
    expect(again).toMatchObject({ imported: 0, updated: 2 })
    expect(count('people')).toBe(41)
    expect(count('credentials')).toBe(92 + 3)
  })

  it('creates a value-less mobile row as an invitation (no invented value), once however often it is imported', async () => {
    const csv = 'first_name,last_name,email,group,credential_type,credential_value,pin,device_label\nIda,Invite,ida@example.com,Staff,passflow,,,iPhone 16'
    expect(await run(csv)).toMatchObject({ imported: 1 })
    const person = store.people.idByEmail('ida@example.com')!
    const invitations = () => store.snapshot().credentials.filter((c) => String(c.person_id) === person)
    expect(invitations()).toEqual([expect.objectContaining({ credential_type_id: 9, status: 'invited', device: 'iPhone 16' })])
    expect(invitations()[0]).not.toHaveProperty('value')
    expect(await run(csv)).toMatchObject({ imported: 0, updated: 1 })
    expect(invitations()).toHaveLength(1)
  })

  it('writes nothing on a dry run but reports the same counts', async () => {
    const preview = await run(CSV, { dryRun: true, sampleRows: 5 })
    expect(preview).toMatchObject({ rows: 6, imported: 1, updated: 1, dryRun: true })
    expect(preview.sample.map((s) => s.line)).toEqual([2, 5])
    expect(count('people')).toBe(40)
    expect(count('outbox')).toBe(0)
  })

  it('uses a chosen header mapping and refuses one without the required columns', async () => {
    const text = 'Given,Family,Mail\nZoë,Ødegaard,zoe@example.com\n'
    expect(await run(text, { mapping: { first_name: 'Given', last_name: 'Family', email: 'Mail' } })).toMatchObject({ imported: 1 })
    await expect(run(text)).rejects.toMatchObject({ code: 'import_mapping', message: expect.stringMatching(/^line 1: first_name is required/) })
  })

  it('refuses a file whose quote is never closed, writing nothing', async () => {
    await expect(run('first_name,last_name,email,credential_type,credential_value\nA,B,a@example.com,8,HID-0091-ABCDEF\n"open,x,y\n')).rejects.toMatchObject({ code: 'import_syntax' })
    expect(count('people')).toBe(40)
    expect(count('credentials')).toBe(92)
    expect(store.outbox.counts()).toEqual({ pending: 0, sending: 0, unknown: 0, failed: 0 })
  })
})

describe('importPeople: dialects and bad files', () => {
  it('sniffs a semicolon file and reports the delimiter', async () => {
    const report = await run('first_name;last_name;email\nAda;Lovelace, Countess;ada@example.com\n')
    expect(report).toMatchObject({ imported: 1, dialect: { delimiter: ';', encoding: 'utf-8' } })
    expect(store.snapshot().people.find((p) => p.email === 'ada@example.com')?.last_name).toBe('Lovelace, Countess')
  })

  it('refuses a first line with a single column, naming the file, and writes nothing', async () => {
    await expect(importPeople(store, once('first_name last_name email\nAda Lovelace a@b.c\n'), { source: 'people.csv' })).rejects.toMatchObject({ code: 'import_no_header', message: expect.stringMatching(/^people\.csv line 1: the first line has a single column/) })
    expect(count('people')).toBe(40)
  })

  it('refuses a file whose first line is data, not a header', async () => {
    await expect(run('Ada,Lovelace,ada@example.com\nBob,B,bob@example.com\n')).rejects.toMatchObject({ code: 'import_no_header', message: expect.stringMatching(/"ada@example\.com" looks like data/) })
    expect(count('people')).toBe(40)
  })

  it('refuses a 50 MB file with no line breaks without holding it all, and writes nothing', async () => {
    async function* huge(): AsyncGenerator<string> {
      yield 'first_name,last_name,email\n'
      for (let i = 0; i < 50; i++) yield 'x'.repeat(1 << 20)
    }
    await expect(importPeople(store, huge(), { source: 'big.csv' })).rejects.toMatchObject({ code: 'import_syntax', message: expect.stringMatching(/^big\.csv line 2: a record is longer than 1024 KB/) })
    expect(count('people')).toBe(40)
  })
})

describe('importPeople: groups', () => {
  const TEXT = 'first_name,last_name,email,group\nAda,Lovelace,ada@example.com,Night shift;Staff\nBob,B,bob@example.com,night SHIFT\n'

  it('without createGroups rejects rows naming a missing group and lists the groups that exist', async () => {
    const report = await run(TEXT)
    expect(report.newGroups).toEqual(['Night shift'])
    expect(report.rejected.map((e) => e.row)).toEqual([2, 3])
    expect(report.rejected[0]?.message).toMatch(/There is no group called "Night shift"\. The groups are: Staff, /)
  })

  it('with createGroups creates each missing group once (ignoring case) and puts the people in it', async () => {
    const report = await run(TEXT, { createGroups: true })
    expect(report).toMatchObject({ imported: 2, rejected: [], newGroups: ['Night shift'] })
    const site = store.snapshot()
    const night = site.groups.filter((g) => g.name.toLowerCase() === 'night shift')
    expect(night).toHaveLength(1)
    expect(site.people.find((p) => p.email === 'bob@example.com')?.group_ids).toEqual([night[0]?.id])
  })

  it('creates nothing on a preview with createGroups', async () => {
    const groups = store.snapshot().groups.length
    expect(await run(TEXT, { createGroups: true, dryRun: true })).toMatchObject({ imported: 2 })
    expect(store.snapshot().groups).toHaveLength(groups)
  })
})

describe('an import killed mid-commit', () => {
  const child = join(import.meta.dirname, '..', '..', 'fixtures', 'csv', 'importChild.ts')
  const ROWS = 20_000

  function killDuringImport(path: string, afterReports: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, path, String(ROWS)], { stdio: ['ignore', 'pipe', 'inherit'] })
      let reports = 0
      let out = ''
      proc.stdout.on('data', (data: Buffer) => {
        out += data.toString()
        reports = (out.match(/^progress [1-9]/gm) ?? []).length
        if (reports >= afterReports && proc.exitCode === null) proc.kill('SIGKILL')
      })
      proc.on('error', reject)
      proc.on('exit', () => resolve(out))
    })
  }

  it.each([1, 4])('leaves the database wholly before after a SIGKILL at progress report %i, and a rerun completes it', async (reports) => {
    const path = join(dir, `crash-${reports}.db`)
    const out = await killDuringImport(path, reports)
    expect(out).not.toMatch(/^done/m)
    const crashed = Store.open(path, { kind: 'standard', name: 'x' })
    expect(crashed.integrity()).toBe('ok')
    expect(crashed.people.count()).toBe(0)
    expect(crashed.outbox.states().length).toBe(0)
    crashed.close()
    expect(await killDuringImport(path, Number.POSITIVE_INFINITY)).toMatch(/^done 20000$/m)
    const done = Store.open(path, { kind: 'standard', name: 'x' })
    expect(done.people.count()).toBe(ROWS)
    done.close()
  })
})
