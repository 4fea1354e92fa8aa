import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

/** The attachment of an email draft, decoded from base64. */
function attachment(eml: string): Buffer {
  const boundary = /boundary="([^"]+)"/.exec(eml)![1]!
  const part = eml.split(`--${boundary}`).slice(1, -1)[1]!
  return Buffer.from(part.split('\r\n\r\n').slice(1).join('').replace(/\r\n/g, ''), 'base64')
}

/** The batch through a real Chromium session, counting its prints. */
async function printBatch(sitePath: string, format: 'pdf' | 'eml' = 'pdf', chromium?: string): Promise<{ files: OnboardingFile[]; prints: number }> {
  const site = await SiteService.open(sitePath, 'file')
  let prints = 0
  const session = chromium === undefined ? chromiumPdfSession() : chromiumPdfSession(chromium)
  const counted = { print: async (html: string) => (prints++, session.print(html)), close: () => session.close() }
  const service = new OnboardingService({ site, pdf: { print: () => Promise.reject(new Error('the batch prints through its session')) }, pdfSession: () => counted })
  const files: OnboardingFile[] = []
  await service.renderBatch(service.newlyIssued('2026-10-01T00:00:00Z'), format, async (file) => void files.push(file))
  return { files, prints }
}

describe('a batch of per-person PDFs', () => {
  it('a sheet longer than a page: each sheet printed on its own, every page of it in its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lintel-onboarding-long-'))
    try {
      const site = JSON.parse(readFileSync(SITE, 'utf8')) as { people: { id: number; last_name: string }[] }
      site.people.find((p) => p.id === 101)!.last_name = `Baker ${'Longname '.repeat(900)}`.trim()
      writeFileSync(join(dir, 'site.json'), JSON.stringify(site))
      const { files, prints } = await printBatch(join(dir, 'site.json'))
      expect(prints).toBe(3)
      const [alice, bob] = await Promise.all(files.map((f) => pdfPageTexts(f.bytes)))
      expect(alice).toHaveLength(1)
      expect(squeeze(alice![0]!)).toContain('AliceAble')
      expect(bob!.length).toBeGreaterThan(1)
      expect(squeeze(bob![0]!)).toContain('BobBakerLongname')
      expect(squeeze(bob!.join(''))).not.toContain('AliceAble')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)

  it("prints once and splits: each file is a one-page PDF with that person's sheet", async () => {
    const { files, prints } = await printBatch(SITE)
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

  it("email drafts: one print for the batch, each draft with that person's one-page PDF attached", async () => {
    const { files, prints } = await printBatch(SITE, 'eml')
    expect(prints).toBe(1)
    expect(files.map((f) => f.filename)).toEqual(['onboarding-alice-able.eml', 'onboarding-bob-baker.eml'])
    for (const file of files) {
      const eml = Buffer.from(file.bytes).toString('utf8')
      expect(eml).toContain(`filename="onboarding-${file.sheet.person.name.toLowerCase().replace(' ', '-')}.pdf"`)
      const texts = await pdfPageTexts(attachment(eml))
      expect(texts).toHaveLength(1)
      expect(squeeze(texts[0]!)).toContain(squeeze(file.sheet.person.name))
    }
  }, 60_000)

  it('email drafts where no PDF can be made (a Chromium that will not start): each attaches its HTML sheet, noted', async () => {
    const { files } = await printBatch(SITE, 'eml', '/nonexistent/chromium')
    expect(files).toHaveLength(2)
    for (const file of files) expect(file.notes.join(' ')).toMatch(/attached as HTML: no PDF could be made here/)
  })
})
