import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'
import { startDoorFlowFixture, type DoorFlowFixture } from '../../fixtures/doorflow/server'

const dir = mkdtempSync(join(tmpdir(), 'lintel-sync-cli-'))
const home = join(dir, 'home')
const previousHome = process.env.LINTEL_HOME
let server: DoorFlowFixture

beforeAll(async () => {
  process.env.LINTEL_HOME = home
  server = await startDoorFlowFixture({ faults: { expireTokenEvery: 4 } })
})

afterAll(async () => {
  if (previousHome === undefined) delete process.env.LINTEL_HOME
  else process.env.LINTEL_HOME = previousHome
  expect(server.violations).toEqual([])
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('lintel sync with DoorFlow OAuth and revoke', () => {
  it('saves --client-id with the tokens and sends it on refresh; --revoke deletes a credential on DoorFlow', async () => {
    const db = join(dir, 'lintel.db')
    const csv = join(dir, 'people.csv')
    await import('node:fs').then((fs) => fs.writeFileSync(csv, 'first_name,last_name,email,credential_type,credential_value\nAda,Lovelace,ada@example.com,PassFlow,PF-1A2B-3C4D\n'))
    expect((await cli('import', csv, '--db', db)).code).toBe(0)
    const run = await cli('sync', '--db', db, '--api', server.url, '--token', server.tokens.access, '--refresh-token', 'refresh-0', '--client-id', 'lintel-test', '--json')
    expect(run.json()).toMatchObject({ failed: [], pulled: { credential_types: 3, groups: 2 } })
    expect(server.counts.refreshes).toBeGreaterThan(0)
    expect(server.refreshForms.every((f) => f.client_id === 'lintel-test')).toBe(true)
    const saved = JSON.parse(readFileSync(join(home, 'doorflow-token.json'), 'utf8')) as Record<string, string>
    expect(saved).toMatchObject({ client_id: 'lintel-test', refresh_token: server.tokens.refresh, expires_at: expect.any(String) })
    // The next run uses the saved tokens, client id included.
    expect((await cli('sync', '--db', db, '--api', server.url, '--json')).code).toBe(0)
    const revoked = await cli('sync', '--db', db, '--api', server.url, '--revoke', '1', '--json')
    expect(revoked.json()).toEqual({ credential: '1', status: 'revoked' })
    expect(server.state.credentials.size).toBe(0)
  })
})
