import { z } from 'zod'

/** Whether a radio is the real thing or the embedded simulation, and why. */
export const RadioModeSchema = z.enum(['real', 'simulated'])

export const BleStatusSchema = z.object({
  mode: RadioModeSchema,
  /** noble's adapter state vocabulary plus 'simulated'. */
  state: z.enum(['simulated', 'unknown', 'resetting', 'unsupported', 'unauthorized', 'poweredOff', 'poweredOn']),
  adapter: z.string(),
  /** What the user can do about the state, in one sentence. */
  advice: z.string()
})
export type BleStatus = z.infer<typeof BleStatusSchema>

export const BleReaderSchema = z.object({
  id: z.string(),
  doorId: z.union([z.number(), z.string()]).nullable(),
  name: z.string(),
  address: z.string(),
  technology: z.string(),
  txPowerDbm: z.number(),
  advIntervalMs: z.number(),
  simulated: z.boolean()
})
export type BleReader = z.infer<typeof BleReaderSchema>

export const NfcReaderSchema = z.object({ name: z.string(), simulated: z.boolean(), cardPresent: z.boolean() })
export type NfcReader = z.infer<typeof NfcReaderSchema>

/**
 * Where the NFC reading stands: not started, starting the PC/SC child, ready, restarting it after a
 * failure, waiting for pcscd, or unavailable (nfc-pcsc could not load).
 */
export const NfcStateSchema = z.enum(['idle', 'starting', 'ready', 'restarting', 'pcscd_down', 'unavailable'])
export type NfcState = z.infer<typeof NfcStateSchema>

export const NfcStatusSchema = z.object({
  mode: RadioModeSchema,
  pcscd: z.enum(['running', 'absent']),
  state: NfcStateSchema,
  readers: z.array(NfcReaderSchema),
  /** The door taps are decided at, when reading. */
  doorId: z.union([z.number(), z.string()]).nullable(),
  advice: z.string()
})
export type NfcStatus = z.infer<typeof NfcStatusSchema>
