import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commandChannel, eventChannel } from '../../../src/shared/contract'
import { openTestServices, type TestServices } from '../../helpers/services'
import { hrWorkbook } from '../../helpers/workbooks'
import { startDoorFlowFixture } from '../../fixtures/doorflow/server'
import { peopleCsv } from '../../fixtures/csv/peopleCsv'

let t: TestServices
const invoke = (capability: string, name: string, input: unknown = {}) => t.services.dispatcher.invoke(commandChannel(capability, name), input)
const events = (capability: string, name: string): unknown[] => {
  const seen: unknown[] = []
  t.services.hub.subscribe(eventChannel(capability, name), (p) => seen.push(p))
  return seen
}

beforeEach(async () => {
  t = await openTestServices()
})

afterEach(() => t.dispose())

/** The HR workbook as the wizard sends it; its Visitors sheet has headers the user maps. */
async function workbookUpload(): Promise<{ name: string; base64: string }> {
  return { name: 'hr.xlsx', base64: (await hrWorkbook({ visitorsHeader: ['Given', 'Family', 'Mail'] })).toString('base64') }
}

describe('the provisioning capability', () => {
  it('saves a person into the app database and announces the changed site', async () => {
    const changed = events('site', 'changed')
    const saved = await invoke('provisioning', 'savePerson', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', enabled: true, group_ids: [1] })
    expect(saved).toMatchObject({ ok: true, value: { id: 41 } })
    expect(changed).toMatchObject([{ source: 'database', counts: { people: 41 } }])
    expect(await invoke('site', 'snapshot')).toMatchObject({ ok: true, value: { people: expect.arrayContaining([expect.objectContaining({ email: 'ada@example.com' })]) } })
  })

  it('answers a refused credential with field errors for the form', async () => {
    const result = await invoke('provisioning', 'saveCredential', { person_id: 2, credential_type_id: 6, value: '0000', enabled: true })
    expect(result).toEqual({ ok: false, error: { code: 'invalid_record', message: expect.stringMatching(/^value: /), fields: { value: expect.stringMatching(/easy to guess/) } } })
  })

  it('previews an import without writing, then commits it with progress events', async () => {
    const progress = events('provisioning', 'importProgress')
    const csv = `${peopleCsv(3000)}Bad,Row,nope,,,,,\n`
    const preview = await invoke('provisioning', 'importPreview', { csv })
    expect(preview).toMatchObject({ ok: true, value: { rows: 3001, imported: 3000, rejectedCount: 1, committed: false, sample: expect.any(Array) } })
    expect(await invoke('site', 'summary')).toMatchObject({ value: { counts: { people: 40 } } })
    const done = await invoke('provisioning', 'importCommit', { csv })
    expect(done).toMatchObject({ ok: true, value: { imported: 3000, rejected: [{ row: 3002, column: 'email' }], committed: true } })
    expect(progress.length).toBeGreaterThan(0)
    expect(await invoke('site', 'summary')).toMatchObject({ value: { counts: { people: 3040 } } })
    const rejected = await invoke('provisioning', 'rejectedRows')
    expect(rejected).toMatchObject({ ok: true, value: { text: expect.stringContaining('"email: ""nope"" is not an email address."') } })
    const states = await invoke('provisioning', 'recordStates')
    expect(states).toMatchObject({ ok: true, value: { counts: { pending: 9000, local: 132 }, truncated: true } })
  })

  it('reads the delimiter and encoding the wizard sends, lists the groups the site lacks, and creates them when asked', async () => {
    const csv = 'first_name;last_name;email;group\nZoë;Ødegaard;zoe@example.com;Night shift\n'
    const request = { csv, encoding: { encoding: 'windows-1252', bom: false } }
    const groups = t.services.site.snapshot().groups.length
    const preview = await invoke('provisioning', 'importPreview', request)
    expect(preview).toMatchObject({ ok: true, value: { imported: 0, rejectedCount: 1, newGroups: ['Night shift'], dialect: { delimiter: ';', encoding: 'windows-1252', bom: false } } })
    const done = await invoke('provisioning', 'importCommit', { ...request, delimiter: ';', createGroups: true })
    expect(done).toMatchObject({ ok: true, value: { imported: 1, rejectedCount: 0, newGroups: ['Night shift'], committed: true } })
    expect(t.services.site.snapshot().groups.map((g) => g.name)).toHaveLength(groups + 1)
    expect(t.services.site.snapshot().groups.at(-1)?.name).toBe('Night shift')
  })

  it('masks PINs in the sample rows of a preview', async () => {
    const preview = await invoke('provisioning', 'importPreview', { csv: peopleCsv(2) })
    expect(JSON.stringify(preview)).not.toMatch(/,\d{7}[,"]/)
    expect(preview).toMatchObject({ value: { sample: [{ fields: expect.arrayContaining(['••••']) }, expect.anything()] } })
  })
})

describe('the sync capability', () => {
  it('syncs the outbox to a saved connection with progress, status and a log', async () => {
    const server = await startDoorFlowFixture({ faults: { dropAfterCommitRate: 0.3 }, seed: 2 })
    try {
      await invoke('provisioning', 'importCommit', { csv: peopleCsv(20) })
      const progress = events('sync', 'progress')
      expect(await invoke('sync', 'run', {})).toMatchObject({ ok: false, error: { code: 'sync_no_token' } })
      expect(await invoke('sync', 'saveConnection', { api: server.url, token: server.tokens.access })).toMatchObject({ ok: true, value: { hasToken: true, tokenEncrypted: false } })
      const report = await invoke('sync', 'run', {})
      expect(report).toMatchObject({ ok: true, value: { failed: [] } })
      expect(server.state.credentials.size).toBe(40)
      expect(progress.at(-1)).toEqual({ done: 60, total: 60 })
      expect(await invoke('sync', 'status')).toMatchObject({ ok: true, value: { running: false, outbox: { pending: 0 }, lastRun: { report: { failed: [] } } } })
      const log = (await invoke('sync', 'log', { limit: 5 })) as { ok: true; value: { level: string; message: string }[] }
      expect(log.value).toHaveLength(5)
      expect(log.value[0]).toMatchObject({ level: 'info', message: expect.stringMatching(/^sync: \d+ pushed, \d+ reconciled/) })
    } finally {
      await server.stop()
    }
  })
})

describe('the provisioning capability: workbooks', () => {
  it('reads a workbook the wizard sends with the CLI\'s reader: its header row first, then a preview and commit of the chosen sheet', async () => {
    const workbook = await workbookUpload()
    const headers = await invoke('provisioning', 'workbookHeaders', { workbook })
    expect(headers).toEqual({ ok: true, value: { name: 'Staff', sheets: ['Lookup', 'Staff', 'Visitors'], headers: ['first_name', 'last_name', 'email', 'Notes'], notes: ['Hidden sheet "Lookup" was skipped.', expect.stringMatching(/^Column E and after have cells but no header/)] } })
    const preview = await invoke('provisioning', 'importPreview', { workbook })
    expect(preview).toMatchObject({ ok: true, value: { rows: 1, imported: 1, committed: false, sheet: { name: 'Staff', notes: ['Hidden sheet "Lookup" was skipped.', expect.stringMatching(/^Column E and after have cells but no header/)] } } })
    const other = { workbook: { ...workbook, sheet: 'Visitors' }, mapping: { first_name: 'Given', last_name: 'Family', email: 'Mail' } }
    expect(await invoke('provisioning', 'workbookHeaders', { workbook: other.workbook })).toMatchObject({ ok: true, value: { name: 'Visitors', headers: ['Given', 'Family', 'Mail'] } })
    const done = await invoke('provisioning', 'importCommit', other)
    expect(done).toMatchObject({ ok: true, value: { rows: 2, imported: 1, rejectedCount: 1, committed: true, sheet: { name: 'Visitors' } } })
    expect(t.services.site.snapshot().people.at(-1)).toMatchObject({ first_name: 'Vi', email: 'vi@example.com' })
  })

  it('names the user\'s workbook (not main\'s copy) when it cannot be read, and validates the upload', async () => {
    const truncated = Buffer.from((await workbookUpload()).base64, 'base64').subarray(0, 400).toString('base64')
    const result = await invoke('provisioning', 'importPreview', { workbook: { name: 'hr.xlsx', base64: truncated } })
    expect(result).toEqual({ ok: false, error: { code: 'import_xlsx_unreadable', message: expect.stringMatching(/^hr\.xlsx: the workbook is corrupt or truncated/) } })
    const encrypted = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(600).fill(0)]).toString('base64')
    expect(await invoke('provisioning', 'workbookHeaders', { workbook: { name: 'secret.xlsx', base64: encrypted } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^secret\.xlsx: the workbook is password-protected/) } })
    expect(await invoke('provisioning', 'importPreview', { workbook: { name: 'x.xlsx', base64: 'not base64!' } })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await invoke('site', 'summary')).toMatchObject({ value: { counts: { people: 40 } } })
  })

  it('exports people as an XLSX workbook that reads back, formula-safe', async () => {
    await invoke('provisioning', 'savePerson', { first_name: '=HYPERLINK("https://x.example","Ada")', last_name: 'Lovelace', email: 'ada@example.com', enabled: true, group_ids: [1] })
    const file = await invoke('provisioning', 'exportXlsx', { kind: 'people' })
    expect(file).toMatchObject({ ok: true, value: { filename: 'people.xlsx', base64: expect.any(String) } })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from((file as { value: { base64: string } }).value.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('People')
    const values = sheet?.getSheetValues().flat().map(String) ?? []
    expect(values).toContain('ada@example.com')
    expect(values).toContain(`'=HYPERLINK("https://x.example","Ada")`)
  })
})
