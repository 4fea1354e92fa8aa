import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { dateStyles, isDateFormat, rowTexts, sharedStrings, unescapeXml } from '../../../src/main/provisioning/xlsxParts'
import { readWorkbook } from '../../../src/main/provisioning/xlsxSource'

const dir = mkdtempSync(join(tmpdir(), 'lintel-xlsx-reader-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A zip of these parts (deflated, or stored for names ending in !), as a workbook file. */
function zipFile(name: string, parts: Record<string, string>): string {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [key, text] of Object.entries(parts)) {
    const stored = key.endsWith('!')
    const path = Buffer.from(stored ? key.slice(0, -1) : key)
    const raw = Buffer.from(text)
    const data = stored ? raw : deflateRawSync(raw)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(stored ? 0 : 8, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(path.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(stored ? 0 : 8, 10)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(raw.length, 24)
    central.writeUInt16LE(path.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, path, data)
    centrals.push(central, path)
    offset += 30 + path.length + data.length
  }
  const centralDir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(centrals.length / 2, 8)
  end.writeUInt16LE(centrals.length / 2, 10)
  end.writeUInt32LE(centralDir.length, 12)
  end.writeUInt32LE(offset, 16)
  const file = join(dir, name)
  writeFileSync(file, Buffer.concat([...locals, centralDir, end]))
  return file
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

/** A workbook written as Excel writes one (not as exceljs does): 1904 dates, absolute targets, rich and phonetic strings. */
function excelWorkbook(name: string, date1904 = false): string {
  return zipFile(name, {
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Old &amp; gone" sheetId="1" state="hidden" r:id="rId1"/><sheet name="People" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels!': '<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="ws" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="ws" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    'xl/sharedStrings.xml': '<sst><si><t>first_name</t></si><si><t>last_name</t></si><si><t>email</t></si><si><t>valid_from</t></si><si><r><rPr><b/></rPr><t>Zo</t></r><r><t xml:space="preserve">ë </t></r></si><si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si><si><t>a&amp;b&lt;c&gt;</t></si><si/></sst>',
    'xl/styles.xml': '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="&quot;m&quot;0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': [
      `<worksheet ${NS}><sheetData>`,
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" s="1"/></row>',
      '<row r="2" spans="1:5"/>',
      '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" t="str"><f>LOWER("ZOE")&amp;"@example.com"</f><v>zoe@example.com</v></c><c r="D3" s="1"><v>46204</v></c></row>',
      '<row r="4"><c r="A4" t="inlineStr"><is><t>Inline</t></is></c><c r="B4" t="s"><v>6</v></c><c r="C4"><f>CONCAT("x","@example.com")</f></c><c r="D4" s="2"><v>46204.5</v></c><c r="F4" t="b"><v>1</v></c></row>',
      '<row><c t="e"><v>#N/A</v></c><c s="3"><v>12.5</v></c><c t="d"><v>2026-07-01T08:30:00</v></c><c t="s"><v>7</v></c></row>',
      '</sheetData><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells></worksheet>'
    ].join('')
  })
}

async function rowsOf(file: string, sheet?: string) {
  const read = await readWorkbook(file, sheet)
  const records = []
  for await (const batch of read.batches) records.push(...batch.records)
  return { read, records }
}

describe('the XLSX reader (the sheet\'s XML scanned as it inflates)', () => {
  it('reads cells as Excel shows them: shared, rich and inline strings, cached formula values, dates by style, booleans, errors, sparse cells', async () => {
    const { read, records } = await rowsOf(excelWorkbook('excel.xlsx'))
    expect(read.sheet).toBe('People')
    expect(read.sheets).toEqual(['Old & gone', 'People'])
    expect(read.notes).toEqual(['Hidden sheet "Old & gone" was skipped.', 'Column E and after have cells but no header (merged header cells?): they are not imported.'])
    expect(records).toEqual([
      { line: 1, fields: ['first_name', 'last_name', 'email', 'valid_from'] },
      { line: 3, fields: ['Zoë ', '山田', 'zoe@example.com', '2026-07-01'] },
      { line: 4, fields: ['Inline', 'a&b<c>', '=CONCAT("x","@example.com")', '2026-07-01 12:00', '', 'true'] },
      { line: 5, fields: ['#N/A', '12.5', '2026-07-01 08:30', ''] }
    ])
  })

  it('counts dates from 1904 when the workbook says so', async () => {
    const { records } = await rowsOf(excelWorkbook('mac.xlsx', true))
    expect(records[1]?.fields[3]).toBe('2030-07-02')
  })

  it('reads a hidden sheet when chosen, and says so', async () => {
    const { read, records } = await rowsOf(excelWorkbook('chosen.xlsx'), 'old & GONE')
    expect(read.notes).toEqual(['Sheet "Old & gone" is hidden in Excel; it was read because you chose it.'])
    expect(records).toEqual([{ line: 1, fields: ['hidden'] }])
  })

  it('reads parts whose elements carry a namespace prefix (<x:row>, as the OpenXML SDK writes them)', async () => {
    const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    const file = zipFile('sdk.xlsx', {
      'xl/workbook.xml': `<x:workbook ${x}><x:sheets><x:sheet name="Export" sheetId="1" r:id="R1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="R1" Type="ws" Target="/xl/worksheets/export.xml"/></Relationships>',
      'xl/sharedStrings.xml': `<x:sst ${x}><x:si><x:t>email</x:t></x:si><x:si><x:r><x:t>Zo</x:t></x:r><x:r><x:t>ë</x:t></x:r></x:si></x:sst>`,
      'xl/styles.xml': `<x:styleSheet ${x}><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`,
      'xl/worksheets/export.xml': `<x:worksheet ${x}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>first_name</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>valid_from</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="str"><x:f>A2&amp;"@example.com"</x:f><x:v>zoe@example.com</x:v></x:c><x:c r="C2" s="1"><x:v>46204</x:v></x:c></x:row></x:sheetData></x:worksheet>`
    })
    const { read, records } = await rowsOf(file)
    expect(read.sheet).toBe('Export')
    expect(records).toEqual([
      { line: 1, fields: ['first_name', 'email', 'valid_from'] },
      { line: 2, fields: ['Zoë', 'zoe@example.com', '2026-07-01'] }
    ])
  })

  it('refuses a zip that is not a workbook, naming the file', async () => {
    const file = zipFile('notes.xlsx', { 'notes.txt': 'hello' })
    await expect(readWorkbook(file)).rejects.toMatchObject({ code: 'import_xlsx_unreadable', message: expect.stringMatching(/notes\.xlsx: this is not an XLSX workbook/) })
  })

  it('stops cleanly when the caller has read enough (the wizard reads only the header row)', async () => {
    const read = await readWorkbook(excelWorkbook('early.xlsx'))
    for await (const batch of read.batches) {
      expect(batch.records[0]?.fields[0]).toBe('first_name')
      break
    }
  })
})

describe('the reader\'s parts', () => {
  it('splits the inflated text at whole rows, even when a chunk ends inside a character or a tag', async () => {
    const xml = Buffer.from('<row r="1"><c><v>é</v></c></row><row r="2"><c><v>2</v></c></row><x:row r="3"><x:c><x:v>3</x:v></x:c></x:row>')
    const cut = xml.indexOf(0xa9) // the second byte of é
    async function* chunks() {
      yield xml.subarray(0, cut)
      yield xml.subarray(cut, cut + 30)
      yield xml.subarray(cut + 30, xml.length - 5)
      yield xml.subarray(xml.length - 5)
    }
    const pieces: string[] = []
    for await (const piece of rowTexts(chunks())) pieces.push(piece)
    expect(pieces.join('')).toBe(xml.toString())
    expect(pieces.every((p) => /<\/(x:)?row>$/.test(p))).toBe(true)
    expect(pieces.at(-1)).toMatch(/<\/x:row>$/)
  })

  it('tells date formats from number formats', () => {
    expect(['yyyy-mm-dd', 'dd/mm/yyyy\\ hh:mm', '[$-409]mmm d, yyyy', 'h:mm AM/PM'].map(isDateFormat)).toEqual([true, true, true, true])
    expect(['0.00', '"m"0.00', '#,##0 [$€-407]', 'General', '@'].map(isDateFormat)).toEqual([false, false, false, false, false])
    expect(dateStyles('<numFmts><numFmt numFmtId="170" formatCode="yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="170"/><xf numFmtId="4"/></cellXfs>')).toEqual([false, true, true, false])
  })

  it('unescapes entities, character references and OOXML escapes', () => {
    expect(unescapeXml('a&amp;b &#233;&#xE9; x_x000D_y')).toBe('a&b éé x\ry')
    expect(sharedStrings('<sst><si><t/></si><si><t>x</t></si></sst>')).toEqual(['', 'x'])
  })
})
