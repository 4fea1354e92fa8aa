import { z } from 'zod'

/** Which BLE radio the survey uses: the OS default adapter, or an HCI UART dongle. */
export const BleAdapterSettingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }),
  z.object({
    kind: z.literal('uart'),
    port: z.string().min(1, 'name the serial port, e.g. /dev/ttyACM0'),
    baudRate: z.number().int().positive().default(1_000_000)
  })
])

const hexAid = z
  .string()
  .regex(/^(?:[0-9A-F]{2}){5,16}$/, 'an AID is 5 to 16 bytes of uppercase hex without separators')

/** Everything the user can change in Settings, with the defaults a new install starts from. */
export const SettingsSchema = z.object({
  /** RSSI at or above which a reader is expected to unlock, in dBm. */
  unlockThresholdDbm: z.number().int().min(-110).max(-20).default(-70),
  bleAdapter: BleAdapterSettingSchema.default({ kind: 'default' }),
  /** AIDs selected on HCE phones in addition to the built-in list. */
  customAids: z.array(z.object({ label: z.string().min(1).max(60), aid: hexAid })).max(32).default([]),
  nfcTimeoutSeconds: z.number().min(1).max(120).default(10),
  /** Door preselected on the Verify and What-if pages. */
  defaultDoorId: z.union([z.number(), z.string()]).nullable().default(null),
  theme: z.enum(['system', 'light', 'dark']).default('system')
})
export type Settings = z.infer<typeof SettingsSchema>

/** A partial update; unknown keys are rejected so a typo never silently does nothing. */
export const SettingsPatchSchema = SettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export const defaultSettings = (): Settings => SettingsSchema.parse({})
