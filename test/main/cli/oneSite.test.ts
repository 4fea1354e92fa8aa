import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandChannel } from '../../../src/shared/contract'
import type { Decision } from '../../../src/shared/decision'
import type { Diagnosis } from '../../../src/shared/diagnose'
import { silentLogger } from '../../../src/main/logger'
import { createServices, type Services } from '../../../src/main/services'
import { nodeSettingsStore } from '../../../src/main/settings/settingsStore'
import { databasePath } from '../../../src/main/store/database'
import { Store } from '../../../src/main/store/store'
import { cli } from '../../helpers/cli'

/** The contradiction case: a person imported into the app's database, then asked about at door 1. */
const AT = '2026-11-24T10:00:00Z' // a Tuesday, 10:00 in London: office hours
const CSV = ['first_name,last_name,email,group,credential_type,credential_value', 'Ada,Lovelace,Ada.Lovelace@example.com,Staff,PassFlow,PF-1A2B-3C4D'].join('\n')

let home: string
let services: Services
const previousHome = process.env.LINTEL_HOME
const invoke = async (capability: string, name: string, input: unknown = {}): Promise<unknown> => {
  const result = await services.dispatcher.invoke(commandChannel(capability, name), input)
  if (!result.ok) throw new Error(`${capability}.${name}: ${result.error.code} ${result.error.message}`)
  return result.value
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'lintel-one-site-'))
  process.env.LINTEL_HOME = home
  const csv = join(home, 'people.csv')
  writeFileSync(csv, CSV)
  const imported = await cli('import', csv, '--json')
  expect(imported.json()).toMatchObject({ imported: 1, rejected: [] })
  // An imported phone credential is an invitation (issue 15); the phone accepts it before it opens doors.
  const store = Store.open(databasePath(home), { kind: 'standard', name: 'unused: the database exists' })
  const invited = store.snapshot().credentials.find((c) => c.value === 'PF-1A2B-3C4D')
  expect(invited?.status).toBe('invited')
  store.credentials.save({ ...invited, status: 'active' })
  store.close()
  // The contract side: the same factory on the same data folder, so the same database.
  services = await createServices({ runtime: 'test', userDataDir: home, settings: await nodeSettingsStore(home, silentLogger), log: silentLogger, probe: { bleAdapter: () => false, pcscd: () => false } })
})

afterAll(async () => {
  await services.close()
  if (previousHome === undefined) delete process.env.LINTEL_HOME
  else process.env.LINTEL_HOME = previousHome
  rmSync(home, { recursive: true, force: true })
})

describe('one site: the contract and the CLI answer the same from the app database', () => {
  it('site summary', async () => {
    const run = await cli('site', '--json')
    expect(run.json()).toEqual(await invoke('site', 'summary'))
    expect(run.json()).toMatchObject({ source: 'database', counts: { people: 41 } })
  })

  it('decide sees the imported credential (was credential_unknown from the demo file)', async () => {
    const request = { door_id: 1, credential_type_id: 9, value: 'PF-1A2B-3C4D', at: AT }
    const run = await cli('decide', '--door', '1', '--credential', '9:PF-1A2B-3C4D', '--at', AT, '--json')
    expect(run.code).toBe(0)
    expect(run.json()).toEqual(await invoke('decision', 'decide', request))
    expect(run.json<Decision>()).toMatchObject({ granted: true, code: 'granted' })
    const byTypeName = await cli('decide', '--door', 'front entrance', '--credential', 'passflow:PF-1A2B-3C4D', '--at', AT, '--json')
    expect(byTypeName.json()).toEqual(run.json())
  })

  it('diagnose agrees with decide, by id and by name', async () => {
    const fromContract = (await invoke('diagnose', 'run', { person: 41, door_id: 1, at: AT })) as Diagnosis
    const byName = await cli('diagnose', '--person', 'ada lovelace', '--door', 'FRONT ENTRANCE', '--at', AT, '--json')
    const byEmail = await cli('diagnose', '--person', 'ADA.LOVELACE@example.com', '--door', '1', '--at', AT, '--json')
    expect(byName.json()).toEqual(fromContract)
    expect(byEmail.json()).toEqual(fromContract)
    expect(fromContract.opens).toBe(true)
    const decided = await cli('decide', '--door', 'Front Entrance', '--credential', '9:PF-1A2B-3C4D', '--at', AT, '--json')
    expect(fromContract.credentials.find((c) => c.shown_value === 'PF-1A2B-3C4D')?.decision).toEqual(decided.json())
  })

  it('export (people and credentials CSV, snapshot)', async () => {
    for (const kind of ['people', 'credentials'] as const) {
      const run = await cli('export', `--${kind}`)
      expect(run.out).toBe(((await invoke('provisioning', 'exportCsv', { kind })) as { text: string }).text)
    }
    const snapshot = await cli('export', '--snapshot')
    expect(JSON.parse(snapshot.out)).toEqual(await invoke('site', 'snapshot'))
  })

  it('doors, people and groups', async () => {
    const snapshot = (await invoke('site', 'snapshot')) as Record<string, unknown[]>
    for (const what of ['doors', 'people', 'groups']) {
      const run = await cli(what, '--json')
      expect(run.code).toBe(0)
      expect(run.json()).toEqual({ [what]: snapshot[what] })
    }
    const staff = (await cli('people', '--group', 'STAFF', '--json')).json<{ people: { group_ids: number[] }[] }>().people
    expect(staff.length).toBe(31)
    expect(staff.every((p) => p.group_ids.includes(1))).toBe(true)
    const unknownGroup = await cli('people', '--group', 'Staf')
    expect(unknownGroup.code).toBe(2)
    expect(unknownGroup.err).toContain('--group Staf: the site has no such group; closest: 1 "Staff"')
    expect((await cli('people')).out).toMatch(/41\s+Ada Lovelace\s+Ada\.Lovelace@example\.com\s+yes\s+1\s+Staff/)
  })
})

describe('--db and --site on the commands that read the site', () => {
  const snapshotFile = (): string => {
    const path = join(home, 'clash.json')
    const site = JSON.parse(JSON.stringify(services.site.snapshot())) as { doors: { id: unknown; name: string }[]; groups: { name: string }[] }
    site.doors.push({ ...site.doors[1]!, id: 'annex', name: '3' })
    site.doors.push({ ...site.doors[1]!, id: 'side-2', name: 'side door' })
    writeFileSync(path, JSON.stringify(site))
    return path
  }

  it('a new --db starts empty: the imported person is not there', async () => {
    const db = join(home, 'other.db')
    expect((await cli('people', '--db', db, '--json')).json()).toEqual({ people: [] })
    expect((await cli('decide', '--db', db, '--door', '1', '--credential', '9:PF-1A2B-3C4D', '--at', AT, '--json')).json()).toMatchObject({ code: 'door_unknown' })
  })

  it('--site reads the snapshot in memory and writes no database', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'lintel-site-only-'))
    process.env.LINTEL_HOME = elsewhere
    try {
      const run = await cli('decide', '--site', 'resources/demo-site.json', '--door', '1', '--credential', '9:PF-1A2B-3C4D', '--at', AT, '--json')
      expect(run.json()).toMatchObject({ code: 'credential_unknown' })
      expect((await cli('site', '--site', 'resources/demo-site.json', '--json')).json()).toMatchObject({ source: 'file' })
      expect(existsSync(databasePath(elsewhere))).toBe(false)
    } finally {
      process.env.LINTEL_HOME = home
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })

  it('exports from a snapshot file the same way through the contract and the CLI (sync state local)', async () => {
    const fromFile = await createServices({ runtime: 'test', userDataDir: home, settings: await nodeSettingsStore(home, silentLogger), log: silentLogger, sitePath: 'resources/demo-site.json', probe: { bleAdapter: () => false, pcscd: () => false } })
    try {
      const result = await fromFile.dispatcher.invoke(commandChannel('provisioning', 'exportCsv'), { kind: 'people' })
      const run = await cli('export', '--people', '--site', 'resources/demo-site.json')
      expect(result).toEqual({ ok: true, value: { filename: 'people.csv', text: run.out } })
      expect(run.out.split('\r\n')[1]).toMatch(/,local$/)
    } finally {
      await fromFile.close()
    }
  })

  it('refuses --site with --db (exit 2)', async () => {
    const run = await cli('doors', '--site', 'resources/demo-site.json', '--db', join(home, 'x.db'))
    expect(run.code).toBe(2)
    expect(run.err).toContain('--site and --db are alternatives')
  })

  it('an id that is another door’s name, or a name two doors share, exits 2 listing them', async () => {
    const site = snapshotFile()
    const clash = await cli('diagnose', '--site', site, '--person', '1', '--door', '3', '--json')
    expect(clash.code).toBe(2)
    expect(clash.json()).toMatchObject({ ok: false, error: { code: 'name_ambiguous' } })
    expect(clash.err).toContain('--door 3: matches 2 doors: 3 "Server Room", "annex" "3"')
    const shared = await cli('decide', '--site', site, '--door', 'Side Door', '--credential', '8:x')
    expect(shared.code).toBe(2)
    expect(shared.err).toContain('--door Side Door: matches 2 doors: 2 "Side Door", "side-2" "side door"')
  })

  it('an unknown name: decide answers door_unknown (exit 0); other commands exit 2 with the closest names', async () => {
    const decided = await cli('decide', '--door', 'Front Entrnce', '--credential', '9:PF-1A2B-3C4D', '--at', AT, '--json')
    expect(decided.code).toBe(0)
    expect(decided.json()).toMatchObject({ granted: false, code: 'door_unknown' })
    const diagnosed = await cli('diagnose', '--person', 'Ada Lovelce', '--door', '1', '--json')
    expect(diagnosed.code).toBe(2)
    expect(diagnosed.json()).toMatchObject({ ok: false, error: { code: 'name_unknown' } })
    expect(diagnosed.err).toMatch(/--person Ada Lovelce: the site has no such person; closest: 41 "Ada Lovelace"/)
    const verify = await cli('nfc', 'verify', '--door', 'Front Entrnce', '--count', '1', '--timeout', '1')
    expect(verify.code).toBe(2)
    expect(verify.err).toMatch(/closest: 1 "Front Entrance"/)
  })
})
