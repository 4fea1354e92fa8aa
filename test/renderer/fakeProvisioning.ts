import { fail, ok, type LintelApi, type Result, type Unsubscribe } from '../../src/shared/contract'
import { sniffDelimiter, type Delimiter } from '../../src/shared/csv/dialect'
import { CsvParser } from '../../src/shared/csv/parse'
import { csvLine } from '../../src/shared/csv/write'
import type { Credential, Id, Person, Site } from '../../src/shared/domain/site'
import type { ImportSummary, RecordState, SyncFlagView, SyncLogEntry, SyncStatus, WorkbookUpload } from '../../src/shared/provisioning/contract'
import type { CsvRecord } from '../../src/shared/csv/parse'
import { mappingProblems, suggestMapping, type ImportMapping } from '../../src/shared/provisioning/importColumns'
import { columnIndex, RowReader, type RowError } from '../../src/shared/provisioning/importRows'
import { credentialRules, CredentialInputSchema, fieldErrorsOf, PersonInputSchema, type FieldErrors } from '../../src/shared/provisioning/schemas'

/** The fake's current site; every change bumps the revision and emits site.changed. */
export interface SiteHolder {
  site: Site
  revision: number
  changed(): void
}

type On = <T>(channel: string) => (listener: (payload: T) => void) => Unsubscribe
type Emit = (channel: string, payload: unknown) => void

const invalid = (fields: FieldErrors): Result<never> => {
  const [field, message] = Object.entries(fields)[0] ?? ['form', 'invalid']
  return fail('invalid_record', `${field}: ${message}`, fields)
}
const nextId = (items: readonly { id: Id }[]): number => Math.max(0, ...items.map((i) => (typeof i.id === 'number' ? i.id : 0))) + 1

/** What the fake DoorFlow account starts with: the flags the sync raised, its credential type ids (empty = all local). */
export interface FakeDoorFlow {
  flags?: SyncFlagView[]
  offered?: string[]
}

/**
 * The provisioning and sync capabilities over an in-memory site, validated with the same shared
 * schemas and rules main uses; sync "pushes" by marking records synced and emitting progress.
 */
export function createFakeProvisioning(holder: SiteHolder, emit: Emit, on: On, initial: FakeDoorFlow = {}) {
  const states = new Map<string, RecordState>()
  const log: SyncLogEntry[] = []
  const connection: { api: string | null; token: string | null } = { api: null, token: null }
  let lastRun: SyncStatus['lastRun'] = null
  let lastRejected = ''
  /** What a test sets up: the flags the sync raised, the account's type ids (empty = all), the revokes DoorFlow saw. */
  const doorflow = { flags: [...(initial.flags ?? [])], offered: [...(initial.offered ?? [])], revoked: [] as string[] }
  const touch = (entity: RecordState['entity'], id: Id, op: 'create' | 'update'): void => {
    states.set(`${entity}:${JSON.stringify(id)}`, { entity, id, state: 'pending', op, message: null, fields: null })
  }
  const update = (change: (site: Site) => Site): void => {
    holder.site = change(holder.site)
    holder.changed()
  }

  async function savePerson(input: unknown): Promise<Result<Person>> {
    const parsed = PersonInputSchema.safeParse(input)
    if (!parsed.success) return invalid(fieldErrorsOf(parsed.error))
    const p = parsed.data
    if (holder.site.people.some((o) => o.email.toLowerCase() === p.email && o.id !== p.id)) return invalid({ email: 'Another person already has this email address.' })
    const { mobile, ...rest } = p
    const person: Person = { ...rest, ...(mobile ? { mobile } : {}), id: p.id ?? nextId(holder.site.people), valid_from: p.valid_from ?? null, valid_to: p.valid_to ?? null }
    update((s) => ({ ...s, people: p.id === undefined ? [...s.people, person] : s.people.map((o) => (o.id === p.id ? person : o)) }))
    touch('person', person.id, p.id === undefined ? 'create' : 'update')
    return ok(person)
  }

  async function saveCredential(input: unknown): Promise<Result<Credential>> {
    const parsed = CredentialInputSchema.safeParse(input)
    if (!parsed.success) return invalid(fieldErrorsOf(parsed.error))
    const d = parsed.data
    const existing = holder.site.credentials.find((c) => c.id === d.id)
    const ruled = credentialRules({ ...d, allow_weak_pin: d.allow_weak_pin === true || existing?.value === d.value }, { types: holder.site.credential_types, credentials: holder.site.credentials })
    if (!ruled.ok) return invalid(ruled.fields)
    const credential: Credential = {
      id: d.id ?? nextId(holder.site.credentials), person_id: d.person_id, credential_type_id: d.credential_type_id, ...(ruled.value === null ? {} : { value: ruled.value }), enabled: d.enabled,
      status: d.status ?? existing?.status ?? (ruled.value === null ? 'invited' : 'active'), ...(d.label ? { label: d.label } : {}), ...(d.device ? { device: d.device } : {}),
      ...(d.status === 'revoked' && d.revoked_reason ? { revoked_reason: d.revoked_reason } : {})
    }
    update((s) => ({ ...s, credentials: existing ? s.credentials.map((c) => (c.id === d.id ? credential : c)) : [...s.credentials, credential] }))
    touch('credential', credential.id, existing ? 'update' : 'create')
    return ok(credential)
  }

  /**
   * A workbook the wizard sent. The fake stands for main's reader (tested in test/main/provisioning,
   * and end to end in test/e2e/importXlsx): its test workbooks are JSON, `{ sheets: [{ name, csv, hidden? }] }`,
   * sent as base64 bytes like a real one. The first visible sheet, or the chosen one, as main reads it.
   */
  function workbookRecords(upload: WorkbookUpload): { records: CsvRecord[]; sheet: NonNullable<ImportSummary['sheet']> } {
    const book = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(upload.base64), (c) => c.charCodeAt(0)))) as { sheets: { name: string; csv: string; hidden?: boolean }[] }
    const chosen = upload.sheet === undefined ? book.sheets.find((s) => !s.hidden) : book.sheets.find((s) => s.name === upload.sheet)
    if (!chosen) throw new Error(`${upload.name}: there is no sheet ${JSON.stringify(upload.sheet ?? '')}`)
    const notes = book.sheets.filter((s) => s.hidden).map((s) => (s.name === chosen.name ? `Sheet "${s.name}" is hidden in Excel; it was read because you chose it.` : `Hidden sheet "${s.name}" was skipped.`))
    const parser = new CsvParser({ delimiter: ',' })
    return { records: [...parser.push(chosen.csv), ...parser.end()], sheet: { name: chosen.name, sheets: book.sheets.map((s) => s.name), notes } }
  }

  async function runImport(request: { csv?: string | undefined; workbook?: WorkbookUpload | undefined; mapping?: ImportMapping | undefined; allowWeakPins?: boolean | undefined; delimiter?: Delimiter | undefined; createGroups?: boolean | undefined; encoding?: ImportSummary['dialect'] extends infer D ? Omit<D & object, 'delimiter'> | undefined : never }, commit: boolean): Promise<Result<ImportSummary>> {
    const book = request.workbook ? workbookRecords(request.workbook) : null
    return runRecords({ ...request, csv: request.csv ?? '' }, commit, book)
  }

  function runRecords(request: { csv: string; mapping?: ImportMapping | undefined; allowWeakPins?: boolean | undefined; delimiter?: Delimiter | undefined; createGroups?: boolean | undefined; encoding?: ImportSummary['dialect'] extends infer D ? Omit<D & object, 'delimiter'> | undefined : never }, commit: boolean, book: { records: CsvRecord[]; sheet: NonNullable<ImportSummary['sheet']> } | null): Result<ImportSummary> {
    const delimiter = request.delimiter ?? sniffDelimiter(request.csv)
    const parser = new CsvParser({ delimiter })
    const [header, ...records] = book ? book.records : [...parser.push(request.csv), ...parser.end()]
    const headers = (header?.fields ?? []).map((h) => h.trim())
    const mapping = request.mapping ?? suggestMapping(headers)
    const problems = mappingProblems(mapping, headers)
    if (problems.length) return fail('import_mapping', `line 1: ${problems.join(' ')}`)
    const reader = new RowReader(columnIndex(headers, mapping), { types: holder.site.credential_types, groups: holder.site.groups, timezone: holder.site.site.timezone, allowWeakPins: request.allowWeakPins ?? false })
    const rejected: RowError[] = []
    const rows: Person[] = []
    let updated = 0
    const sample: ImportSummary['sample'] = []
    for (const record of records) {
      const read = reader.read(record.line, record.fields)
      if (!read.ok) rejected.push(...read.errors)
      else if (holder.site.people.some((p) => p.email.toLowerCase() === read.row.email.toLowerCase())) updated++
      else rows.push({ id: nextId([...holder.site.people, ...rows]), first_name: read.row.first_name, last_name: read.row.last_name, email: read.row.email, enabled: read.row.enabled ?? true, group_ids: read.row.group_ids ?? [] })
      if (read.ok && sample.length < 20) sample.push({ line: record.line, fields: record.fields })
    }
    lastRejected = [csvLine([...headers, 'error']), ...rejected.map((e) => csvLine([String(e.row), e.column, e.message]))].join('')
    if (commit) {
      emit('provisioning.importProgress', { rows: records.length, bytes: request.csv.length, totalBytes: request.csv.length })
      update((s) => ({ ...s, people: [...s.people, ...rows] }))
      for (const p of rows) touch('person', p.id, 'create')
    }
    return ok({ headers, mapping, rows: records.length, imported: rows.length, updated, rejectedCount: new Set(rejected.map((e) => e.row)).size, rejected: rejected.slice(0, 200), sample, committed: commit, dialect: { delimiter, encoding: request.encoding?.encoding ?? 'utf-8', bom: request.encoding?.bom ?? false }, newGroups: reader.newGroups, ...(book ? { sheet: book.sheet } : {}) })
  }

  function status(): SyncStatus {
    const pending = [...states.values()].filter((s) => s.state === 'pending').length
    return { running: false, api: connection.api, hasToken: connection.token !== null, tokenEncrypted: true, outbox: { pending, sending: 0, unknown: 0, failed: 0 }, lastRun }
  }

  const provisioning: LintelApi['provisioning'] = {
    savePerson,
    deletePerson: async ({ id }) => (update((s) => ({ ...s, people: s.people.filter((p) => p.id !== id), credentials: s.credentials.filter((c) => c.person_id !== id) })), ok({ deleted: true as const })),
    saveCredential,
    deleteCredential: async ({ id }) => (update((s) => ({ ...s, credentials: s.credentials.filter((c) => c.id !== id) })), ok({ deleted: true as const })),
    saveGroup: async (g) => {
      const group = { ...g, id: g.id ?? nextId(holder.site.groups) }
      update((s) => ({ ...s, groups: g.id === undefined ? [...s.groups, group] : s.groups.map((o) => (o.id === g.id ? group : o)) }))
      return ok(group)
    },
    deleteGroup: async ({ id }) => (update((s) => ({ ...s, groups: s.groups.filter((g) => g.id !== id) })), ok({ deleted: true as const })),
    saveDoor: async (d) => {
      const door = { ...d, id: d.id ?? nextId(holder.site.doors) }
      update((s) => ({ ...s, doors: d.id === undefined ? [...s.doors, door] : s.doors.map((o) => (o.id === d.id ? door : o)) }))
      return ok(door)
    },
    deleteDoor: async ({ id }) => (update((s) => ({ ...s, doors: s.doors.filter((d) => d.id !== id) })), ok({ deleted: true as const })),
    importPreview: async (request) => runImport(request, false),
    importCommit: async (request) => runImport(request, true),
    rejectedRows: async () => ok({ filename: 'rejected-rows.csv', text: lastRejected }),
    exportCsv: async ({ kind }) => ok({ filename: `${kind}.csv`, text: csvLine(['id']) }),
    exportXlsx: async ({ kind }) => ok({ filename: `${kind}.xlsx`, base64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' }),
    workbookHeaders: async ({ workbook }) => {
      const { records, sheet } = workbookRecords(workbook)
      return ok({ ...sheet, headers: (records[0]?.fields ?? []).map((h) => h.trim()) })
    },
    recordStates: async () => ok({ counts: { pending: states.size, sending: 0, unknown: 0, failed: 0, local: 0, synced: 0 }, records: [...states.values()], truncated: false }),
    on: { importProgress: on('provisioning.importProgress') }
  }

  const sync: LintelApi['sync'] = {
    saveConnection: async ({ api, token }) => {
      connection.api = api
      connection.token = token
      return ok(status())
    },
    run: async () => {
      if (!connection.api) return fail('sync_no_token', 'Connect to DoorFlow first: enter its base URL and a token.')
      const waiting = [...states.values()]
      waiting.forEach((_s, i) => emit('sync.progress', { done: i + 1, total: waiting.length }))
      states.clear()
      const report = { pushed: waiting.length, reconciled: 0, retries: 0, failed: [] }
      lastRun = { at: '2026-11-23T10:00:00.000Z', report }
      log.unshift({ at: lastRun.at, level: 'info', message: `sync: ${waiting.length} pushed, 0 reconciled, 0 retries, 0 open`, entity: null, id: null })
      return ok(report)
    },
    status: async () => ok(status()),
    log: async () => ok(log),
    flags: async () => ok([...doorflow.flags]),
    revoke: async ({ id }) => {
      doorflow.revoked.push(String(id))
      doorflow.flags = doorflow.flags.filter((f) => !(f.entity === 'credential' && f.entity_id === String(id) && f.flag === 'disable_not_confirmed'))
      return ok({ credential: String(id), status: 'revoked' as const })
    },
    offeredCredentialTypes: async () => ok([...doorflow.offered]),
    on: { progress: on('sync.progress') }
  }
  return { provisioning, sync, states, doorflow }
}
