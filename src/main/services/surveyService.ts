import { randomUUID } from 'node:crypto'
import { LintelError, type LintelContract } from '../../shared/contract'
import type { DeviceCalibration, DoorSurvey, RangeTestPlan, ReportFile, ReportFormat, SurveySummary } from '../../shared/domain/survey'
import { analyzeSurvey, deviceOffset, parseSamplesText, type PlatformTarget, type Sample, type SurveyAnalysis } from '../../shared/rf'
import type { EventHub } from '../contract/eventHub'
import type { Logger } from '../logger'
import { CalibrationFile } from '../survey/calibrationFile'
import { captureAtMark } from '../survey/rangeTest'
import { writePlanReport, writeReport, type PdfPrinter } from '../survey/report'
import { SurveyErrorCode, SurveyFiles } from '../survey/surveyFiles'
import type { BleService } from './bleService'

export interface SurveyServiceOptions {
  userDataDir: string
  ble: Pick<BleService, 'startScan' | 'currentRadio' | 'onAdvert' | 'readers' | 'usesSimulation' | 'batch' | 'device'>
  hub: Pick<EventHub<LintelContract>, 'emit'>
  log: Logger
  /** Turns report HTML into PDF: Chromium under Node, printToPDF in Electron. */
  pdf?: PdfPrinter
  now?: () => Date
  /** The site's phone platforms (Settings → Platform rules): the analysis says how the walk serves each. */
  platforms?: () => readonly PlatformTarget[]
}

/** Door surveys: range tests mark by mark, their analysis, saved sessions, calibration and reports. */
export class SurveyService {
  private readonly files: SurveyFiles
  private readonly calibration: CalibrationFile
  private capture: { surveyId: string; abort: AbortController } | null = null
  private readonly now: () => Date

  constructor(private readonly options: SurveyServiceOptions) {
    this.files = new SurveyFiles(options.userDataDir, options.log)
    this.calibration = new CalibrationFile(options.userDataDir)
    this.now = options.now ?? (() => new Date())
  }

  /** Starts a range test for one reader; nothing is captured yet. */
  create(plan: RangeTestPlan): DoorSurvey {
    const address = plan.address.toUpperCase()
    const known = this.options.ble.readers().find((r) => r.address.toUpperCase() === address)
    const seen = this.options.ble.batch().rows.find((r) => r.address.toUpperCase() === address)
    const device = this.options.ble.device()
    const at = this.now().toISOString()
    const survey: DoorSurvey = {
      id: `${at.slice(0, 10)}-${randomUUID().slice(0, 8)}`,
      createdAt: at,
      updatedAt: at,
      reader: { address, name: known?.name ?? seen?.name ?? null, readerId: known?.id ?? seen?.readerId ?? null, advIntervalMs: known?.advIntervalMs ?? null },
      threshold_dBm: plan.threshold_dBm,
      captureSeconds: plan.captureSeconds,
      note: plan.note,
      device,
      simulated: this.options.ble.usesSimulation(),
      marks: plan.marks.map((m) => ({ ...m, capturedAt: null, samples: 0 })),
      samples: [],
      analysis: null
    }
    this.files.save(survey)
    return survey
  }

  list(): SurveySummary[] {
    return this.files.list()
  }

  load(id: string): DoorSurvey {
    return this.files.load(id)
  }

  delete(id: string): SurveySummary[] {
    this.files.delete(id)
    return this.publishList()
  }

  /** Captures one mark for the survey's capture time (replacing an earlier capture of that mark). */
  async captureMark(surveyId: string, markIndex: number): Promise<DoorSurvey> {
    if (this.capture) throw new LintelError(SurveyErrorCode.busy, 'A mark is being captured; wait for it or cancel it.')
    const survey = this.files.load(surveyId)
    const mark = survey.marks[markIndex]
    if (!mark) throw new LintelError(SurveyErrorCode.badMark, `The survey has no mark ${markIndex + 1}.`)
    const abort = new AbortController()
    this.capture = { surveyId, abort }
    try {
      await this.options.ble.startScan({ simulate: survey.simulated })
      const samples = await captureAtMark({
        address: survey.reader.address,
        mark,
        seconds: survey.captureSeconds,
        adverts: (listener) => this.options.ble.onAdvert(listener),
        progress: (tick) => this.options.hub.emit('ble', 'captureProgress', { surveyId, markIndex, ...tick }),
        surveyor: this.options.ble.currentRadio()?.surveyor,
        signal: abort.signal
      })
      if (samples === null) return survey
      return this.saveCapture(survey, markIndex, samples)
    } finally {
      this.capture = null
    }
  }

  /** Stops the running capture; its samples are discarded. */
  cancelCapture(): boolean {
    this.capture?.abort.abort()
    return this.capture !== null
  }

  /** Analyses the captured samples with the device's calibration offset and saves the result. */
  analyze(surveyId: string): SurveyAnalysis {
    const survey = this.files.load(surveyId)
    if (survey.samples.length === 0) throw new LintelError(SurveyErrorCode.noSamples, 'Capture at least one mark before analysing.')
    const analysis = analyzeSurvey(survey.samples, {
      threshold: survey.threshold_dBm,
      ...(survey.reader.advIntervalMs ? { advIntervalMs: survey.reader.advIntervalMs } : {}),
      calibrationOffsetDb: this.calibration.offsetFor(survey.device.id),
      ...(this.options.platforms ? { platforms: this.options.platforms() } : {})
    })
    this.files.save({ ...survey, analysis, updatedAt: this.now().toISOString() })
    this.publishList()
    return analysis
  }

  async exportReport(surveyId: string, format: ReportFormat): Promise<ReportFile> {
    const survey = this.files.load(surveyId)
    const analysis = survey.analysis ?? (survey.samples.length > 0 ? this.analyze(surveyId) : null)
    return writeReport({ ...survey, analysis }, format, this.options.userDataDir, this.options.pdf)
  }

  /** The floor-plan report (one plan page per door) of a project the Plan view is editing. */
  async exportPlanReport(project: unknown, format: 'html' | 'pdf'): Promise<ReportFile> {
    return writePlanReport(project, format, this.options.userDataDir, this.options.pdf)
  }

  calibrations(): DeviceCalibration[] {
    return this.calibration.all()
  }

  /** Stores an offset typed in by hand for a device. */
  setCalibration(deviceId: string, label: string, offset_dB: number): DeviceCalibration {
    return this.calibration.save({ deviceId, label, offset_dB, source: 'manual', marks: 0, updatedAt: this.now().toISOString() })
  }

  /** Calibrates the survey's device against a reference phone's samples (CSV or JSONL text) at the same marks. */
  calibrateAgainstReference(surveyId: string, referenceText: string): DeviceCalibration {
    const survey = this.files.load(surveyId)
    const parsed = parseSamplesText(referenceText)
    if (!parsed.ok) throw new LintelError(SurveyErrorCode.badReference, `reference samples, line ${parsed.error.line}: ${parsed.error.message}`)
    const offset = deviceOffset(survey.samples, parsed.samples)
    if (!offset) throw new LintelError(SurveyErrorCode.noSharedMarks, 'The reference phone and this survey share no mark (same distance and side).')
    const { id, label } = survey.device
    return this.calibration.save({ deviceId: id, label, offset_dB: Math.round(offset.offset_dB * 10) / 10, source: 'paired', marks: offset.marks.length, updatedAt: this.now().toISOString() })
  }

  private saveCapture(survey: DoorSurvey, markIndex: number, samples: Sample[]): DoorSurvey {
    const mark = survey.marks[markIndex]!
    const others = survey.samples.filter((s) => !(s.distance_m === mark.distance_m && s.side === mark.side))
    const at = this.now().toISOString()
    const marks = survey.marks.map((m, i) => (i === markIndex ? { ...m, capturedAt: at, samples: samples.length } : m))
    const next: DoorSurvey = { ...survey, marks, samples: [...others, ...samples], analysis: null, updatedAt: at }
    this.files.save(next)
    this.publishList()
    return next
  }

  /** The saved list, also sent to every window (the newest 50). */
  private publishList(): SurveySummary[] {
    const list = this.files.list()
    this.options.hub.emit('ble', 'surveysChanged', list.slice(0, 50))
    return list
  }
}
