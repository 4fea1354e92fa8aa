import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../../../src/main/logger'
import { importPeople } from '../../../src/main/provisioning/importPeople'
import { Store } from '../../../src/main/store/store'
import { syncOutbox, type SyncOptions } from '../../../src/main/sync/syncOutbox'
import { peopleCsvChunks } from '../../fixtures/csv/peopleCsv'
import { startDoorFlowFixture, type DoorFlowFixture, type DoorFlowFixtureOptions } from '../../fixtures/doorflow/server'

export const FAST = { baseMs: 1, maxMs: 20, attempts: 4 }

/** A temporary database and DoorFlow test server per test; `close()` checks the client sent only requests the OpenAPI accepts. */
export class SyncHarness {
  readonly dir = mkdtempSync(join(tmpdir(), 'lintel-sync-'))
  readonly store = Store.open(join(this.dir, 'lintel.db'), { kind: 'standard', name: 'Sync test', timezone: 'Europe/London' })
  server: DoorFlowFixture | undefined

  async serve(options: DoorFlowFixtureOptions = {}): Promise<DoorFlowFixture> {
    this.server = await startDoorFlowFixture(options)
    return this.server
  }

  async load(people: number, from = 0): Promise<void> {
    await importPeople(this.store, (async function* () {
      yield* peopleCsvChunks(people, { from })
    })())
  }

  sync(options: Partial<SyncOptions> = {}) {
    const server = this.server as DoorFlowFixture
    return syncOutbox(this.store, { baseUrl: server.url, tokens: { access_token: server.tokens.access }, backoff: FAST, log: silentLogger, ...options })
  }

  /** The sync log's messages, oldest first. */
  log(): string[] {
    return this.store.syncState.recentLog(1000).reverse().map((l) => `${l.level}: ${l.message}`)
  }

  async close(): Promise<string[]> {
    const violations = [...(this.server?.violations ?? [])]
    await this.server?.stop()
    this.store.close()
    rmSync(this.dir, { recursive: true, force: true })
    return violations
  }
}
