import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib'

/** A ToUnicode CMap as glyph code → text (bfchar and bfrange entries, as Chromium writes them). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>()
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)))
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(code!, 16), utf16(text!))
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const start = parseInt(text!, 16)
      for (let c = parseInt(from!, 16); c <= parseInt(to!, 16); c++) map.set(c, String.fromCharCode(start + c - parseInt(from!, 16)))
    }
  }
  return map
}

const streamText = (stream: PDFObject | undefined): string => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : '')

/**
 * The text on each page of a PDF printed by Chromium: 2-byte glyph codes in `Tj`/`TJ` hex strings
 * mapped through each font's ToUnicode CMap, a space after each run (Chromium splits kerned words
 * into runs, so compare without spaces). Enough for tests to tell whose sheet a page is.
 */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes)
  return doc.getPages().map((page) => {
    const fonts = new Map<string, Map<number, string>>()
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict)
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(ref, PDFDict)
      fonts.set(name.asString(), toUnicode(streamText(doc.context.lookup(font.get(PDFName.of('ToUnicode'))))))
    }
    const contents = page.node.Contents()
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents]
    let text = ''
    let font = new Map<number, string>()
    for (const content of streams.map((s) => streamText(s as PDFObject))) {
      for (const [, name, hexes] of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj)/g)) {
        if (name) font = fonts.get(`/${name}`) ?? new Map()
        if (hexes) for (const [, hex] of hexes.matchAll(/<([0-9A-Fa-f]*)>/g)) text += (hex!.match(/.{4}/g) ?? []).map((h) => font.get(parseInt(h, 16)) ?? '').join('')
        if (hexes) text += ' '
      }
    }
    return text.replace(/\s+/g, ' ').trim()
  })
}
