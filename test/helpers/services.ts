import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../../src/main/logger'
import { createServices, type ServiceOptions, type Services } from '../../src/main/services'
import { nodeSettingsStore } from '../../src/main/settings/settingsStore'

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
