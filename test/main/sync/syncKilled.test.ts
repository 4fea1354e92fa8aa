import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importPeople } from '../../../src/main/provisioning/importPeople'
import { Store } from '../../../src/main/store/store'
import { peopleCsvChunks } from '../../fixtures/csv/peopleCsv'
import { seededRandom } from '../../fixtures/doorflow/faults'
import { startDoorFlowFixture, type DoorFlowFixture } from '../../fixtures/doorflow/server'

const lintel = join(import.meta.dirname, '..', '..', '..', 'bin', 'lintel.js')
const PEOPLE = 1_000
let dir: string
let server: DoorFlowFixture

/**
 * Runs `lintel sync` in a child process; kills it with SIGKILL once the server has taken `killAfterWrites`
 * more writes (a point in the run that does not depend on how busy the machine is), unless it ends first.
 */
function syncChild(db: string, killAfterWrites: number): Promise<{ killed: boolean; code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [lintel, 'sync', '--db', db, '--api', server.url, '--token', server.tokens.access, '--json'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, LINTEL_HOME: dir }
    })
    let out = ''
    let killed = false
    const start = server.counts.writes
    child.stdout.on('data', (data: Buffer) => void (out += data.toString()))
    const watch = setInterval(() => {
      if (server.counts.writes - start < killAfterWrites) return
      killed = child.exitCode === null && child.kill('SIGKILL')
      clearInterval(watch)
    }, 2)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearInterval(watch)
      resolve({ killed, code, out })
    })
  })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-sync-kill-'))
  server = await startDoorFlowFixture({ seed: 11, faults: { serverErrorRate: 0.05, dropAfterCommitRate: 0.05, latencyMs: 2 } })
})

afterAll(async () => {
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('a sync killed with SIGKILL at random points', () => {
  it('and restarted leaves every person and credential on the server exactly once', async () => {
    const db = join(dir, 'lintel.db')
    const store = Store.open(db, { kind: 'standard', name: 'Kill test' })
    await importPeople(store, (async function* () {
      yield* peopleCsvChunks(PEOPLE)
    })())
    store.close()
    const random = seededRandom(5)
    const openOps = (): number => {
      const check = Store.open(db, { kind: 'standard', name: 'Kill test' })
      const count = check.outbox.states().length
      check.close()
      return count
    }
    let killedMidway = 0
    for (let round = 0; round < 6; round++) {
      const run = await syncChild(db, Math.floor(50 + random() * 500))
      const open = openOps()
      if (run.killed && open > 0 && open < PEOPLE * 3) killedMidway++
    }
    const last = await syncChild(db, Infinity)
    expect(last.killed).toBe(false)
    expect(killedMidway).toBeGreaterThanOrEqual(2)
    expect(JSON.parse(last.out)).toMatchObject({ failed: [] })
    const remote = [...server.state.credentials.values()]
    expect(remote).toHaveLength(PEOPLE * 2)
    expect(new Set(remote.map((c) => `${c.credential_type_id}:${c.value}`)).size).toBe(PEOPLE * 2)
    const systemIds = [...server.state.people.values()].map((p) => p.system_id)
    expect(new Set(systemIds).size).toBe(PEOPLE)
    expect(systemIds).toHaveLength(PEOPLE)
    const after = Store.open(db, { kind: 'standard', name: 'Kill test' })
    expect(after.outbox.states()).toEqual([])
    after.close()
  }, 150_000)
})
