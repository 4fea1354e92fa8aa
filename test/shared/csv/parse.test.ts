import { describe, expect, it } from 'vitest'
import { CsvParser, CsvSyntaxError, parseCsv } from '../../../src/shared/csv/parse'
import { csvCell, csvLine } from '../../../src/shared/csv/write'

const fieldsOf = (text: string): string[][] => parseCsv(text).map((r) => r.fields)

describe('CsvParser', () => {
  it.each([
    ['plain LF lines', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF lines and no final newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['a UTF-8 byte order mark', '\uFEFFemail\r\nx@y.z\r\n', [['email'], ['x@y.z']]],
    ['quoted commas', '"Smith, Jo",2\n', [['Smith, Jo', '2']]],
    ['escaped quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['line breaks inside quotes', '"two\r\nlines",x\n', [['two\r\nlines', 'x']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['blank lines skipped', 'a\n\n\r\nb\n', [['a'], ['b']]],
    ['non-ASCII text', 'Zoë,Ødegaard\n', [['Zoë', 'Ødegaard']]]
  ])('reads %s', (_name, text, expected) => {
    expect(fieldsOf(text)).toEqual(expected)
  })

  it('gives each record the line where it starts, counting line breaks inside quotes', () => {
    const records = parseCsv('h1,h2\n"a\nb",1\r\n\r\nc,2\n')
    expect(records.map((r) => r.line)).toEqual([1, 2, 5])
  })

  it('reads the same records whatever the chunk boundaries', () => {
    const text = '\uFEFFname,note\r\n"O\'Connor, L","said ""ok""\r\nthen left"\r\nplain,x\r\n'
    const whole = parseCsv(text)
    for (let size = 1; size <= 7; size++) {
      const parser = new CsvParser()
      const records = []
      for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)))
      records.push(...parser.end())
      expect(records).toEqual(whole)
    }
  })

  it('reports a quote that is never closed with the line its record starts on', () => {
    expect(() => parseCsv('a\nb\n"open,1\n2\n')).toThrow(CsvSyntaxError)
    expect(() => parseCsv('a\nb\n"open,1\n2\n')).toThrow(/^line 3/)
  })
})

describe('csvCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "x"', '"say ""x"""'],
    ['=1,2', `"'=1,2"`]
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('ends lines with CRLF and round-trips through the parser', () => {
    const line = csvLine(['a,b', 'c"d', 'line\nbreak'])
    expect(line.endsWith('\r\n')).toBe(true)
    expect(fieldsOf(line)).toEqual([['a,b', 'c"d', 'line\nbreak']])
  })
})
