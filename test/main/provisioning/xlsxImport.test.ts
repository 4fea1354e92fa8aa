import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'

const dir = mkdtempSync(join(tmpdir(), 'lintel-xlsx-'))
let n = 0
const db = (): string => join(dir, `db-${++n}.db`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A workbook as people make them: a hidden lookup sheet first, dates, formulas with cached values, a merged header. */
async function workbook(name = 'people.xlsx'): Promise<string> {
  const book = new ExcelJS.Workbook()
  const lookup = book.addWorksheet('Lookup', { state: 'hidden' })
  lookup.addRow(['not', 'people'])
  const sheet = book.addWorksheet('People')
  sheet.addRow(['first_name', 'last_name', 'email', 'valid_from', 'Notes', ''])
  sheet.mergeCells('E1:F1')
  sheet.addRow([{ formula: 'HYPERLINK("https://x.example","Ada")', result: 'Ada' }, 'Lovelace', 'ada@example.com', new Date(Date.UTC(2026, 6, 1)), 'a', 'b'])
  sheet.addRow(['Bob', { formula: 'UPPER("smith")', result: 'SMITH' }, 'bob@example.com', '', '', ''])
  sheet.addRow(['Eve', 'NoResult', { formula: 'CONCAT("eve","@example.com")' }, '', '', ''])
  sheet.getCell('D2').numFmt = 'yyyy-mm-dd'
  const path = join(dir, name)
  await book.xlsx.writeFile(path)
  return path
}

type Person = { first_name: string; last_name: string; email: string; valid_from?: string }
const people = async (path: string): Promise<Person[]> => (await cli('people', '--db', path, '--json')).json<{ people: Person[] }>().people

describe('lintel import <file.xlsx>', () => {
  it('reads the first visible sheet: cached formula values (never evaluated), dates in the site\'s zone; reports the hidden sheet and the merged header', async () => {
    const path = db()
    const run = await cli('import', await workbook(), '--db', path, '--time-zone', 'Europe/Berlin', '--json')
    expect(run.code).toBe(0)
    expect(run.json()).toMatchObject({ rows: 3, imported: 2, sheet: 'People', notes: ['Hidden sheet "Lookup" was skipped.', expect.stringMatching(/Column F and after have cells but no header \(merged header cells\?\)/)] })
    expect(run.json<{ rejected: { row: number; column: string }[] }>().rejected).toEqual([expect.objectContaining({ row: 4, column: 'email' })])
    expect(run.err).toMatch(/note: .*Hidden sheet "Lookup" was skipped/)
    const list = await people(path)
    expect(list.find((p) => p.email === 'ada@example.com')).toMatchObject({ first_name: 'Ada', valid_from: '2026-06-30T22:00:00Z' })
    expect(list.find((p) => p.email === 'bob@example.com')?.last_name).toBe('SMITH')
  })

  it('reads a sheet chosen by name or number, and names the sheets when there is no such one (exit 2)', async () => {
    const file = await workbook('chosen.xlsx')
    expect((await cli('import', file, '--db', db(), '--sheet', '2', '--dry-run', '--json')).json()).toMatchObject({ sheet: 'People' })
    const missing = await cli('import', file, '--db', db(), '--sheet', 'Staff', '--json')
    expect(missing.code).toBe(2)
    expect(missing.json()).toMatchObject({ ok: false, error: { code: 'import_no_sheet', message: expect.stringMatching(/The sheets are: Lookup, People/) } })
  })

  it.each([
    ['password-protected', (good: Buffer) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), good.subarray(8)]), /password-protected/],
    ['truncated', (good: Buffer) => good.subarray(0, Math.floor(good.length / 2)), /corrupt or truncated/],
    ['a zip bomb', (good: Buffer) => bomb(good), /would unpack to more than 1 GB/]
  ])('refuses a %s workbook with a clear error naming the file, writing nothing (exit 2)', async (name, spoil, message) => {
    const good = readFileSync(await workbook(`good-${name}.xlsx`))
    const bad = join(dir, `bad-${name}.xlsx`)
    writeFileSync(bad, spoil(good))
    const path = db()
    const run = await cli('import', bad, '--db', path, '--json')
    expect(run.code).toBe(2)
    expect(run.json()).toMatchObject({ ok: false, error: { code: 'import_xlsx_unreadable', message: expect.stringMatching(message) } })
    expect(run.json<{ error: { message: string } }>().error.message.startsWith(bad)).toBe(true)
    expect(await people(path)).toEqual([])
  })
})

/** Declares a huge uncompressed size for the first entry in the central directory. */
function bomb(good: Buffer): Buffer {
  const copy = Buffer.from(good)
  const eocd = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const dirOffset = copy.readUInt32LE(eocd + 16)
  copy.writeUInt32LE(0xfffffff0, dirOffset + 24)
  return copy
}

describe('lintel export --format xlsx', () => {
  it('writes people and credentials as a workbook: formulas neutralised, PINs masked, booleans kept', async () => {
    const path = db()
    const csv = join(dir, 'formula.csv')
    writeFileSync(csv, 'first_name,last_name,email,pin\n"=HYPERLINK(""http://evil.example"",""Ada"")",@Lovelace,ada@example.com,583920\n')
    expect((await cli('import', csv, '--db', path, '--json')).json()).toMatchObject({ imported: 1 })
    const peopleFile = join(dir, 'people.xlsx')
    expect((await cli('export', '--people', '--format', 'xlsx', '--out', peopleFile, '--db', path, '--json')).json()).toMatchObject({ file: peopleFile })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(peopleFile)
    const row = book.getWorksheet('People')?.getRow(2)
    expect(row?.getCell(2).value).toBe('\'=HYPERLINK("http://evil.example","Ada")')
    expect(row?.getCell(3).value).toBe('\'@Lovelace')
    expect(row?.getCell(5).value).toBe(true)
    expect(row?.getCell(2).formula).toBeUndefined()
    const credFile = join(dir, 'credentials.xlsx')
    await cli('export', '--credentials', '--format', 'xlsx', '--out', credFile, '--db', path)
    const creds = new ExcelJS.Workbook()
    await creds.xlsx.readFile(credFile)
    expect(creds.getWorksheet('Credentials')?.getRow(2).getCell(5).value).toBe('••••')
  })

  it('needs --out and refuses a snapshot or an unknown format (exit 2)', async () => {
    expect((await cli('export', '--people', '--format', 'xlsx', '--db', db())).code).toBe(2)
    expect((await cli('export', '--snapshot', '--format', 'xlsx', '--out', join(dir, 'x.xlsx'), '--db', db())).code).toBe(2)
    expect((await cli('export', '--people', '--format', 'ods', '--db', db())).code).toBe(2)
  })
})

describe('checkWorkbookFile', () => {
  it('catches a workbook whose entries inflate past the cap even when the archive declares small sizes', async () => {
    const { deflateRawSync } = await import('node:zlib')
    const { checkWorkbookFile } = await import('../../../src/main/provisioning/xlsxSource')
    // One entry of 8 MB of zeros that declares 10 bytes: passes the declared-size check, not the inflation.
    const data = deflateRawSync(Buffer.alloc(8 << 20))
    const name = Buffer.from('xl/worksheets/sheet1.xml')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(10, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(10, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(0, 42)
    const dirOffset = 30 + name.length + data.length
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(1, 8)
    end.writeUInt16LE(1, 10)
    end.writeUInt32LE(46 + name.length, 12)
    end.writeUInt32LE(dirOffset, 16)
    const path = join(dir, 'liar.xlsx')
    writeFileSync(path, Buffer.concat([local, name, data, central, name, end]))
    await expect(checkWorkbookFile(path)).resolves.toBeUndefined()
    await expect(checkWorkbookFile(path, 4 << 20)).rejects.toMatchObject({ code: 'import_xlsx_unreadable', message: expect.stringMatching(/would unpack to more than 4 MB/) })
    const corrupt = Buffer.concat([local, name, Buffer.alloc(data.length, 0xff), central, name, end])
    writeFileSync(path, corrupt)
    await expect(checkWorkbookFile(path)).rejects.toMatchObject({ code: 'import_xlsx_unreadable', message: expect.stringMatching(/corrupt or truncated/) })
  })
})
