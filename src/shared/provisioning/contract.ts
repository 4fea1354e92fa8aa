import { z } from 'zod'
import { command } from '../contract/define'
import { DELIMITERS, ENCODINGS } from '../csv/dialect'
import { CredentialSchema, DoorSchema, GroupSchema, IdSchema, PersonSchema } from '../domain/site'
import { IMPORT_COLUMNS } from './importColumns'
import { CredentialInputSchema, DoorInputSchema, GroupInputSchema, PersonInputSchema } from './schemas'

const byId = z.object({ id: IdSchema }).strict()
const deleted = z.object({ deleted: z.literal(true) })

/** Limits that keep contract payloads bounded. */
export const PROVISIONING_LIMITS = { csvChars: 64 * 1024 * 1024, workbookBase64Chars: 48 * 1024 * 1024, listedErrors: 200, sampleRows: 20, listedRecords: 1000, logLines: 200 } as const

export const ImportMappingSchema = z.partialRecord(z.enum(IMPORT_COLUMNS), z.string().max(200))
export const RowErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() })

/** How a file was read: its delimiter, its encoding, and whether a byte order mark named the encoding. */
export const CsvDialectSchema = z.object({ delimiter: z.enum(DELIMITERS), encoding: z.enum(ENCODINGS), bom: z.boolean() })

/** An .xlsx workbook as the user picked it: its name (for messages), its bytes in base64, and the sheet to read (name or number; default the first visible). */
export const WorkbookUploadSchema = z
  .object({
    name: z.string().min(1).max(255),
    base64: z.base64().max(PROVISIONING_LIMITS.workbookBase64Chars),
    sheet: z.string().max(200).optional()
  })
  .strict()
export type WorkbookUpload = z.infer<typeof WorkbookUploadSchema>

/** The sheet a workbook import read, the workbook's sheets (to choose another), and what the reader noticed (hidden sheets, merged headers). */
export const SheetReadSchema = z.object({ name: z.string(), sheets: z.array(z.string()), notes: z.array(z.string()) })

/** A workbook's sheet before mapping: the sheet read, its header row, and the notes. */
export const WorkbookHeadersSchema = SheetReadSchema.extend({ headers: z.array(z.string()) })

export const ImportRequestSchema = z
  .object({
    /** The CSV text, decoded by the app; empty (or absent) with `workbook`. */
    csv: z.string().max(PROVISIONING_LIMITS.csvChars).optional(),
    /** An .xlsx workbook instead of CSV text, read in main with the CLI's reader. */
    workbook: WorkbookUploadSchema.optional(),
    mapping: ImportMappingSchema.optional(),
    allowWeakPins: z.boolean().optional(),
    /** The column separator; by default sniffed from the first lines. */
    delimiter: z.enum(DELIMITERS).optional(),
    /** How the app decoded the file's bytes into `csv`, reported back in the summary. */
    encoding: z.object({ encoding: z.enum(ENCODINGS), bom: z.boolean() }).optional(),
    /** Create the groups the file names that the site does not have yet. */
    createGroups: z.boolean().optional()
  })
  .strict()

/** What an import did, or (preview) would do. Lists are capped; counts are whole. */
export const ImportSummarySchema = z.object({
  headers: z.array(z.string()),
  mapping: ImportMappingSchema,
  rows: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  rejectedCount: z.number().int(),
  rejected: z.array(RowErrorSchema).max(PROVISIONING_LIMITS.listedErrors),
  /** The first valid rows as read, PIN cells masked. */
  sample: z.array(z.object({ line: z.number().int(), fields: z.array(z.string()) })).max(PROVISIONING_LIMITS.sampleRows),
  committed: z.boolean(),
  /** How the file was read. */
  dialect: CsvDialectSchema,
  /** Groups the file names that the site lacks: created on commit with createGroups, else rows naming them are rejected. */
  newGroups: z.array(z.string()),
  /** For a workbook: the sheet read, the others, and the notes. */
  sheet: SheetReadSchema.optional()
})
export type ImportSummary = z.infer<typeof ImportSummarySchema>

export const ImportProgressSchema = z.object({ rows: z.number().int(), bytes: z.number().int(), totalBytes: z.number().int() })

export const CsvFileSchema = z.object({ filename: z.string(), text: z.string() })
export const BinaryFileSchema = z.object({ filename: z.string(), base64: z.string() })

export const RecordSyncStateSchema = z.enum(['pending', 'sending', 'unknown', 'failed', 'local', 'synced'])
export type RecordSyncStateName = z.infer<typeof RecordSyncStateSchema>

/** One record's place in the outbox; records that are not listed are synced. */
export const RecordStateSchema = z.object({
  entity: z.enum(['person', 'credential']),
  id: IdSchema,
  state: RecordSyncStateSchema,
  op: z.enum(['create', 'update', 'delete']).nullable(),
  message: z.string().nullable(),
  fields: z.record(z.string(), z.string()).nullable()
})
export type RecordState = z.infer<typeof RecordStateSchema>

export const RecordStatesSchema = z.object({
  counts: z.record(RecordSyncStateSchema, z.number().int()),
  records: z.array(RecordStateSchema).max(PROVISIONING_LIMITS.listedRecords),
  truncated: z.boolean()
})

/** The provisioning capability: people, credentials, groups and doors, bulk import and exports. */
export const provisioningCapability = {
  commands: {
    savePerson: command('Create or update a person (validated with the shared schema)', PersonInputSchema, PersonSchema),
    deletePerson: command('Delete a person and their credentials', byId, deleted),
    saveCredential: command('Issue or edit a credential: format per type, unique per type, weak PINs need the override', CredentialInputSchema, CredentialSchema),
    deleteCredential: command('Delete a credential', byId, deleted),
    saveGroup: command('Create or update a group', GroupInputSchema, GroupSchema),
    deleteGroup: command('Delete a group', byId, deleted),
    saveDoor: command('Create or update a door', DoorInputSchema, DoorSchema),
    deleteDoor: command('Delete a door', byId, deleted),
    importPreview: command('Check a CSV without writing: row errors, counts, the first rows', ImportRequestSchema, ImportSummarySchema),
    importCommit: command('Import a CSV in one transaction (bad rows are skipped and reported)', ImportRequestSchema, ImportSummarySchema),
    rejectedRows: command('The last import\'s rejected rows as the user wrote them (PINs unmasked: their own input) with a reason column, to correct and import again', z.object({}).strict(), CsvFileSchema),
    exportCsv: command('People or credentials as CSV (PINs masked, formula-safe)', z.object({ kind: z.enum(['people', 'credentials']) }).strict(), CsvFileSchema),
    exportXlsx: command('People or credentials as an XLSX workbook, base64 (PINs masked, formula-safe)', z.object({ kind: z.enum(['people', 'credentials']) }).strict(), BinaryFileSchema),
    workbookHeaders: command('An .xlsx workbook\'s sheet (first visible, or chosen), its sheets, header row and notes, before mapping', z.object({ workbook: WorkbookUploadSchema }).strict(), WorkbookHeadersSchema),
    recordStates: command('Each record\'s sync state (records not listed are synced)', z.object({}).strict(), RecordStatesSchema)
  },
  events: {
    /** At most ~10 a second during an import commit. */
    importProgress: ImportProgressSchema
  }
} as const

const SyncFailureSchema = z.object({
  entity: z.enum(['person', 'credential']),
  id: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional()
})

export const SyncReportSchema = z.object({
  pushed: z.number().int(),
  reconciled: z.number().int(),
  retries: z.number().int(),
  failed: z.array(SyncFailureSchema),
  /** Disables DoorFlow did not confirm on reading back; revoke is offered for each. */
  unconfirmed: z.array(SyncFailureSchema).optional(),
  /** What the pull brought into the replica, with its warnings; null when the pull did not run. */
  pulled: z
    .object({
      credential_types: z.number().int(),
      groups: z.number().int(),
      people: z.number().int(),
      credentials: z.number().int(),
      doors: z.number().int(),
      events: z.number().int(),
      warnings: z.array(z.string())
    })
    .nullable()
    .optional()
})

export const SyncStatusSchema = z.object({
  running: z.boolean(),
  api: z.string().nullable(),
  hasToken: z.boolean(),
  tokenEncrypted: z.boolean(),
  outbox: z.object({ pending: z.number().int(), sending: z.number().int(), unknown: z.number().int(), failed: z.number().int() }),
  lastRun: z.object({ at: z.string(), report: SyncReportSchema.extend({ failed: SyncReportSchema.shape.failed.max(PROVISIONING_LIMITS.listedErrors) }) }).nullable()
})
export type SyncStatus = z.infer<typeof SyncStatusSchema>

export const SyncLogEntrySchema = z.object({ at: z.string(), level: z.enum(['info', 'warn', 'error']), message: z.string(), entity: z.string().nullable(), id: z.string().nullable() })
export type SyncLogEntry = z.infer<typeof SyncLogEntrySchema>

/** A record the sync flagged for a person to look at: a disable DoorFlow did not confirm, a record deleted there with unpushed changes. */
export const SyncFlagSchema = z.object({
  entity: z.string(),
  entity_id: z.string(),
  flag: z.enum(['disable_not_confirmed', 'deleted_on_doorflow', 'revoking']),
  message: z.string(),
  at: z.string()
})
export type SyncFlagView = z.infer<typeof SyncFlagSchema>

/** What DoorFlow answered a revoke (DELETE): revoked (200), or accepted and revoking (202, mobile credentials). */
export const RevokeResultSchema = z.object({ credential: z.string(), status: z.enum(['revoked', 'revoking']) })

const ApiUrlSchema = z.string().url().refine((url) => /^https?:/.test(url), 'expected an http(s) URL')

/** The sync capability: DoorFlow connection, sync runs with progress, status and log, the flagged records and revoke. */
export const syncCapability = {
  commands: {
    saveConnection: command(
      'Save the DoorFlow base URL and token (encrypted in the app)',
      z.object({ api: ApiUrlSchema, token: z.string().min(1).max(4096), refreshToken: z.string().min(1).max(4096).optional() }).strict(),
      SyncStatusSchema
    ),
    run: command('Push the outbox exactly once and pull types, groups and people', z.object({ concurrency: z.number().int().min(1).max(16).optional() }).strict(), SyncReportSchema),
    status: command('Whether a sync runs, the outbox counts and the last run', z.object({}).strict(), SyncStatusSchema),
    log: command('The newest sync log lines, newest first', z.object({ limit: z.number().int().min(1).max(PROVISIONING_LIMITS.logLines).optional() }).strict(), z.array(SyncLogEntrySchema)),
    flags: command('The records the sync flagged (unconfirmed disables, records deleted on DoorFlow with unpushed changes), oldest first', z.object({}).strict(), z.array(SyncFlagSchema).max(PROVISIONING_LIMITS.listedRecords)),
    revoke: command('Revoke a credential on DoorFlow (DELETE): the remedy where a disable was not confirmed', byId, RevokeResultSchema),
    offeredCredentialTypes: command('Local credential type ids to offer in forms: the DoorFlow account\'s once pulled, all local ones before (empty = all)', z.object({}).strict(), z.array(z.string()))
  },
  events: {
    /** At most ~10 a second while a sync runs; the last has done = total. */
    progress: z.object({ done: z.number().int(), total: z.number().int() })
  }
} as const
