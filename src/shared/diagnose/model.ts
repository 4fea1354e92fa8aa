import { z } from 'zod'
import { DecisionCodeSchema, DecisionSchema } from '../decision/model'
import { IdSchema, InstantSchema } from '../domain/site'

/** The phone's operating system; it decides which radio a mobile credential uses on some systems. */
export const PlatformSchema = z.enum(['ios', 'android'])
export type Platform = z.infer<typeof PlatformSchema>

/** Finding codes beyond the decision engine's (whose names findings keep, e.g. `credential_disabled`). */
export const FindingCode = {
  noMobileCredential: 'no_mobile_credential',
  recentlyIssued: 'credential_recently_issued',
  issuedLater: 'credential_issued_after',
  sharedCredential: 'credential_shared',
  sharedDevice: 'device_shared',
  deviceChangePending: 'device_change_pending',
  readerIncompatible: 'reader_incompatible',
  noBackup: 'no_backup_credential',
  syncFailed: 'sync_failed',
  syncPending: 'sync_pending',
  /** A create DoorFlow has not confirmed: the door cannot know the record yet. */
  syncNotConfirmed: 'sync_not_confirmed',
  /** A credential revoked on purpose (lost, stolen, replaced, left): history, not the cause. */
  revokedHistory: 'credential_revoked_history',
  phoneSide: 'phone_radio_or_app',
  reenrol: 'reenrol_device',
  nfcNoTap: 'nfc_no_tap',
  nfcReadFailed: 'nfc_read_failed',
  nfcNotEnrolled: 'nfc_not_enrolled',
  nfcOtherPerson: 'nfc_other_person',
  nfcPresented: 'nfc_presented',
  nfcUnavailable: 'nfc_unavailable',
  bleNotHeard: 'ble_reader_not_heard',
  bleWeak: 'ble_signal_weak',
  bleHeard: 'ble_reader_heard',
  bleUnavailable: 'ble_unavailable',
  bleNoReader: 'ble_no_reader',
  doorRejected: 'door_rejected',
  doorAdmitted: 'door_admitted',
  doorNoEvent: 'door_no_event',
  rulesDisagree: 'rules_disagree',
  doorOffline: 'door_offline',
  doorLockdownReported: 'door_lockdown_reported',
  doorNotSynced: 'door_not_synced',
  eventsClockOff: 'events_clock_off',
  eventsUnavailable: 'events_unavailable',
  /** An invitation not yet accepted: when and how to resend it. */
  invitationResend: 'invitation_resend',
  remoteAdmitted: 'remote_admitted',
  remoteDenied: 'remote_denied',
  remoteOffline: 'remote_offline',
  remoteTimeout: 'remote_timeout',
  remoteUnavailable: 'remote_unavailable'
} as const
export type FindingCode = (typeof FindingCode)[keyof typeof FindingCode]

export const FindingCodeSchema = z.union([DecisionCodeSchema, z.enum(Object.values(FindingCode) as [FindingCode, ...FindingCode[]])])

/** `error`: stops the door opening; `warning`: may stop it, or will one day; `info`: worth knowing. */
export const SeveritySchema = z.enum(['error', 'warning', 'info'])
export type Severity = z.infer<typeof SeveritySchema>

/** A one-click fix; main carries it out through the normal provisioning path (outbox and sync log). */
export const FixActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enable_credential'), credential_id: IdSchema }).strict(),
  z.object({ kind: z.literal('enable_person'), person_id: IdSchema }).strict(),
  z.object({ kind: z.literal('add_to_group'), person_id: IdSchema, group_id: IdSchema }).strict(),
  z.object({ kind: z.literal('issue_backup_pin'), person_id: IdSchema }).strict(),
  /** Opens the device-change workflow: issue the new phone's credential, test it, disable the old one. */
  z.object({ kind: z.literal('start_device_change'), person_id: IdSchema, credential_id: IdSchema }).strict()
])
export type FixAction = z.infer<typeof FixActionSchema>
export type FixKind = FixAction['kind']

export const FindingSchema = z.object({
  code: FindingCodeSchema,
  severity: SeveritySchema,
  /** One short headline in the helpdesk's words. */
  title: z.string(),
  /** What was seen that decided it: sentences naming the records, times and readings. */
  evidence: z.string(),
  /** What to do about it, as one instruction. */
  fix: z.string(),
  /** The fix as one click, when provisioning can carry it out. */
  action: FixActionSchema.nullable(),
  /** 0–1: how likely this is why the door does not open; findings are sorted by it, highest first. */
  likelihood: z.number().min(0).max(1),
  /** The credential the finding is about, if it is about one. */
  credential_id: IdSchema.nullable()
})
export type Finding = z.infer<typeof FindingSchema>

export const DiagnoseRequestSchema = z
  .object({
    /** A person id, or an email (compared case-insensitively). */
    person: z.union([IdSchema, z.string().min(1).max(320)]),
    door_id: IdSchema,
    /** Default: now. */
    at: InstantSchema.optional(),
    platform: PlatformSchema.optional(),
    /** Only this credential of the person; default every one. */
    credential_id: IdSchema.optional(),
    /** The remote test: DoorFlow admits the person at the door now. It opens the door, so it must say `confirmed: true`. */
    admit: z.object({ confirmed: z.literal(true) }).strict().optional(),
    /** How many minutes before `at` to look for the door's events (default 15). */
    event_minutes: z.number().int().min(1).max(24 * 60).optional(),
    /** Live tests when hardware (or the demo's simulation) is present. */
    live: z
      .object({
        /** Wait this many seconds for the phone or card on the NFC reader. */
        tapSeconds: z.number().int().min(1).max(120).optional(),
        /** Scan this many seconds for the door reader's advertisements where the person stands. */
        scanSeconds: z.number().int().min(1).max(60).optional()
      })
      .strict()
      .optional()
  })
  .strict()
export type DiagnoseRequest = z.infer<typeof DiagnoseRequestSchema>

/** One open outbox operation or sync log line that concerns the person or one of their credentials. */
export const SyncEvidenceSchema = z.object({
  entity: z.enum(['person', 'credential']),
  id: IdSchema,
  state: z.enum(['pending', 'sending', 'unknown', 'failed', 'local']),
  op: z.enum(['create', 'update', 'delete']).nullable(),
  message: z.string().nullable()
})
export type SyncEvidence = z.infer<typeof SyncEvidenceSchema>

/** What a live NFC tap showed. */
export const LiveTapSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('unavailable'), reason: z.string() }),
  z.object({ outcome: z.literal('no_tap'), seconds: z.number() }),
  z.object({ outcome: z.literal('read_failed'), reader: z.string(), error: z.string() }),
  z.object({
    outcome: z.literal('presented'),
    reader: z.string(),
    /** The credential type the tap was read as, and its value, or null when nothing enrolled matched. */
    credential_type_id: IdSchema.nullable(),
    value: z.string().nullable(),
    uid: z.string().nullable(),
    latency_ms: z.number()
  })
])
export type LiveTap = z.infer<typeof LiveTapSchema>

/** What a live BLE scan for the door's reader showed. */
export const LiveScanSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('unavailable'), reason: z.string() }),
  z.object({ outcome: z.literal('no_reader'), reason: z.string() }),
  z.object({
    outcome: z.literal('scanned'),
    seconds: z.number(),
    simulated: z.boolean(),
    reader: z.object({ name: z.string(), address: z.string() }),
    /** Reports heard from the door's reader, and their median and strongest RSSI. */
    adverts: z.number().int().nonnegative(),
    median_rssi: z.number().nullable(),
    max_rssi: z.number().nullable(),
    threshold_dbm: z.number()
  })
])
export type LiveScan = z.infer<typeof LiveScanSchema>

/** One credential of the person, and what the decision engine says of it at the door and time. */
export const CredentialVerdictSchema = z.object({
  credential_id: IdSchema,
  type: z.string(),
  format: z.string(),
  label: z.string().nullable(),
  device: z.string().nullable(),
  /** Masked for PINs. */
  shown_value: z.string(),
  decision: DecisionSchema
})
export type CredentialVerdict = z.infer<typeof CredentialVerdictSchema>

/** One door event as a diagnosis shows it: the credential number masked for PINs. */
export const ShownEventSchema = z.object({
  code: z.number().int(),
  kind: z.enum(['admit', 'reject', 'other']),
  label: z.string(),
  credential_number: z.string().nullable(),
  at: z.string(),
  local_time: z.string(),
  door_id: IdSchema,
  person_id: IdSchema.nullable(),
  /** Whether it is the person's (by person id or one of their credential numbers). */
  theirs: z.boolean()
})
export type ShownEvent = z.infer<typeof ShownEventSchema>

export const DiagnosisSchema = z.object({
  person: z.object({ id: IdSchema, name: z.string(), email: z.string() }),
  door: z.object({ id: IdSchema, name: z.string() }),
  at: z.string(),
  /** The door and time in site local time, for people. */
  local_time: z.string(),
  platform: PlatformSchema.nullable(),
  /** Whether any of the considered credentials opens the door by the rules. */
  opens: z.boolean(),
  /** The headline: the most likely cause, or that the rules grant access. */
  summary: z.string(),
  findings: z.array(FindingSchema),
  credentials: z.array(CredentialVerdictSchema),
  live: z.object({ tap: LiveTapSchema.nullable(), scan: LiveScanSchema.nullable() }),
  /** The door's recent events (newest first) in the window before `at`; null when events are not available. */
  events: z.object({ window_minutes: z.number(), items: z.array(ShownEventSchema) }).nullable().optional(),
  /** Where the sync evidence came from: the app's database, or none for a snapshot file. */
  source: z.enum(['database', 'snapshot'])
})
export type Diagnosis = z.infer<typeof DiagnosisSchema>

/** What a one-click fix did. `pin` is the new PIN, shown once so the helpdesk can read it out. */
export const FixResultSchema = z.object({
  kind: z.string(),
  message: z.string(),
  credential_id: IdSchema.nullable(),
  pin: z.string().nullable()
})
export type FixResult = z.infer<typeof FixResultSchema>

export const DiagnosisReportFormatSchema = z.enum(['html', 'json'])
