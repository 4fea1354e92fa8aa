import { vi } from 'vitest'
import { applyPlatformRules, platformRulesOf, type PlatformRules, type PlatformRulesPatch } from '../../src/shared/domain/platformRules'
import { ok, type AppInfo, type LintelApi, type Result, type SiteSummary, type Unsubscribe } from '../../src/shared/contract'
import { compileSite, decide, type Decision, type DecisionRequest } from '../../src/shared/decision'
import type { BleReader } from '../../src/shared/domain/hardware'
import type { z } from 'zod'
import { SettingsSchema, defaultSettings, type Settings, type SettingsPatchSchema } from '../../src/shared/domain/settings'
import { parseSite, type Site } from '../../src/shared/domain/site'
import demoJson from '../../resources/demo-site.json'
import { createFakeNfc } from './fakeNfc'
import { createFakeBle } from './fakeBle'
import { createFakeProvisioning, type FakeDoorFlow, type SiteHolder } from './fakeProvisioning'
import { createFakeDiagnose } from './fakeDiagnose'

/** The real demo site, validated by the real schema. */
export function demoSite(): Site {
  const parsed = parseSite(demoJson)
  if (!parsed.ok) throw new Error(`demo-site.json is invalid at ${parsed.path}: ${parsed.message}`)
  return parsed.site
}

export interface FakeOptions {
  site?: Site
  settings?: Settings
  simulated?: { ble: boolean; nfc: boolean }
  updateSettings?: (patch: PatchInput) => Promise<Result<Settings>>
  /** The fake DoorFlow account's flags and credential types. */
  doorflow?: FakeDoorFlow
}

type Listener = (payload: unknown) => void
type PatchInput = z.input<typeof SettingsPatchSchema>

/** A LintelApi made of plain functions over the demo site, with an `emit` for events. */
export function createFakeApi(options: FakeOptions = {}) {
  const site = options.site ?? demoSite()
  const compiled = compileSite(site)
  let settings = options.settings ?? defaultSettings()
  const listeners = new Map<string, Set<Listener>>()
  const on =
    <T>(channel: string) =>
    (listener: (payload: T) => void): Unsubscribe => {
      const set = listeners.get(channel) ?? new Set<Listener>()
      listeners.set(channel, set)
      set.add(listener as Listener)
      return () => set.delete(listener as Listener)
    }
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener(payload)
  }
  const updateSettings = vi.fn(
    options.updateSettings ??
      (async (patch: PatchInput): Promise<Result<Settings>> => {
        settings = SettingsSchema.parse({ ...settings, ...patch })
        return ok(settings)
      })
  )
  const decideInMain = vi.fn(async (request: DecisionRequest): Promise<Result<Decision>> => ok(decide(compiled, request)))
  const nfc = createFakeNfc(site, compiled, emit, on)
  const ble = createFakeBle(readersOf(site), emit, on)
  const holder: SiteHolder = {
    site,
    revision: 1,
    changed() {
      holder.revision += 1
      emit('site.changed', summaryOf(holder.site, holder.revision))
    }
  }
  const setPlatformRules = vi.fn(async (patch: PlatformRulesPatch): Promise<Result<PlatformRules>> => {
    holder.site = { ...holder.site, site: applyPlatformRules(holder.site.site, patch) }
    holder.changed()
    return ok(platformRulesOf(holder.site.site))
  })
  const provisioning = createFakeProvisioning(holder, emit, on, options.doorflow)
  const diagnose = createFakeDiagnose(holder)
  const api: LintelApi = {
    app: {
      info: async () => ok(appInfo(options.simulated ?? { ble: true, nfc: true })),
      getSettings: async () => ok(settings),
      updateSettings,
      on: { settingsChanged: on<Settings>('app.settingsChanged') }
    },
    site: {
      summary: async () => ok(summaryOf(holder.site, holder.revision)),
      snapshot: async () => ok(holder.site),
      platformRules: async () => ok(platformRulesOf(holder.site.site)),
      setPlatformRules,
      on: { changed: on<SiteSummary>('site.changed') }
    },
    decision: { decide: decideInMain, on: {} },
    ble: ble.api,
    nfc: nfc.api,
    provisioning: provisioning.provisioning,
    sync: provisioning.sync,
    diagnose: diagnose.api
  }
  return { api, site, holder, emit, doorflow: provisioning.doorflow, nfc, ble, diagnose, updateSettings, setPlatformRules, decideInMain, listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0 }
}

export type FakeApi = ReturnType<typeof createFakeApi>

function appInfo(simulated: { ble: boolean; nfc: boolean }): AppInfo {
  return { name: 'Lintel', version: '0.1.0', runtime: 'test', platform: 'linux', userDataDir: '/tmp/lintel-test', simulated }
}

export function summaryOf(site: Site, revision = 1): SiteSummary {
  return {
    name: site.site.name ?? 'Demo',
    source: 'demo',
    timezone: site.site.timezone,
    revision,
    counts: {
      doors: site.doors.length,
      people: site.people.length,
      credentials: site.credentials.length,
      groups: site.groups.length,
      schedules: site.schedules.length
    }
  }
}

function readersOf(site: Site): BleReader[] {
  return site.doors.slice(0, 3).map((door, i) => ({
    id: `sim-${String(door.id)}`,
    doorId: door.id,
    name: `Reader · ${door.name}`,
    address: `C0:00:00:00:4C:7${i}`,
    technology: 'HID Mobile Access, PassFlow',
    txPowerDbm: -8,
    advIntervalMs: 152.5,
    simulated: true
  }))
}
