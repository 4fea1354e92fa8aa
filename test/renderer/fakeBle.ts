import { vi } from 'vitest'
import { fail, ok, type LintelApi, type Unsubscribe } from '../../src/shared/contract'
import type { AdvertiserRow, ScanBatch, ScanState } from '../../src/shared/domain/ble'
import type { BleReader, BleStatus } from '../../src/shared/domain/hardware'
import type { CaptureProgress, DeviceCalibration, DoorSurvey, RangeTestPlan, SurveySummary } from '../../src/shared/domain/survey'
import { analyzeSurvey, rangeWalk, simulateWalk, OPEN_ROOM, PHONE_SCANNER, type SurveyAnalysis } from '../../src/shared/rf'

type On = <T>(channel: string) => (listener: (payload: T) => void) => Unsubscribe
type Emit = (channel: string, payload: unknown) => void

/** Alarm.com's rule with an iPhone unlock distance, as the services pass the site's platform rules. */
const ALARM_COM_PLATFORMS = [{ platform: 'ios' as const, radios: ['ble'], unlockDistance_cm: 50 }, { platform: 'android' as const, radios: ['nfc'] }]

export const SIMULATED_BLE_STATUS: BleStatus = {
  mode: 'simulated',
  state: 'simulated',
  adapter: 'virtual RF site',
  advice: 'No Bluetooth adapter was found, so readings come from the simulated demo site.'
}

/** A scan table row as main builds it. */
export function rowFor(reader: BleReader, rssi: number, history: number[] = [rssi]): AdvertiserRow {
  return {
    address: reader.address,
    name: reader.name,
    rssi,
    txPower: reader.txPowerDbm,
    serviceUuids: ['6C1E7A00B1E54D0F9A3C4C494E54454C'],
    manufacturerData: 'FFFF4C5400',
    readerType: reader.technology,
    readerId: reader.id,
    lastSeen: Date.now(),
    count: history.length,
    history
  }
}

export const phoneRow = (address: string, rssi: number): AdvertiserRow => ({
  address,
  name: null,
  rssi,
  txPower: null,
  serviceUuids: [],
  manufacturerData: '4C0010050118AB',
  readerType: null,
  readerId: null,
  lastSeen: Date.now(),
  count: 3,
  history: [rssi - 2, rssi + 1, rssi]
})

/** Samples the shared virtual radio gives at a mark: the fake captures the way the simulation does. */
function samplesAt(distance_m: number, side: 'in' | 'out', seconds: number, seed: number) {
  const site = { reader: { position: { x: 0.05, y: 0 }, rssiAt1m_dBm: -60, advIntervalMs: 100 }, walls: [{ from: { x: 0, y: -5 }, to: { x: 0, y: 5 }, material: 'concrete' as const }], environment: OPEN_ROOM, scanner: PHONE_SCANNER }
  return simulateWalk(site, rangeWalk([distance_m], side, seconds), seed).map((s) => ({ ...s, t: s.t + seed * 100_000 }))
}

/** The BLE part of the fake API: an in-memory scan and survey store over the shared analysis. */
export function createFakeBle(readers: BleReader[], emit: Emit, on: On) {
  let scanning = false
  let rows: AdvertiserRow[] = readers.map((r, i) => rowFor(r, -55 - i * 6, [-60, -58, -57 - i]))
  const surveys = new Map<string, DoorSurvey>()
  const calibrations: DeviceCalibration[] = []
  const scanState = (): ScanState => ({ scanning, simulated: true, startedAt: scanning ? Date.now() : null, problem: null })
  const batch = (): ScanBatch => ({ at: Date.now(), scanning, simulated: true, advertisers: rows.length, advertsPerSecond: scanning ? 42 : 0, rows })
  const summaries = (): SurveySummary[] =>
    [...surveys.values()].map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      readerName: s.reader.name,
      address: s.reader.address,
      simulated: true,
      marksCaptured: s.marks.filter((m) => m.capturedAt).length,
      marks: s.marks.length,
      samples: s.samples.length,
      verdict: s.analysis ? { interference: s.analysis.interference.class, reliableRange_m: s.analysis.reliableRange_m, leakRange_m: s.analysis.leakRange_m, leaksToWrongSide: s.analysis.leaksToWrongSide } : null
    }))
  const get = (id: string) => surveys.get(id)
  const startScan = vi.fn(async () => {
    scanning = true
    emit('ble.scan', batch())
    return ok(scanState())
  })
  const createSurvey = vi.fn(async (plan: Partial<RangeTestPlan> & { address: string; threshold_dBm: number; marks: RangeTestPlan['marks']; captureSeconds: number }) => {
    const at = new Date().toISOString()
    const reader = readers.find((r) => r.address === plan.address)
    const survey: DoorSurvey = {
      id: `fake-${surveys.size + 1}-survey`,
      createdAt: at,
      updatedAt: at,
      reader: { address: plan.address, name: reader?.name ?? null, readerId: reader?.id ?? null, advIntervalMs: 100 },
      threshold_dBm: plan.threshold_dBm,
      captureSeconds: plan.captureSeconds,
      note: plan.note ?? '',
      device: { id: 'simulated', label: 'virtual RF site' },
      simulated: true,
      marks: plan.marks.map((m) => ({ ...m, capturedAt: null, samples: 0 })),
      samples: [],
      analysis: null
    }
    surveys.set(survey.id, survey)
    return ok(survey)
  })
  const captureMark = vi.fn(async ({ surveyId, markIndex }: { surveyId: string; markIndex: number }) => {
    const survey = get(surveyId)
    const mark = survey?.marks[markIndex]
    if (!survey || !mark) return fail('survey_not_found', 'There is no such survey.')
    const samples = samplesAt(mark.distance_m, mark.side, 4, markIndex + 1)
    const progress: CaptureProgress = { surveyId, markIndex, elapsed_ms: 4000, duration_ms: 4000, samples: samples.length, points: samples.slice(-20).map((s) => ({ t: s.t, rssi: s.rssi })), done: true }
    emit('ble.captureProgress', progress)
    const next: DoorSurvey = {
      ...survey,
      marks: survey.marks.map((m, i) => (i === markIndex ? { ...m, capturedAt: new Date().toISOString(), samples: samples.length } : m)),
      samples: [...survey.samples.filter((s) => !(s.distance_m === mark.distance_m && s.side === mark.side)), ...samples],
      analysis: null
    }
    surveys.set(surveyId, next)
    return ok(next)
  })
  const analyze = vi.fn(async ({ surveyId }: { surveyId: string }) => {
    const survey = get(surveyId)
    if (!survey || survey.samples.length === 0) return fail('survey_no_samples', 'Capture at least one mark before analysing.')
    const analysis: SurveyAnalysis = analyzeSurvey(survey.samples, { threshold: survey.threshold_dBm, advIntervalMs: 100, platforms: ALARM_COM_PLATFORMS })
    surveys.set(surveyId, { ...survey, analysis })
    return ok(analysis)
  })
  const exportReport = vi.fn(async ({ surveyId, format }: { surveyId: string; format: 'html' | 'pdf' | 'csv' | 'json' }) => ok({ path: `/tmp/lintel-test/reports/survey-${surveyId}.${format}`, format, bytes: 1234 }))
  const api: LintelApi['ble'] = {
    status: async () => ok(SIMULATED_BLE_STATUS),
    readers: async () => ok(readers),
    startScan,
    stopScan: vi.fn(async () => ((scanning = false), ok(scanState()))),
    scan: async () => ok(batch()),
    createSurvey,
    captureMark,
    cancelCapture: async () => ok({ cancelled: false }),
    analyzeSurvey: analyze,
    surveys: async () => ok(summaries()),
    survey: async ({ surveyId }) => (get(surveyId) ? ok(get(surveyId)!) : fail('survey_not_found', 'There is no such survey.')),
    deleteSurvey: async ({ surveyId }) => (surveys.delete(surveyId), ok(summaries())),
    exportReport,
    exportPlanReport: vi.fn(async ({ format }: { format: 'html' | 'pdf' }) => ok({ path: `/tmp/lintel-test/reports/plan-survey-project.${format}`, format, bytes: 1234 })),
    calibrations: async () => ok(calibrations),
    setCalibration: async ({ deviceId, label, offset_dB }) => {
      const calibration: DeviceCalibration = { deviceId, label, offset_dB, source: 'manual', marks: 0, updatedAt: new Date().toISOString() }
      calibrations.push(calibration)
      return ok(calibration)
    },
    calibrate: async () => fail('calibration_no_shared_marks', 'The reference phone and this survey share no mark (same distance and side).'),
    on: {
      status: on<BleStatus>('ble.status'),
      scan: on<ScanBatch>('ble.scan'),
      captureProgress: on<CaptureProgress>('ble.captureProgress'),
      surveysChanged: on<SurveySummary[]>('ble.surveysChanged')
    }
  }
  const setRows = (next: AdvertiserRow[]) => {
    rows = next
    emit('ble.scan', batch())
  }
  return { api, startScan, createSurvey, captureMark, analyze, exportReport, setRows, batch }
}
