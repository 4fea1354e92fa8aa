import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { chromiumPdfSession } from '../../../src/main/onboarding/pdfSession'
import { pdfPageCount, splitPdf } from '../../../src/main/onboarding/pdfSplit'
import { OnboardingService, type OnboardingFile } from '../../../src/main/services/onboardingService'
import { SiteService } from '../../../src/main/services/siteService'
import { pdfPageTexts } from '../../helpers/pdfText'

const SITE = 'test/fixtures/diagnose/site.json'
/** Chromium kerns text into many runs, so words are compared without their spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '')

async function pages(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < n; i++) doc.addPage().drawText(`page ${i + 1}`, { font, x: 50, y: 700 })
  return doc.save()
}

describe('splitting one printed PDF', () => {
  it('makes one valid PDF per run of pages, titled, and refuses counts that do not add up', async () => {
    const parts = await splitPdf(await pages(4), [1, 2, 1], ['A', 'B', 'C'])
    expect(await Promise.all(parts.map((p) => pdfPageCount(p)))).toEqual([1, 2, 1])
    expect((await PDFDocument.load(parts[1]!)).getTitle()).toBe('B')
    await expect(splitPdf(await pages(3), [1, 1])).rejects.toThrow(/3-page PDF/)
    await expect(splitPdf(await pages(2), [2, 0])).rejects.toThrow(/cannot split/)
  })
})

describe('a batch of per-person PDFs', () => {
  it("prints once and splits: each file is a one-page PDF with that person's sheet", async () => {
    const site = await SiteService.open(SITE, 'file')
    let prints = 0
    const session = chromiumPdfSession()
    const counted = { print: async (html: string) => (prints++, session.print(html)), close: () => session.close() }
    const service = new OnboardingService({ site, pdf: { print: () => Promise.reject(new Error('the batch prints through its session')) }, pdfSession: () => counted })
    const list = service.newlyIssued('2026-10-01T00:00:00Z')
    expect(list).toHaveLength(2)
    const files: OnboardingFile[] = []
    await service.renderBatch(list, 'pdf', async (file) => void files.push(file))
    expect(prints).toBe(1)
    expect(files.map((f) => f.filename)).toEqual(['onboarding-alice-able.pdf', 'onboarding-bob-baker.pdf'])
    for (const file of files) {
      const texts = await pdfPageTexts(file.bytes)
      expect(texts).toHaveLength(1)
      expect(squeeze(texts[0]!)).toContain(squeeze(`Your phone as a key — ${file.sheet.person.name}`))
      for (const other of files.filter((f) => f !== file)) expect(squeeze(texts[0]!)).not.toContain(squeeze(other.sheet.person.name))
      expect((await PDFDocument.load(file.bytes)).getTitle()).toBe(`Your phone as a key — ${file.sheet.person.name}`)
    }
  }, 60_000)
})
