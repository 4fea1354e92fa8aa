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
export const NfcStatusSchema = z.object({
  mode: RadioModeSchema,
  pcscd: z.enum(['running', 'absent']),
  readers: z.array(NfcReaderSchema),
  advice: z.string()
})
export type NfcStatus = z.infer<typeof NfcStatusSchema>
