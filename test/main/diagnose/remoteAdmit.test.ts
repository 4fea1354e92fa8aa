/**
 * The remote test over DoorFlow's published API (admit_person, then polling the admission request),
 * wired by createServices from the saved connection, against the DoorFlow test server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../../src/main/services'
import { nodeSettingsStore } from '../../../src/main/settings/settingsStore'
import { silentLogger } from '../../../src/main/logger'
import type { Id } from '../../../src/shared/domain/site'
import { cli } from '../../helpers/cli'
import { startDoorFlowFixture, type DoorFlowFixture } from '../../fixtures/doorflow/server'

const dir = mkdtempSync(join(tmpdir(), 'lintel-remote-admit-'))
const home = join(dir, 'home')
const db = join(dir, 'lintel.db')
const previousHome = process.env.LINTEL_HOME
let server: DoorFlowFixture
let services: Services
let person: Id
let door: Id

beforeAll(async () => {
  process.env.LINTEL_HOME = home
  server = await startDoorFlowFixture()
  server.state.addChannel('Front Door')
  const csv = join(dir, 'people.csv')
  writeFileSync(csv, 'first_name,last_name,email,credential_type,credential_value\nAda,Lovelace,ada@example.com,PIN,482913\n')
  expect((await cli('import', csv, '--db', db)).code).toBe(0)
  expect((await cli('sync', '--db', db, '--api', server.url, '--token', server.tokens.access, '--json')).code).toBe(0)
  services = await createServices({ runtime: 'test', userDataDir: home, dbPath: db, settings: await nodeSettingsStore(home, silentLogger), log: silentLogger, probe: { bleAdapter: () => false, pcscd: () => false } })
  const site = services.site.snapshot()
  person = site.people[0]!.id
  door = site.doors.find((d) => d.name === 'Front Door')!.id
})

afterAll(async () => {
  await services.close()
  if (previousHome === undefined) delete process.env.LINTEL_HOME
  else process.env.LINTEL_HOME = previousHome
  expect(server.violations).toEqual([])
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
})

const remoteFinding = async (): Promise<string | undefined> => {
  const d = await services.diagnose.run({ person, door_id: door, admit: { confirmed: true } })
  return d.findings.find((f) => f.code.startsWith('remote_'))?.code
}

const logged = (): string[] => services.sync.log(20).map((l) => l.message)

describe('the remote test over DoorFlow', () => {
  it('admitted: asks admit_person for the linked channel and person, polls, and logs the attempt and outcome', async () => {
    server.state.admitOutcome = 'admitted'
    expect(await remoteFinding()).toBe('remote_admitted')
    const [request] = [...server.state.admissions.values()]
    expect(request).toMatchObject({ channel_id: server.state.channels[0]!.id, person_id: [...server.state.people.keys()][0] })
    expect(logged()).toContain(`remote test: admit person ${JSON.stringify(person)} at door ${JSON.stringify(door)}: admitted`)
    expect(logged().some((m) => m.startsWith(`remote test: asking DoorFlow to admit person ${JSON.stringify(person)}`))).toBe(true)
  })

  it('denied and offline: the controller fault findings, each logged', async () => {
    server.state.admitOutcome = 'denied'
    expect(await remoteFinding()).toBe('remote_denied')
    server.state.admitOutcome = 'offline'
    expect(await remoteFinding()).toBe('remote_offline')
    expect(logged().filter((m) => /^remote test: admit .*: (denied|offline)$/.test(m))).toHaveLength(2)
  })

  it('a controller that never answers: timeout once the wait runs out', async () => {
    server.state.admitOutcome = 'never'
    const result = await services.sync.admit(person, door, { timeoutMs: 300, pollMs: 50 })
    expect(result).toMatchObject({ outcome: 'timeout' })
    expect(result.seconds).toBeGreaterThanOrEqual(0.3)
    expect(logged()[0]).toMatch(/: timeout \(admission request \d+ was still pending\)$/)
  })

  it('an unsynced door or person: "not synced with DoorFlow yet", logged, nothing sent', async () => {
    const before = server.state.admissions.size
    const noDoor = await services.sync.admit(person, 999)
    expect(noDoor).toEqual({ outcome: 'unavailable', message: expect.stringMatching(/door 999 is not synced with DoorFlow yet/), seconds: 0 })
    const noPerson = await services.sync.admit(999, door)
    expect(noPerson.message).toMatch(/person 999 is not synced with DoorFlow yet/)
    expect(server.state.admissions.size).toBe(before)
    expect(logged()[0]).toMatch(/^remote test: admit person 999 at door .*: unavailable \(Not synced with DoorFlow yet/)
  })

  it('lintel diagnose --admit --yes --json runs it against the saved connection', async () => {
    server.state.admitOutcome = 'admitted'
    const run = await cli('diagnose', '--db', db, '--person', String(person), '--door', String(door), '--admit', '--yes', '--json')
    expect(run.code).toBe(0)
    const d = run.json<{ findings: { code: string }[] }>()
    expect(d.findings.map((f) => f.code)).toContain('remote_admitted')
  })
})

describe('a DoorFlow connection made after the services started', () => {
  it('the remote test reads the connection when it runs: "connect first" before, admitted after (not "cannot ask DoorFlow")', async () => {
    const late = join(dir, 'late')
    const lateDb = join(dir, 'late.db')
    const csv = join(dir, 'late.csv')
    writeFileSync(csv, 'first_name,last_name,email,credential_type,credential_value\nGrace,Hopper,grace@example.com,PIN,730214\n')
    expect((await cli('import', csv, '--db', lateDb)).code).toBe(0)
    const started = await createServices({ runtime: 'test', userDataDir: late, dbPath: lateDb, settings: await nodeSettingsStore(late, silentLogger), log: silentLogger, probe: { bleAdapter: () => false, pcscd: () => false } })
    try {
      expect(started.sync.connected()).toBe(false)
      expect(await started.sync.admit(started.site.snapshot().people[0]!.id, door)).toMatchObject({ outcome: 'unavailable', message: expect.stringMatching(/Connect to DoorFlow first/) })
      started.sync.saveConnection({ api: server.url, token: server.tokens.access })
      await started.sync.run({})
      server.state.admitOutcome = 'admitted'
      const site = started.site.snapshot()
      const after = await started.diagnose.run({ person: site.people.find((p) => p.email === 'grace@example.com')!.id, door_id: site.doors.find((d) => d.name === 'Front Door')!.id, admit: { confirmed: true } })
      expect(after.findings.map((f) => f.code)).toContain('remote_admitted')
      expect(after.findings.map((f) => f.code)).not.toContain('remote_unavailable')
    } finally {
      await started.close()
    }
  })
})
