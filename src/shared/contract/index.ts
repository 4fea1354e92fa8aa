import { z } from 'zod'
import { SiteSchema } from '../domain/site'
import { DecisionRequestSchema, DecisionSchema } from '../decision'
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings'
import { BleReaderSchema, BleStatusSchema, NfcStatusSchema } from '../domain/hardware'
import { command, type ClientApi, type ContractSpec } from './define'

export * from './define'
export * from './result'

const none = z.object({}).strict()

export const RuntimeSchema = z.enum(['electron', 'browser-host', 'cli', 'test'])

export const AppInfoSchema = z.object({
  name: z.literal('Lintel'),
  version: z.string(),
  runtime: RuntimeSchema,
  platform: z.string(),
  userDataDir: z.string(),
  simulated: z.object({ ble: z.boolean(), nfc: z.boolean() })
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const SiteSummarySchema = z.object({
  name: z.string(),
  source: z.enum(['demo', 'file', 'database']),
  timezone: z.string(),
  revision: z.number().int().nonnegative(),
  counts: z.object({
    doors: z.number().int(),
    people: z.number().int(),
    credentials: z.number().int(),
    groups: z.number().int(),
    schedules: z.number().int()
  })
})
export type SiteSummary = z.infer<typeof SiteSummarySchema>

/**
 * The one contract between the renderer and main, grouped by capability.
 * Channel names, the preload API, the WebSocket transport and main's handlers all derive from it.
 */
export const contract = {
  app: {
    commands: {
      info: command('What is running, where its data lives, and which radios are simulated', none, AppInfoSchema),
      getSettings: command('The current settings', none, SettingsSchema),
      updateSettings: command('Change some settings; returns all of them', SettingsPatchSchema, SettingsSchema)
    },
    events: {
      settingsChanged: SettingsSchema
    }
  },
  site: {
    commands: {
      summary: command('The open site: name, time zone and counts', none, SiteSummarySchema),
      snapshot: command('The whole open site in the snapshot format', none, SiteSchema)
    },
    events: {
      changed: SiteSummarySchema
    }
  },
  decision: {
    commands: {
      decide: command('Decide one request at a door and time, with every check', DecisionRequestSchema, DecisionSchema)
    },
    events: {}
  },
  ble: {
    commands: {
      status: command('The BLE radio: real or simulated, and its state', none, BleStatusSchema),
      readers: command('Door readers known to the survey', none, z.array(BleReaderSchema))
    },
    events: {
      status: BleStatusSchema
    }
  },
  nfc: {
    commands: {
      status: command('PC/SC readers and whether they are simulated', none, NfcStatusSchema)
    },
    events: {
      status: NfcStatusSchema
    }
  },
  provisioning: { commands: {}, events: {} },
  sync: { commands: {}, events: {} },
  diagnose: { commands: {}, events: {} }
} as const satisfies ContractSpec

export type LintelContract = typeof contract
/** The API the renderer sees as `window.lintel`, whatever the transport. */
export type LintelApi = ClientApi<LintelContract>
