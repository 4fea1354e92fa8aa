import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { contract, type AppInfo, type LintelContract, type Handlers } from '../../shared/contract'
import { decide } from '../../shared/decision'
import type { Settings, SettingsPatch } from '../../shared/domain/settings'
import { EventHub } from '../contract/eventHub'
import { createDispatcher, type Dispatcher } from '../contract/dispatcher'
import type { Logger } from '../logger'
import { appRoot, demoSitePath } from '../paths'
import type { SettingsStore } from '../settings/settingsStore'
import { HardwareService, systemProbe, type HardwareProbe } from './hardwareService'
import { SiteService } from './siteService'

export interface ServiceOptions {
  runtime: AppInfo['runtime']
  userDataDir: string
  settings: SettingsStore
  log: Logger
  /** A snapshot file to open instead of the embedded demo site. */
  sitePath?: string
  probe?: HardwareProbe
}

/** Everything main offers, wired once; the Electron shell, the browser host, the CLI and tests all start here. */
export interface Services {
  readonly hub: EventHub<LintelContract>
  readonly site: SiteService
  readonly hardware: HardwareService
  readonly dispatcher: Dispatcher
  settings(): Settings
  updateSettings(patch: SettingsPatch): Settings
  info(): AppInfo
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  const { log, settings: store } = options
  const hub = new EventHub(contract, log)
  const site = await SiteService.open(options.sitePath ?? demoSitePath(), options.sitePath ? 'file' : 'demo')
  const hardware = new HardwareService(site, options.probe ?? systemProbe)
  const version = packageVersion()
  const services: Omit<Services, 'dispatcher'> = {
    hub,
    site,
    hardware,
    settings: () => store.read(),
    updateSettings(patch) {
      const next = { ...store.read(), ...patch }
      store.write(next)
      const saved = store.read()
      hub.emit('app', 'settingsChanged', saved)
      return saved
    },
    info: () => ({
      name: 'Lintel',
      version,
      runtime: options.runtime,
      platform: `${process.platform}-${process.arch}`,
      userDataDir: options.userDataDir,
      simulated: hardware.simulated()
    })
  }
  return { ...services, dispatcher: createDispatcher(contract, handlersFor(services), log) }
}

/** The contract's handlers, each a thin call into a service. */
export function handlersFor(s: Omit<Services, 'dispatcher'>): Handlers<LintelContract> {
  return {
    app: {
      info: () => s.info(),
      getSettings: () => s.settings(),
      updateSettings: (patch) => s.updateSettings(patch)
    },
    site: {
      summary: () => s.site.summary(),
      snapshot: () => s.site.snapshot()
    },
    decision: {
      decide: (request) => decide(s.site.compiledSite(), request)
    },
    ble: {
      status: () => s.hardware.bleStatus(),
      readers: () => s.hardware.bleReaders()
    },
    nfc: {
      status: () => s.hardware.nfcStatus()
    },
    provisioning: {},
    sync: {},
    diagnose: {}
  }
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
}
