/** pdf-lib, loaded on the first split: a megabyte of code that only onboarding PDFs need. */
const pdfLib = () => import('pdf-lib')

/**
 * Splits one printed PDF into files of consecutive pages, `counts[i]` pages for file i (pdf-lib,
 * pure JS). A batch is printed once and split per person: one `page.pdf()` costs ~1.5 s on a loaded
 * machine, so one print for the lot beats one per sheet. Each file gets `titles[i]` as its title.
 */
export async function splitPdf(bytes: Uint8Array, counts: readonly number[], titles: readonly string[] = []): Promise<Uint8Array[]> {
  const { PDFDocument } = await pdfLib()
  const source = await PDFDocument.load(bytes)
  const total = source.getPageCount()
  const wanted = counts.reduce((a, b) => a + b, 0)
  if (wanted !== total || counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`cannot split a ${total}-page PDF into ${counts.join('+')} pages`)
  const files: Uint8Array[] = []
  let first = 0
  for (const [i, n] of counts.entries()) {
    const out = await PDFDocument.create()
    const pages = await out.copyPages(source, Array.from({ length: n }, (_, k) => first + k))
    for (const page of pages) out.addPage(page)
    const title = titles[i]
    if (title) out.setTitle(title)
    out.setProducer('Lintel')
    files.push(await out.save())
    first += n
  }
  return files
}

/** The number of pages of a PDF. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const { PDFDocument } = await pdfLib()
  return (await PDFDocument.load(bytes)).getPageCount()
}
