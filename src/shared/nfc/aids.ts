import { z } from 'zod'

/** An application Lintel selects on phones doing HCE, and the credential type its answer belongs to. */
export const AidEntrySchema = z.object({
  label: z.string(),
  /** Uppercase hex, 5 to 16 bytes. */
  aid: z.string(),
  source: z.enum(['built-in', 'settings', 'command line']),
  /** Slug of the site credential type whose values the application answers with, when known. */
  credentialType: z.string().nullable()
})
export type AidEntry = z.infer<typeof AidEntrySchema>

/**
 * Selected in this order before the custom AIDs from settings (docs/nfc.md says where each comes from).
 * - HID Mobile Access answers as a Seos application: A0 00 00 04 40 00 01 01 00 01 (HID's RID A000000440).
 * - PassFlow publishes no AID. F0 50 41 53 53 46 4C 4F 57 ("F0" + ASCII "PASSFLOW") is a placeholder in
 *   the proprietary range ISO/IEC 7816-5 leaves unregistered; add the real one in Settings → Custom AIDs.
 */
export const BUILT_IN_AIDS: readonly AidEntry[] = [
  { label: 'HID Mobile Access (Seos)', aid: 'A0000004400001010001', source: 'built-in', credentialType: 'hid-mobile-access' },
  { label: 'PassFlow (placeholder)', aid: 'F050415353464C4F57', source: 'built-in', credentialType: 'passflow' }
]

/**
 * The AIDs to select, in order: the built-in list, then the custom ones from settings. A custom AID
 * belongs to the credential type whose label or slug equals its label (case-insensitively); a custom
 * AID equal to a built-in one replaces it, so its label can point it at another type.
 */
export function aidList(custom: readonly { label: string; aid: string }[]): AidEntry[] {
  const customAids = new Set(custom.map((c) => c.aid))
  return [
    ...BUILT_IN_AIDS.filter((entry) => !customAids.has(entry.aid)),
    ...custom.map((c) => ({ label: c.label, aid: c.aid, source: 'settings' as const, credentialType: null }))
  ]
}
