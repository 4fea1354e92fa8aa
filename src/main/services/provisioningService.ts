import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LintelError } from '../../shared/contract/result'
import type { Id } from '../../shared/domain/site'
import { PROVISIONING_LIMITS, type ImportSummary, type RecordState, type WorkbookUpload } from '../../shared/provisioning/contract'
import type { ImportMapping } from '../../shared/provisioning/importColumns'
import type { Delimiter, TextEncodingName } from '../../shared/csv/dialect'
import { credentialsTable, MASKED_PIN, peopleTable, pinCells, rejectedRowsCsv, tableCsv, type ExportTable } from '../provisioning/exports'
import { importPeople, importSheetRows, type ImportOptions, type ImportReport, type RecordBatch } from '../provisioning/importPeople'
import { TEXT_CHUNK_BYTES } from '../provisioning/textSource'
import { readWorkbook, type SheetRows } from '../provisioning/xlsxSource'
import { idFromKey, idKey } from '../store/database'
import { Ledger } from '../sync/ledger'
import type { SyncEvidence } from '../../shared/diagnose/model'
import type { Store } from '../store/store'
import { syncStates } from '../store/syncStates'

/** Provisioning error codes. */
export const ProvisioningErrorCode = { busy: 'provisioning_busy', noStore: 'no_database', groupExists: 'group_exists' } as const

export interface ImportRequest {
  csv?: string | undefined
  workbook?: WorkbookUpload | undefined
  mapping?: ImportMapping | undefined
  allowWeakPins?: boolean | undefined
  delimiter?: Delimiter | undefined
  encoding?: { encoding: TextEncodingName; bom: boolean } | undefined
  createGroups?: boolean | undefined
}

/** What the service tells the rest of main: the site changed (refresh it), and import progress. */
export interface ProvisioningEvents {
  siteChanged(): void
  importProgress(progress: { rows: number; bytes: number; totalBytes: number }): void
}

/** People, credentials, groups and doors in the store; CSV import and exports. Writes wait while an import runs. */
export class ProvisioningService {
  private importing: Promise<unknown> | null = null
  private lastImport: ImportReport | null = null
  /** Set by the sync service while a sync runs: an import must not share its connection's transaction. */
  syncing = false

  constructor(
    private readonly store: Store | undefined,
    private readonly events: ProvisioningEvents
  ) {}

  /** True while an import (or its preview) holds the database's write transaction. */
  get importRunning(): boolean {
    return this.importing !== null
  }

  private db(): Store {
    if (!this.store) throw new LintelError(ProvisioningErrorCode.noStore, 'This session opened a snapshot file; provisioning needs the app\'s database.')
    return this.store
  }

  private async edit<T>(work: (store: Store) => T): Promise<T> {
    while (this.importing) await this.importing.catch(() => undefined)
    const result = work(this.db())
    this.events.siteChanged()
    return result
  }

  savePerson = (input: unknown) => this.edit((s) => s.people.save(input))
  deletePerson = (id: Id) => this.edit((s) => (s.people.delete(id), { deleted: true as const }))
  saveCredential = (input: unknown) => this.edit((s) => s.credentials.save(input))
  deleteCredential = (id: Id) => this.edit((s) => (s.credentials.delete(id), { deleted: true as const }))
  saveGroup = (input: unknown) => this.edit((s) => s.groups.save(input))
  deleteGroup = (id: Id) => this.edit((s) => (s.groups.delete(id), { deleted: true as const }))
  /** Creates a group that opens no doors yet (`lintel groups add`); a name already taken (ignoring case) is refused. */
  addGroup = (name: string) =>
    this.edit((s) => {
      const taken = s.catalog().groups.find((g) => g.name.trim().toLowerCase() === name.trim().toLowerCase())
      if (taken) throw new LintelError(ProvisioningErrorCode.groupExists, `There is already a group called "${taken.name}" (id ${String(taken.id)}).`)
      return s.groups.save({ name: name.trim(), access: [] })
    })
  saveDoor = (input: unknown) => this.edit((s) => s.doors.save(input))
  deleteDoor = (id: Id) => this.edit((s) => (s.doors.delete(id), { deleted: true as const }))

  /** Runs the whole import and rolls it back: the preview shows exactly what a commit would do. */
  preview(request: ImportRequest): Promise<ImportSummary> {
    return this.runImport(request, true)
  }

  commit(request: ImportRequest): Promise<ImportSummary> {
    return this.runImport(request, false)
  }

  private async runImport(request: ImportRequest, dryRun: boolean): Promise<ImportSummary> {
    const store = this.db()
    if (request.workbook) {
      const upload = request.workbook
      return withWorkbook(upload, async (rows) => {
        const report = await this.importSheet(rows.batches, {
          dryRun,
          allowWeakPins: request.allowWeakPins ?? false,
          sampleRows: PROVISIONING_LIMITS.sampleRows,
          source: upload.name,
          ...(request.mapping ? { mapping: request.mapping } : {}),
          createGroups: request.createGroups ?? false
        })
        return { ...summaryOf(report, !dryRun, pinCells(report, store.catalog().types)), sheet: { name: rows.sheet, sheets: rows.sheets, notes: rows.notes } }
      })
    }
    const csv = request.csv ?? ''
    const totalBytes = csv.length
    let last = 0
    const report = await this.importStream(chunksOf(csv), {
      dryRun,
      allowWeakPins: request.allowWeakPins ?? false,
      sampleRows: PROVISIONING_LIMITS.sampleRows,
      ...(request.mapping ? { mapping: request.mapping } : {}),
      ...(request.delimiter ? { delimiter: request.delimiter } : {}),
      ...(request.encoding ? { encoding: request.encoding } : {}),
      createGroups: request.createGroups ?? false,
      onProgress: (p) => {
        if (dryRun || (Date.now() - last < 100 && p.bytes < totalBytes)) return
        last = Date.now()
        this.events.importProgress({ rows: p.rows, bytes: p.bytes, totalBytes })
      }
    })
    return summaryOf(report, !dryRun, pinCells(report, store.catalog().types))
  }

  /**
   * Imports CSV text as it streams in (the CLI reads a file this way), under the same guards as the
   * app: never during a sync or another import. The full report is returned, and its rejected rows
   * stay available to {@link rejectedRows}.
   */
  importStream(chunks: AsyncIterable<string>, options: ImportOptions): Promise<ImportReport> {
    return this.guardedImport(options, (store) => importPeople(store, chunks, options))
  }

  /** Imports a spreadsheet's rows (already cells) under the same guards as {@link importStream}. */
  importSheet(batches: AsyncIterable<RecordBatch>, options: ImportOptions): Promise<ImportReport> {
    return this.guardedImport(options, (store) => importSheetRows(store, batches, options))
  }

  private async guardedImport(options: ImportOptions, start: (store: Store) => Promise<ImportReport>): Promise<ImportReport> {
    const store = this.db()
    if (this.syncing || this.importing) throw new LintelError(ProvisioningErrorCode.busy, 'A sync or another import is running; try again when it ends.')
    const run = start(store)
    this.importing = run
    try {
      const report = await run
      this.lastImport = report
      if (!options.dryRun) this.events.siteChanged()
      return report
    } finally {
      this.importing = null
    }
  }

  /**
   * The last import's (or preview's) rejected rows as the user wrote them, PINs included (the one
   * place they appear unmasked), with a reason column: fix them and import the file again.
   */
  rejectedRows(): { filename: string; text: string } {
    const report = this.lastImport
    if (!report) throw new LintelError('not_found', 'There is no import to take rejected rows from; preview or import a file first.')
    return { filename: 'rejected-rows.csv', text: rejectedRowsCsv(report.headers, report.rejectedRecords, report.dialect.delimiter) }
  }

  /** A workbook's sheet and its header row, read as the import reads it, for the wizard to map before a preview. */
  workbookHeaders(upload: WorkbookUpload): Promise<{ name: string; sheets: string[]; notes: string[]; headers: string[] }> {
    return withWorkbook(upload, async (rows) => {
      // Only the first batch is read: the header row and what the reader noticed by then.
      let headers: string[] = []
      for await (const batch of rows.batches) {
        const first = batch.records[0]
        if (!first) continue
        headers = first.fields.map((h) => h.trim())
        break
      }
      return { name: rows.sheet, sheets: rows.sheets, notes: rows.notes, headers }
    })
  }

  exportCsv(kind: 'people' | 'credentials'): { filename: string; text: string } {
    return { filename: `${kind}.csv`, text: tableCsv(this.exportTable(kind)) }
  }

  /** People or credentials as a table (PINs masked), for the CSV and XLSX exports. */
  exportTable(kind: 'people' | 'credentials'): ExportTable {
    const store = this.db()
    const site = store.snapshot()
    return kind === 'people' ? peopleTable(site, syncStates(store)) : credentialsTable(site, syncStates(store))
  }

  /**
   * The person's and these credentials' open outbox operations, and (with `includeLocal`) records
   * never sent to the server. Empty without a database.
   */
  syncEvidence(personId: Id, credentialIds: readonly Id[], includeLocal: boolean): SyncEvidence[] {
    if (!this.store) return []
    const store = this.store
    const evidence: SyncEvidence[] = []
    const wanted: [SyncEvidence['entity'], Id, 'people' | 'credentials'][] = [['person', personId, 'people'], ...credentialIds.map((id) => ['credential', id, 'credentials'] as [SyncEvidence['entity'], Id, 'credentials'])]
    for (const [entity, id, records] of wanted) {
      const ops = store.outbox.statesOf(entity, idKey(id))
      for (const op of ops) evidence.push({ entity, id, state: op.state, op: op.op, message: op.error })
      if (ops.length || !includeLocal) continue
      if (store[records].remoteId(id) === null) evidence.push({ entity, id, state: 'local', op: 'create', message: null })
    }
    return evidence
  }

  /** A line in the sync log, so a change made outside a sync (a helpdesk fix) is on record beside the outbox. */
  logChange(message: string, entity: 'person' | 'credential', id: Id): void {
    new Ledger(this.db()).log('info', message, { entity, entity_id: idKey(id) })
  }

  /** Records with an open operation or never synced (capped), and counts of every state. */
  recordStates(): { counts: Record<string, number>; records: RecordState[]; truncated: boolean } {
    const store = this.db()
    const counts: Record<string, number> = { pending: 0, sending: 0, unknown: 0, failed: 0, local: 0, synced: 0 }
    const records: RecordState[] = []
    const open = new Map(store.outbox.states().map((row) => [`${row.entity}:${row.entity_id}`, row]))
    for (const [entity, kind] of [['person', 'people'], ['credential', 'credentials']] as const) {
      for (const row of store[kind].remoteIds()) {
        const op = open.get(`${entity}:${row.id}`)
        const state = op?.state ?? (row.remote_id === null ? 'local' : 'synced')
        counts[state] = (counts[state] ?? 0) + 1
        if (state === 'synced' || records.length >= PROVISIONING_LIMITS.listedRecords) continue
        records.push({ entity, id: idFromKey(row.id), state, op: op?.op ?? null, message: op?.error ?? null, fields: op?.fields ? (JSON.parse(op.fields) as Record<string, string>) : null })
      }
    }
    const listed = Object.entries(counts).reduce((n, [state, count]) => (state === 'synced' ? n : n + count), 0)
    return { counts, records, truncated: listed > records.length }
  }
}

/**
 * Runs `use` on an uploaded workbook's rows, read by the CLI's reader from a private temporary copy
 * (mode 0600, removed after); errors name the user's file, not the copy.
 */
async function withWorkbook<T>(upload: WorkbookUpload, use: (rows: SheetRows) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'lintel-xlsx-'))
  const file = join(dir, 'workbook.xlsx')
  try {
    await writeFile(file, Buffer.from(upload.base64, 'base64'), { mode: 0o600 })
    return await use(await readWorkbook(file, upload.sheet))
  } catch (error) {
    if (error instanceof LintelError) throw new LintelError(error.code, error.message.replaceAll(file, upload.name), error.fields)
    throw error
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function* chunksOf(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += TEXT_CHUNK_BYTES) {
    yield text.slice(i, i + TEXT_CHUNK_BYTES)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

function summaryOf(report: ImportReport, committed: boolean, isPin: ReturnType<typeof pinCells>): ImportSummary {
  return {
    headers: report.headers,
    mapping: report.mapping,
    rows: report.rows,
    imported: report.imported,
    updated: report.updated,
    rejectedCount: report.rejectedRecords.length,
    rejected: report.rejected.slice(0, PROVISIONING_LIMITS.listedErrors),
    sample: report.sample.map((s) => ({ line: s.line, fields: s.fields.map((f, i) => (isPin(s, i) && f ? MASKED_PIN : f)) })),
    committed,
    dialect: report.dialect,
    newGroups: report.newGroups
  }
}
