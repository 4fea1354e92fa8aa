import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandChannel } from '../../../src/shared/contract'
import { silentLogger } from '../../../src/main/logger'
import { openNodeServices } from '../../../src/main/services/node'
import { cli } from '../../helpers/cli'
import { startDoorFlowFixture } from '../../fixtures/doorflow/server'

const NO_RADIOS = { bleAdapter: () => false, pcscd: () => false }
let home: string
const previousHome = process.env.LINTEL_HOME
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'lintel-one-path-'))
  process.env.LINTEL_HOME = home
})
afterAll(() => {
  if (previousHome === undefined) delete process.env.LINTEL_HOME
  else process.env.LINTEL_HOME = previousHome
  rmSync(home, { recursive: true, force: true })
})

describe('one path: the CLI runs the app’s services', () => {
  it('a CLI sync goes through the sync service: the app sees its connection and the record of the run', async () => {
    const server = await startDoorFlowFixture()
    const db = join(home, 'sync.db')
    const csv = join(home, 'people.csv')
    writeFileSync(csv, 'first_name,last_name,email,credential_type,credential_value\nAda,Lovelace,ada@example.com,PassFlow,PF-1A2B-3C4D\n')
    try {
      await cli('import', csv, '--db', db)
      const run = await cli('sync', '--db', db, '--api', server.url, '--token', server.tokens.access, '--json')
      expect(run.code).toBe(0)
      const services = await openNodeServices({ dbPath: db, runtime: 'test', log: silentLogger, extra: { probe: NO_RADIOS } })
      try {
        const status = await services.dispatcher.invoke(commandChannel('sync', 'status'), {})
        expect(status).toMatchObject({ ok: true, value: { api: server.url, hasToken: true, lastRun: { report: run.json() } } })
      } finally {
        await services.close()
      }
    } finally {
      await server.stop()
    }
  })

  it('the browser host and the CLI open the same factory on the same database', async () => {
    const services = await openNodeServices({ runtime: 'browser-host', log: silentLogger, extra: { probe: NO_RADIOS } })
    try {
      const summary = await services.dispatcher.invoke(commandChannel('site', 'summary'), {})
      expect(summary).toEqual({ ok: true, value: (await cli('site', '--json')).json() })
      expect(services.info().runtime).toBe('browser-host')
    } finally {
      await services.close()
    }
  })

  it('a command that reads the site fails (exit 2) when the app database cannot be opened, rather than answer from the demo file', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'lintel-broken-'))
    mkdirSync(join(broken, 'lintel.db')) // a folder where the database file should be
    process.env.LINTEL_HOME = broken
    try {
      const doors = await cli('doors', '--json')
      expect(doors.code).toBe(2)
      expect(doors.json()).toMatchObject({ ok: false, error: { code: 'db_unreadable' } })
      expect((await cli('decide', '--door', '1', '--credential', '8:HID-0001-C28595')).code).toBe(2)
      expect((await cli('info', '--json')).code).toBe(0)
    } finally {
      process.env.LINTEL_HOME = home
      rmSync(broken, { recursive: true, force: true })
    }
  })
})
