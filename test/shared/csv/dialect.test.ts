import { describe, expect, it } from 'vitest'
import { detectEncoding, delimiterNamed, encodingOfWhole, encodingNamed, scanUtf8, sniffDelimiter } from '../../../src/shared/csv/dialect'
import { CsvParser, CsvSyntaxError, parseCsv } from '../../../src/shared/csv/parse'

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b)

describe('sniffDelimiter', () => {
  it.each([
    ['comma', 'first_name,last_name,email\nAda,Lovelace,ada@example.com\n', ','],
    ['semicolon (European Excel), with commas inside quotes', 'first_name;last_name;email\n"Lovelace, Ada";x;ada@example.com\nB;C;d@e.f\n', ';'],
    ['tab (Unicode text)', 'first_name\tlast_name\temail\nAda\tLove, lace\tada@example.com\n', '\t'],
    ['pipe', 'first_name|last_name|email\nA|B|c@d.e\n', '|'],
    ['a lone column', 'email\nada@example.com\n', ',']
  ])('finds the %s delimiter', (_name, text, expected) => {
    expect(sniffDelimiter(text)).toBe(expected)
  })

  it('prefers the delimiter that splits every line the same way over one that appears more often in a single line', () => {
    expect(sniffDelimiter('a;b;c\n1,2,3,4,5;6;7\nx;y;z\n')).toBe(';')
  })
})

describe('detectEncoding', () => {
  it.each([
    ['UTF-8 with a BOM', bytes(0xef, 0xbb, 0xbf, 0x61), { encoding: 'utf-8', bom: 3 }],
    ['UTF-16 LE with a BOM', bytes(0xff, 0xfe, 0x61, 0), { encoding: 'utf-16le', bom: 2 }],
    ['UTF-16 BE with a BOM', bytes(0xfe, 0xff, 0, 0x61), { encoding: 'utf-16be', bom: 2 }],
    ['UTF-8 without a BOM', new TextEncoder().encode('Zoë,Ødegaard'), { encoding: 'utf-8', bom: 0 }],
    ['Windows-1252 (é as one byte)', bytes(0x5a, 0x6f, 0xeb, 0x2c), { encoding: 'windows-1252', bom: 0 }],
    ['plain ASCII', bytes(0x61, 0x2c, 0x62), { encoding: 'utf-8', bom: 0 }]
  ])('detects %s', (_name, head, expected) => {
    expect(detectEncoding(head)).toEqual(expected)
  })

  it('leaves a UTF-8 sequence cut at the end of a chunk for the next one', () => {
    const e = new TextEncoder().encode('aé')
    expect(scanUtf8(e.subarray(0, 2))).toEqual({ invalidAt: -1, multiByteAt: -1, end: 1 })
    expect(scanUtf8(bytes(0x61, 0xe9, 0x62))).toMatchObject({ invalidAt: 1, multiByteAt: -1 })
  })
})

describe('named dialects', () => {
  it('reads the names users type', () => {
    expect([delimiterNamed('tab'), delimiterNamed('\\t'), delimiterNamed(';'), delimiterNamed('semicolon'), delimiterNamed('x')]).toEqual(['\t', '\t', ';', ';', undefined])
    expect([encodingNamed('UTF8'), encodingNamed('cp1252'), encodingNamed('utf-16le'), encodingNamed('ebcdic')]).toEqual(['utf-8', 'windows-1252', 'utf-16le', undefined])
  })
})

describe('CsvParser with a delimiter', () => {
  it('splits on the delimiter given, leaving commas inside fields', () => {
    expect(parseCsv('a;b\n"x;y";Lovelace, Ada\n', ';').map((r) => r.fields)).toEqual([['a', 'b'], ['x;y', 'Lovelace, Ada']])
    expect(parseCsv('a\tb\n1\t2\n', '\t').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']])
  })

  it('refuses a record longer than the cap, naming its line', () => {
    const parser = new CsvParser({ maxRecordChars: 100 })
    expect(() => parser.push(`a,b\n${'x'.repeat(200)}`)).toThrow(CsvSyntaxError)
    expect(() => new CsvParser({ maxRecordChars: 100 }).push(`a,b\n${'x'.repeat(200)}`)).toThrow(/line 2: a record is longer/)
  })
})

describe('encodingOfWhole', () => {
  const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)]
  it('finds Windows-1252 past the first chunk, and the line where a file turns from UTF-8 to Windows-1252', () => {
    expect(encodingOfWhole(Uint8Array.from([...utf8('a\n'.repeat(40_000)), 0xe9]))).toEqual({ encoding: 'windows-1252', bom: 0 })
    expect(encodingOfWhole(Uint8Array.from([...utf8('h\nZoë\nRen'), 0xe9, 0x0a]))).toEqual({ mixedAtLine: 3 })
    expect(encodingOfWhole(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('h\n'), 0xe9]))).toEqual({ mixedAtLine: 2 })
    expect(encodingOfWhole(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', bom: 2 })
  })
})
