import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../../src/main/logger'
import { createServices, type ServiceOptions, type Services } from '../../src/main/services'
import { nodeSettingsStore } from '../../src/main/settings/settingsStore'
import { contract, createClient, type LintelApi, type Result } from '../../src/shared/contract'

export interface TestServices {
  services: Services
  dir: string
  dispose(): void
}

/** Real services on the demo site, with settings in a fresh temporary folder and no real radios. */
export async function openTestServices(options: Pick<ServiceOptions, 'sitePath' | 'events'> = {}): Promise<TestServices> {
  const dir = mkdtempSync(join(tmpdir(), 'lintel-test-'))
  const services = await createServices({
    runtime: 'test',
    userDataDir: dir,
    settings: await nodeSettingsStore(dir, silentLogger),
    log: silentLogger,
    probe: { bleAdapter: () => false, pcscd: () => false },
    ...options
  })
  return { services, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The renderer's client over the contract, talking to `t`'s services in-process (no IPC). */
export function contractClient(t: TestServices): LintelApi {
  return createClient(contract, { invoke: (c, i) => t.services.dispatcher.invoke(c, i), subscribe: (c, l) => t.services.hub.subscribe(c, l) })
}

/** A result's value; a failure throws with main's code and message, so the test says what went wrong. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}
