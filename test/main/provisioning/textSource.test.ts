import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { bufferBytes, decodeText, TEXT_CHUNK_BYTES } from '../../../src/main/provisioning/textSource'

async function read(bytes: Uint8Array, encoding?: Parameters<typeof decodeText>[2]): Promise<{ text: string; encoding: string; bom: boolean }> {
  const decoded = await decodeText(bufferBytes(bytes), 'people.csv', encoding)
  let text = ''
  for await (const chunk of decoded.chunks) text += chunk
  return { text, encoding: decoded.encoding, bom: decoded.bom }
}

const TEXT = 'first_name;last_name\r\nZoë;Ødegaard\r\nRené;Müller\r\n'

describe('decodeText', () => {
  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8', true],
    ['UTF-8 without a BOM', Buffer.from(TEXT), 'utf-8', false],
    ['UTF-16 LE with a BOM (Excel\'s Unicode text)', iconv.encode(TEXT, 'utf-16le', { addBOM: true }), 'utf-16le', true],
    ['UTF-16 BE with a BOM', iconv.encode(TEXT, 'utf-16be', { addBOM: true }), 'utf-16be', true],
    ['Windows-1252 (Excel\'s CSV)', iconv.encode(TEXT, 'windows-1252'), 'windows-1252', false]
  ])('decodes %s to the same text, BOM dropped', async (_name, bytes, encoding, bom) => {
    expect(await read(bytes)).toEqual({ text: TEXT, encoding, bom })
  })

  it('reads a file that is ASCII for its first megabyte and Windows-1252 after as Windows-1252', async () => {
    const ascii = 'a;b\r\n'.repeat(300_000)
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('Zoë;x\r\n', 'windows-1252')])
    const result = await read(bytes)
    expect(result.encoding).toBe('windows-1252')
    expect(result.text.endsWith('Zoë;x\r\n')).toBe(true)
  })

  it('keeps a Windows-1252 letter that ends a chunk of a file that was ASCII until then', async () => {
    const ascii = 'a;b\r\n'.repeat(1000)
    const bytes = Buffer.concat([Buffer.from(ascii.padEnd(TEXT_CHUNK_BYTES - 4, 'x')), iconv.encode('Ren', 'windows-1252'), iconv.encode('é;y\r\n', 'windows-1252')])
    const result = await read(bytes)
    expect(result.encoding).toBe('windows-1252')
    expect(result.text.endsWith('René;y\r\n')).toBe(true)
  })

  it('refuses a file mixing UTF-8 and Windows-1252, naming the file and the line', async () => {
    const bytes = Buffer.concat([Buffer.from('a;b\r\nZoë;x\r\n'), iconv.encode('René;y\r\n', 'windows-1252')])
    await expect(read(bytes)).rejects.toMatchObject({ code: 'import_mixed_encoding', message: expect.stringMatching(/^people\.csv line 3: this line is not UTF-8/) })
    const other = Buffer.concat([iconv.encode('a;b\r\nRené;y\r\n', 'windows-1252'), Buffer.from('Zoë;x\r\n')])
    await expect(read(other)).rejects.toMatchObject({ message: expect.stringMatching(/^people\.csv line 3: this line is UTF-8, but the lines before it are Windows-1252/) })
  })

  it('treats a byte still cut at the end of the file as not UTF-8', async () => {
    await expect(read(Buffer.concat([Buffer.from('a;b\r\nZoë;x\r\nRen'), Buffer.from([0xe9])]))).rejects.toMatchObject({ code: 'import_mixed_encoding', message: expect.stringMatching(/line 3/) })
    expect(await read(Buffer.concat([Buffer.from('a;b\r\nRen'), Buffer.from([0xe9])]))).toEqual({ text: 'a;b\r\nRené', encoding: 'windows-1252', bom: false })
  })

  it('honours an encoding given by the user', async () => {
    expect((await read(iconv.encode(TEXT, 'utf-16le'), 'utf-16le')).text).toBe(TEXT)
    expect((await read(Buffer.from('Zoë'), 'windows-1252')).text).toBe('ZoÃ«')
  })
})
