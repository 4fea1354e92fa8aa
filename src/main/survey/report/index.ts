import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LintelError } from '../../../shared/contract/result'
import type { DoorSurvey, ReportFile, ReportFormat } from '../../../shared/domain/survey'
import type { Sample } from '../../../shared/rf'
import { SurveyErrorCode } from '../surveyFiles'
import { reportHtml } from './html'
import { checkProject, coverageMap } from '../../../shared/plan'
import { planReportHtml } from './planPages'

/** Turns a self-contained HTML page into PDF bytes. Node: Debian's Chromium; Electron: printToPDF. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>
}

/** Raw samples in the CSV `survey analyze` reads back (time in epoch ms). */
export function samplesCsv(samples: readonly Sample[]): string {
  const lines = ['time,rssi,distance,channel,side']
  for (const s of samples) lines.push(`${s.t},${s.rssi},${s.distance_m},${s.channel ?? ''},${s.side}`)
  return `${lines.join('\n')}\n`
}

/** Writes the report under `<user data>/reports/` and says where. */
export async function writeReport(survey: DoorSurvey, format: ReportFormat, userDataDir: string, pdf?: PdfPrinter): Promise<ReportFile> {
  const dir = join(userDataDir, 'reports')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `survey-${survey.id}.${format}`)
  const bytes = await reportBytes(survey, format, pdf)
  writeFileSync(path, bytes)
  return { path, format, bytes: bytes.byteLength }
}

async function reportBytes(survey: DoorSurvey, format: ReportFormat, pdf?: PdfPrinter): Promise<Uint8Array> {
  const html = () => reportHtml(survey, survey.analysis, new Date().toISOString())
  switch (format) {
    case 'csv':
      return Buffer.from(samplesCsv(survey.samples))
    case 'json':
      return Buffer.from(JSON.stringify(survey, null, 1))
    case 'html':
      return Buffer.from(html())
    case 'pdf':
      if (!pdf) throw new LintelError(SurveyErrorCode.pdfUnavailable, 'PDF export needs Chromium: install it (sudo apt-get install chromium) or export HTML and print it.')
      return pdf.print(html())
  }
}

/**
 * Writes the floor-plan report (one plan page per door) under `<user data>/reports/`. The project is
 * checked as `lintel survey map` checks its file: a refusal carries the same project_* code and path.
 */
export async function writePlanReport(project: unknown, format: 'html' | 'pdf', userDataDir: string, pdf?: PdfPrinter): Promise<ReportFile> {
  const checked = checkProject(project)
  if (!checked.ok) throw new LintelError(checked.code, `${checked.path}: ${checked.message}`)
  if (format === 'pdf' && !pdf) throw new LintelError(SurveyErrorCode.pdfUnavailable, 'PDF export needs Chromium: install it (sudo apt-get install chromium) or export HTML and print it.')
  const html = planReportHtml(checked.project, coverageMap(checked.project), new Date().toISOString())
  const dir = join(userDataDir, 'reports')
  mkdirSync(dir, { recursive: true })
  const name = (checked.project.name ?? 'survey-project').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'survey-project'
  const path = join(dir, `plan-${name}.${format}`)
  const bytes = format === 'pdf' ? await pdf!.print(html) : Buffer.from(html)
  writeFileSync(path, bytes)
  return { path, format, bytes: bytes.byteLength }
}
