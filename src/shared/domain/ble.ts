import { z } from 'zod'

/**
 * One advertising report as `lintel ble scan --json` prints it: `t` in epoch ms, the address as
 * `AA:BB:CC:DD:EE:FF`, manufacturer data as uppercase hex without separators.
 */
export const AdvertSchema = z.object({
  t: z.number(),
  address: z.string(),
  name: z.string().nullable(),
  rssi: z.number().int().min(-127).max(20),
  txPower: z.number().int().nullable(),
  serviceUuids: z.array(z.string()),
  manufacturerData: z.string().nullable()
})
export type Advert = z.infer<typeof AdvertSchema>

/** Rows and histories are capped so one scan batch stays small whatever the crowd. */
export const SCAN_LIMITS = { rows: 150, history: 32, serviceUuids: 8, manufacturerHexChars: 62 } as const

/** One advertiser in the live scan table. `history` holds its latest RSSI values, oldest first. */
export const AdvertiserRowSchema = z.object({
  address: z.string(),
  name: z.string().nullable(),
  rssi: z.number(),
  txPower: z.number().nullable(),
  serviceUuids: z.array(z.string()).max(SCAN_LIMITS.serviceUuids),
  manufacturerData: z.string().max(SCAN_LIMITS.manufacturerHexChars + 1).nullable(),
  /** The door reader type this advertiser was recognised as, or null. */
  readerType: z.string().nullable(),
  /** The known reader (BleReader.id) at this address, or null. */
  readerId: z.string().nullable(),
  lastSeen: z.number(),
  count: z.number().int().nonnegative(),
  history: z.array(z.number()).max(SCAN_LIMITS.history)
})
export type AdvertiserRow = z.infer<typeof AdvertiserRowSchema>

/** The scan's state: whether it runs, where readings come from, and what the adapter says. */
export const ScanStateSchema = z.object({
  scanning: z.boolean(),
  simulated: z.boolean(),
  startedAt: z.number().nullable(),
  /** A sentence for the user when the adapter is not usable, else null. */
  problem: z.string().nullable()
})
export type ScanState = z.infer<typeof ScanStateSchema>

/** One batch of the live scan, sent at most 4 times a second: the strongest rows, known readers first. */
export const ScanBatchSchema = z.object({
  at: z.number(),
  scanning: z.boolean(),
  simulated: z.boolean(),
  /** Advertisers tracked in main (rows holds at most SCAN_LIMITS.rows of them). */
  advertisers: z.number().int().nonnegative(),
  advertsPerSecond: z.number().nonnegative(),
  rows: z.array(AdvertiserRowSchema).max(SCAN_LIMITS.rows)
})
export type ScanBatch = z.infer<typeof ScanBatchSchema>
