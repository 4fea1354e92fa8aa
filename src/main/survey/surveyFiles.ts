import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LintelError } from '../../shared/contract/result'
import { DoorSurveySchema, type DoorSurvey, type SurveySummary } from '../../shared/domain/survey'
import type { Logger } from '../logger'

export const SurveyErrorCode = {
  notFound: 'survey_not_found',
  unreadable: 'survey_unreadable',
  busy: 'survey_busy',
  noSamples: 'survey_no_samples',
  badMark: 'survey_bad_mark',
  badReference: 'calibration_bad_reference',
  noSharedMarks: 'calibration_no_shared_marks',
  pdfUnavailable: 'report_pdf_unavailable'
} as const

/** Survey sessions as JSON files under `<user data>/surveys/`, one per survey, written atomically. */
export class SurveyFiles {
  readonly dir: string

  constructor(
    userDataDir: string,
    private readonly log: Logger
  ) {
    this.dir = join(userDataDir, 'surveys')
  }

  save(survey: DoorSurvey): void {
    mkdirSync(this.dir, { recursive: true })
    const path = this.pathOf(survey.id)
    writeFileSync(`${path}.tmp`, JSON.stringify(survey))
    renameSync(`${path}.tmp`, path)
  }

  load(id: string): DoorSurvey {
    let text: string
    try {
      text = readFileSync(this.pathOf(id), 'utf8')
    } catch {
      throw new LintelError(SurveyErrorCode.notFound, `There is no saved survey ${id}.`)
    }
    const parsed = DoorSurveySchema.safeParse(safeJson(text))
    if (!parsed.success) throw new LintelError(SurveyErrorCode.unreadable, `The saved survey ${id} is damaged and cannot be opened.`)
    return parsed.data
  }

  delete(id: string): void {
    rmSync(this.pathOf(id), { force: true })
  }

  /** Newest first; damaged files are skipped with a warning. */
  list(): SurveySummary[] {
    let names: string[]
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json'))
    } catch {
      return []
    }
    const summaries: SurveySummary[] = []
    for (const name of names) {
      try {
        summaries.push(summaryOf(this.load(name.slice(0, -5))))
      } catch {
        this.log.warn(`skipped the damaged survey file ${name}`)
      }
    }
    return summaries.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  private pathOf(id: string): string {
    if (!/^[a-z0-9-]{6,64}$/.test(id)) throw new LintelError(SurveyErrorCode.notFound, `There is no saved survey ${id.slice(0, 80)}.`)
    return join(this.dir, `${id}.json`)
  }
}

export function summaryOf(survey: DoorSurvey): SurveySummary {
  const a = survey.analysis
  return {
    id: survey.id,
    createdAt: survey.createdAt,
    readerName: survey.reader.name,
    address: survey.reader.address,
    simulated: survey.simulated,
    marksCaptured: survey.marks.filter((m) => m.capturedAt !== null).length,
    marks: survey.marks.length,
    samples: survey.samples.length,
    verdict: a ? { interference: a.interference.class, reliableRange_m: a.reliableRange_m, leakRange_m: a.leakRange_m, leaksToWrongSide: a.leaksToWrongSide } : null
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
