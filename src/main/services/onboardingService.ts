import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LintelError } from '../../shared/contract/result'
import type { Id } from '../../shared/domain/site'
import { onboardingSheet, type OnboardingSheet } from '../../shared/onboarding/sheet'
import { emlDraft } from '../onboarding/eml'
import { onboardingBatchHtml, onboardingHtml, sheetTitle } from '../onboarding/sheetHtml'
import { pdfPageCount, splitPdf } from '../onboarding/pdfSplit'
import type { PdfSession } from '../onboarding/pdfSession'
import type { PdfPrinter } from '../survey/report'
import type { SiteService } from './siteService'

export type OnboardingFormat = 'html' | 'pdf' | 'eml'

/** A rendered sheet: the file's bytes and type, and what the helpdesk should know about it. */
export interface OnboardingFile {
  bytes: Uint8Array
  contentType: string
  filename: string
  sheet: OnboardingSheet
  /** The sheet's warnings, plus any about the file itself (a PDF that could not be made). */
  notes: string[]
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

/** Onboarding sheets for the phone holder, made offline from the open site: HTML, PDF, or an email draft with the sheet attached. */
export class OnboardingService {
  constructor(private readonly deps: { site: SiteService; pdf: PdfPrinter; userDataDir?: string; pdfSession?: () => PdfSession }) {}

  /**
   * Renders many sheets, one after another, through one PDF session when there is one (a batch
   * after an import), handing each file to `each` as it is made.
   */
  async renderBatch(list: readonly { person: Id; credential: Id }[], format: OnboardingFormat, each: (file: OnboardingFile) => Promise<void>): Promise<void> {
    const session = this.deps.pdfSession?.()
    const batch = session ? new OnboardingService({ ...this.deps, pdf: session }) : this
    try {
      if (format !== 'html' && list.length > 1) {
        const printed = await batch.printedOnce(list, format === 'eml')
        if (printed) {
          for (const { sheet, pdf } of printed) await each(await batch.renderSheet(sheet, format, pdf))
          return
        }
      }
      for (const item of list) await each(await batch.render(item.person, item.credential, format))
    } finally {
      await session?.close()
    }
  }

  /**
   * Each sheet's PDF from one print: the sheets in one document (each starts a page), printed once
   * and split page by page (one `page.pdf()` costs ~1.5 s on a loaded machine). Null when a sheet
   * took more than one page, so the pages cannot be told apart, or, for email drafts
   * (`tolerant`), when no PDF can be made: the caller then renders each sheet on its own.
   */
  private async printedOnce(list: readonly { person: Id; credential: Id }[], tolerant: boolean): Promise<{ sheet: OnboardingSheet; pdf: Uint8Array }[] | null> {
    const sheets = list.map((item) => this.sheet(item.person, item.credential))
    let printed: Uint8Array
    try {
      printed = await this.deps.pdf.print(await onboardingBatchHtml(sheets))
    } catch (error) {
      if (tolerant) return null
      throw error
    }
    if ((await pdfPageCount(printed)) !== sheets.length) return null
    const parts = await splitPdf(printed, sheets.map(() => 1), sheets.map((s) => sheetTitle(s)))
    return sheets.map((sheet, i) => ({ sheet, pdf: parts[i]! }))
  }

  /** The sheet's content for a person (id or email) and one of their phone credentials. */
  sheet(person: Id | string, credentialId?: Id): OnboardingSheet {
    return onboardingSheet(this.deps.site.snapshot(), person, credentialId)
  }

  /**
   * The people to onboard after an import: everyone with a usable phone credential issued at or
   * after `since` (an ISO instant), newest credential each, in site order.
   */
  newlyIssued(since: string): { person: Id; credential: Id }[] {
    const site = this.deps.site.snapshot()
    const from = Date.parse(since)
    const phoneTypes = new Set(site.credential_types.filter((t) => t.format === 'mobile').map((t) => t.id))
    const latest = new Map<Id, Id>()
    for (const c of site.credentials) {
      if (!phoneTypes.has(c.credential_type_id) || !c.issued_at || Date.parse(c.issued_at) < from) continue
      if (c.status === 'revoked' || c.status === 'disabled' || !c.enabled) continue
      latest.set(c.person_id, c.id)
    }
    return [...latest].map(([person, credential]) => ({ person, credential }))
  }

  /** Writes the sheet under the user-data folder's onboarding/ (the app's Save action). */
  async exportFile(person: Id | string, credentialId: Id | undefined, format: OnboardingFormat): Promise<{ path: string; format: OnboardingFormat; bytes: number; warnings: string[] }> {
    const file = await this.render(person, credentialId, format)
    const dir = join(this.deps.userDataDir ?? '.', 'onboarding')
    await mkdir(dir, { recursive: true })
    const path = join(dir, file.filename)
    await writeFile(path, file.bytes)
    return { path, format, bytes: file.bytes.length, warnings: file.notes }
  }

  /** Every sheet of a batch in one file (HTML or PDF, one sheet per page): one print for the lot. */
  async renderOneFile(list: readonly { person: Id; credential: Id }[], format: 'html' | 'pdf'): Promise<{ bytes: Uint8Array; filename: string; sheets: OnboardingSheet[] }> {
    const sheets = list.map((item) => this.sheet(item.person, item.credential))
    const html = await onboardingBatchHtml(sheets)
    const bytes = format === 'pdf' ? await this.deps.pdf.print(html) : Buffer.from(html, 'utf8')
    return { bytes, filename: `onboarding-batch.${format}`, sheets }
  }

  /** The sheet as a file. For `eml`, the PDF is attached, or the HTML when no PDF can be made here (noted). */
  async render(person: Id | string, credentialId: Id | undefined, format: OnboardingFormat): Promise<OnboardingFile> {
    return this.renderSheet(this.sheet(person, credentialId), format)
  }

  /** A sheet as a file, using `printed` as its PDF when the batch already has it. */
  private async renderSheet(sheet: OnboardingSheet, format: OnboardingFormat, printed?: Uint8Array): Promise<OnboardingFile> {
    const html = await onboardingHtml(sheet)
    const base = `onboarding-${slug(sheet.person.name)}`
    if (format === 'html') return { bytes: Buffer.from(html, 'utf8'), contentType: 'text/html', filename: `${base}.html`, sheet, notes: sheet.warnings }
    if (format === 'pdf') return { bytes: printed ?? (await this.deps.pdf.print(html)), contentType: 'application/pdf', filename: `${base}.pdf`, sheet, notes: sheet.warnings }
    const notes = [...sheet.warnings]
    let attachment = { filename: `${base}.html`, contentType: 'text/html', bytes: Buffer.from(html, 'utf8') as Uint8Array }
    try {
      attachment = { filename: `${base}.pdf`, contentType: 'application/pdf', bytes: printed ?? (await this.deps.pdf.print(html)) }
    } catch (error) {
      notes.push(`The sheet is attached as HTML: ${error instanceof LintelError ? error.message : 'no PDF could be made here'}.`)
    }
    const body = [`Hello ${sheet.person.name.split(' ')[0]},`, '', `Your phone can now open doors at ${sheet.site}. The attached sheet shows the steps:`, '', ...sheet.steps.map((s, i) => `${i + 1}. ${s.title}: ${s.text}`), '', 'The helpdesk'].join('\n')
    const eml = emlDraft({ to: sheet.person.email, subject: `Your phone as a key at ${sheet.site}`, body, attachment })
    return { bytes: Buffer.from(eml, 'utf8'), contentType: 'message/rfc822', filename: `${base}.eml`, sheet, notes }
  }
}
