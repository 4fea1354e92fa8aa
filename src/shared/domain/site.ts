import { z } from 'zod'
import { isInstant, isValidTimeZone, parseLocalDate } from '../time'

/** An entity id: a JSON integer or a string. 3 and "3" are different ids. */
export const IdSchema = z.union([z.number().int(), z.string().min(1)])
export type Id = z.infer<typeof IdSchema>

/** An ISO 8601 instant with `Z` or an offset, e.g. "2026-03-29T01:30:00Z". */
export const InstantSchema = z
  .string()
  .refine(isInstant, 'expected an ISO 8601 instant with Z or an offset, e.g. 2026-03-29T09:00:00Z')

/** A calendar date "YYYY-MM-DD". */
export const LocalDateSchema = z
  .string()
  .refine((text) => !Number.isNaN(parseLocalDate(text)), 'expected a real date as YYYY-MM-DD')

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/
/** A local time "HH:MM", 00:00–23:59. */
export const TimeOfDaySchema = z.string().regex(HH_MM, 'expected a time HH:MM between 00:00 and 23:59')
/** The end of an interval: "HH:MM" or "24:00". */
export const EndTimeOfDaySchema = z
  .string()
  .refine((text) => text === '24:00' || HH_MM.test(text), 'expected a time HH:MM between 00:00 and 24:00')

export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const DayNameSchema = z.enum(DAY_NAMES)
export type DayName = z.infer<typeof DayNameSchema>

/** A radio a door reader or a phone uses for mobile credentials. */
export const ReaderRadioSchema = z.enum(['ble', 'nfc'])
export type ReaderRadio = z.infer<typeof ReaderRadioSchema>

/**
 * Which radios each phone platform uses for mobile credentials on this system (extension; used by
 * diagnosis). Default: iPhones BLE only (iOS keeps NFC card emulation to Wallet), Android both.
 */
export const MobilePlatformsSchema = z.object({ ios: z.array(ReaderRadioSchema), android: z.array(ReaderRadioSchema) })
export type MobilePlatforms = z.infer<typeof MobilePlatformsSchema>
export const DEFAULT_MOBILE_PLATFORMS: MobilePlatforms = { ios: ['ble'], android: ['ble', 'nfc'] }

/** How close a phone must be to the reader to unlock, in centimetres, per platform (extension). */
export const UnlockDistanceSchema = z.object({
  ios: z.number().positive().max(1000).optional(),
  android: z.number().positive().max(1000).optional()
})
export type UnlockDistance = z.infer<typeof UnlockDistanceSchema>

export const SiteInfoSchema = z.object({
  /** Display name of the site (optional extension). */
  name: z.string().optional(),
  mobile_platforms: MobilePlatformsSchema.optional(),
  unlock_distance_cm: UnlockDistanceSchema.optional(),
  timezone: z.string().refine(isValidTimeZone, 'expected an IANA time zone, e.g. Europe/London'),
  holidays: z.array(LocalDateSchema)
})
export type SiteInfo = z.infer<typeof SiteInfoSchema>

/** A kind of credential. DoorFlow's documented ids: HID Mobile Access 8, PassFlow 9, PIN 6. */
export const CredentialTypeSchema = z.object({
  id: IdSchema,
  label: z.string(),
  slug: z.string(),
  format: z.enum(['card', 'pin', 'mobile', 'other']),
  technology: z.enum(['ble', 'nfc', 'ble+nfc', 'prox', 'keypad'])
})
export type CredentialType = z.infer<typeof CredentialTypeSchema>

export const PersonSchema = z.object({
  id: IdSchema,
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  /** Mobile number for SMS invitations, E.164 (extension; a snapshot's is kept as written and checked where used). */
  mobile: z.string().optional(),
  enabled: z.boolean(),
  valid_from: InstantSchema.nullable().optional(),
  valid_to: InstantSchema.nullable().optional(),
  group_ids: z.array(IdSchema)
})
export type Person = z.infer<typeof PersonSchema>

export const CredentialStatusSchema = z.enum(['active', 'invited', 'disabled', 'revoked'])
export type CredentialStatus = z.infer<typeof CredentialStatusSchema>

/** Why a credential was revoked (extension). Lost, stolen, replaced and left are on purpose: history, not a fault. */
export const RevokedReasonSchema = z.enum(['lost', 'stolen', 'replaced', 'left', 'other'])
export type RevokedReason = z.infer<typeof RevokedReasonSchema>

export const CredentialSchema = z.object({
  id: IdSchema,
  person_id: IdSchema,
  credential_type_id: IdSchema,
  /**
   * The text form for the type's format; see docs/site-format.md. PIN values are real: mask them.
   * Absent only for a mobile credential (its type's format is `mobile`): DoorFlow gives such a
   * credential no value; creating one starts an invitation (status `invited`, then `active`).
   */
  value: z.string().min(1).optional(),
  enabled: z.boolean(),
  status: CredentialStatusSchema,
  label: z.string().optional(),
  /** When the credential was issued (extension; used by diagnosis). */
  issued_at: InstantSchema.optional(),
  /** The device a mobile credential was issued to, as a label (extension). */
  device: z.string().optional(),
  /** Why it was revoked, when `status` is `revoked` (extension). */
  revoked_reason: RevokedReasonSchema.optional(),
  /**
   * When DoorFlow accepted it (extension): the later of the push's confirmation and the first pull
   * that saw it active. The 2-minute wait counts from here.
   */
  accepted_at: InstantSchema.optional(),
  /** DoorFlow's PassFlow invitation link for this credential, when it has one (extension; checked where used). */
  invitation_url: z.string().optional()
})
export type Credential = z.infer<typeof CredentialSchema>

/** What lists, exports, tables and sheets show for a credential with no value (a mobile invitation). */
export const NO_VALUE_LABEL = '— (invitation)'

export const AccessEntrySchema = z.object({
  door_ids: z.array(IdSchema),
  /** null means always. */
  schedule_id: IdSchema.nullable()
})
export type AccessEntry = z.infer<typeof AccessEntrySchema>

export const GroupSchema = z.object({ id: IdSchema, name: z.string(), access: z.array(AccessEntrySchema) })
export type Group = z.infer<typeof GroupSchema>

export const DoorModeSchema = z.enum(['normal', 'lockdown', 'unlocked'])
export type DoorMode = z.infer<typeof DoorModeSchema>

/** A door (DoorFlow "channel"). */
export const DoorSchema = z.object({
  id: IdSchema,
  name: z.string(),
  mode: DoorModeSchema,
  accepts: z.array(IdSchema),
  requires_pin: z.boolean(),
  /**
   * The reader's radios for phones (extension; used by diagnosis). Absent: whatever the accepted
   * credential types use.
   */
  reader_radios: z.array(ReaderRadioSchema).optional()
})
export type Door = z.infer<typeof DoorSchema>

/** [from, to) in site local time; `to` <= `from` crosses midnight into the next day. */
export const WeeklyIntervalSchema = z.object({
  days: z.array(DayNameSchema),
  from: TimeOfDaySchema,
  to: EndTimeOfDaySchema
})
export type WeeklyInterval = z.infer<typeof WeeklyIntervalSchema>

export const ScheduleSchema = z.object({
  id: IdSchema,
  name: z.string(),
  weekly: z.array(WeeklyIntervalSchema),
  holidays: z.enum(['closed', 'open'])
})
export type Schedule = z.infer<typeof ScheduleSchema>

const ENTITY_LISTS = ['credential_types', 'people', 'credentials', 'groups', 'doors', 'schedules'] as const

/** A whole site snapshot, modelled on DoorFlow API objects. See docs/site-format.md. */
export const SiteSchema = z
  .object({
    site: SiteInfoSchema,
    credential_types: z.array(CredentialTypeSchema),
    people: z.array(PersonSchema),
    credentials: z.array(CredentialSchema),
    groups: z.array(GroupSchema),
    doors: z.array(DoorSchema),
    schedules: z.array(ScheduleSchema)
  })
  .superRefine((site, ctx) => {
    for (const list of ENTITY_LISTS) {
      const seen = new Map<Id, number>()
      site[list].forEach((entity, index) => {
        const first = seen.get(entity.id)
        if (first === undefined) seen.set(entity.id, index)
        else {
          const message = `duplicate id ${JSON.stringify(entity.id)} (also at $.${list}[${first}])`
          ctx.addIssue({ code: 'custom', path: [list, index, 'id'], message })
        }
      })
    }
    const formats = new Map(site.credential_types.map((t) => [t.id, t.format]))
    site.credentials.forEach((c, index) => {
      if (c.value !== undefined || formats.get(c.credential_type_id) === 'mobile') return
      const message = `credential ${JSON.stringify(c.id)} has no value; only a mobile credential (a type whose format is "mobile") may have none`
      ctx.addIssue({ code: 'custom', path: ['credentials', index, 'value'], message })
    })
  })
export type Site = z.infer<typeof SiteSchema>

/** The result of {@link parseSite}: the site, or the JSON path of the first problem and what it is. */
export type ParseSiteResult = { ok: true; site: Site } | { ok: false; path: string; message: string }

/**
 * Validates a parsed JSON document as a site snapshot. Rejects malformed fields, unknown time
 * zones, impossible dates and times, and duplicate ids within a list. Dangling references (a
 * group, person, schedule or door id that does not exist) are accepted: the engine treats them
 * as missing.
 */
export function parseSite(json: unknown): ParseSiteResult {
  const result = SiteSchema.safeParse(json)
  if (result.success) return { ok: true, site: result.data }
  const issue = result.error.issues[0]
  return { ok: false, path: formatJsonPath(issue?.path ?? []), message: issue?.message ?? 'invalid site' }
}

function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '$'
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `.${String(key)}`
  return text
}
