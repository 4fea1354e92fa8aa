import { fitImageSize } from './planEditor'

/** A PDF page is rendered at this resolution (PDF units are 1/72 in), then kept under 50 MP. */
const PDF_DPI = 150

/**
 * Renders the first page of a PDF plan to a PNG data URL, in the renderer, with pdfjs-dist 4.10.38
 * (its last release for Node 20; later ones need Node ≥ 22). Loaded only when a PDF is chosen, so the
 * rest of the app and jsdom never import it. Script evaluation in fonts is off (`isEvalSupported:
 * false`): the CSP forbids it anyway, and it was the way in for CVE-2024-4367.
 */
export async function renderPdfFirstPage(data: ArrayBuffer): Promise<{ dataUrl: string; widthPx: number; heightPx: number; originalWidthPx: number; originalHeightPx: number; pages: number }> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')])
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default
  const task = pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS })
  const doc = await task.promise
  try {
    const page = await doc.getPage(1)
    const full = page.getViewport({ scale: PDF_DPI / 72 })
    const original = { originalWidthPx: Math.ceil(full.width), originalHeightPx: Math.ceil(full.height) }
    const fit = fitImageSize(original.originalWidthPx, original.originalHeightPx)
    const viewport = page.getViewport({ scale: (PDF_DPI / 72) * (fit.widthPx / original.originalWidthPx) })
    const canvas = document.createElement('canvas')
    canvas.width = fit.widthPx
    canvas.height = fit.heightPx
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no canvas')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    await page.render({ canvasContext: ctx, viewport }).promise
    return { dataUrl: canvas.toDataURL('image/png'), widthPx: fit.widthPx, heightPx: fit.heightPx, ...original, pages: doc.numPages }
  } finally {
    await task.destroy()
  }
}
