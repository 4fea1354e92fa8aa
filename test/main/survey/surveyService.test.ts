import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LintelApi } from '../../../src/shared/contract'
import type { ScanBatch } from '../../../src/shared/domain/ble'
import type { CaptureProgress, DoorSurvey, MarkPlan } from '../../../src/shared/domain/survey'
import { contractClient, openTestServices, valueOf as value, type TestServices } from '../../helpers/services'
import { cli } from '../../helpers/cli'
import { CHROMIUM_PATH } from '../../helpers/chromium'

let t: TestServices
let api: LintelApi

beforeAll(async () => {
  t = await openTestServices()
  api = contractClient(t)
})
afterAll(async () => {
  await t.services.ble.stopScan()
  t.dispose()
})

describe('the BLE survey over the contract (simulated radio, real noble core)', () => {
  it('scans the virtual site and batches the table at most 10 times a second, bounded', async () => {
    const batches: ScanBatch[] = []
    const stop = api.ble.on.scan((b) => batches.push(b))
    expect(value(await api.ble.status({}))).toMatchObject({ mode: 'simulated', state: 'simulated' })
    expect(value(await api.ble.startScan({}))).toMatchObject({ scanning: true, simulated: true })
    const started = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 1600))
    stop()
    const perSecond = batches.length / ((Date.now() - started) / 1000)
    expect(perSecond).toBeGreaterThan(1)
    expect(perSecond).toBeLessThanOrEqual(10)
    const last = batches.at(-1)!
    expect(last.rows.length).toBeGreaterThan(5)
    expect(last.rows[0]?.readerType).not.toBeNull()
    expect(last.rows.every((r) => r.history.length <= 32)).toBe(true)
  })

  it('runs a range test on both sides of a concrete wall, analyses and saves it', async () => {
    const reader = value(await api.ble.readers({}))[1]!
    const progress: CaptureProgress[] = []
    const stop = api.ble.on.captureProgress((p) => progress.push(p))
    const marks: MarkPlan[] = [...[0.25, 0.5, 1, 2, 3].map((d): MarkPlan => ({ distance_m: d, side: 'in' })), { distance_m: 0.5, side: 'out' }, { distance_m: 1, side: 'out' }]
    let survey: DoorSurvey = value(await api.ble.createSurvey({ address: reader.address, threshold_dBm: -75, marks, captureSeconds: 1.2 }))
    const captureStarted = Date.now()
    for (let i = 0; i < marks.length; i++) survey = value(await api.ble.captureMark({ surveyId: survey.id, markIndex: i }))
    stop()
    expect(survey.marks.every((m) => m.capturedAt !== null && m.samples > 0)).toBe(true)
    expect(progress.filter((p) => p.done)).toHaveLength(marks.length)
    expect(progress.length / ((Date.now() - captureStarted) / 1000)).toBeLessThanOrEqual(11)

    const analysis = value(await api.ble.analyzeSurvey({ surveyId: survey.id }))
    expect(analysis.marks).toHaveLength(marks.length)
    expect(analysis.advInterval).toEqual({ ms: reader.advIntervalMs, source: 'option' })
    expect(analysis.leaksToWrongSide).toBe(analysis.marks.some((m) => m.side === 'out' && m.pUnlock > 0.05))
    expect(analysis.sides.out).not.toBeNull()
    expect(analysis.marks.find((m) => m.side === 'in' && m.distance_m === 0.25)!.median).toBeGreaterThan(analysis.marks.find((m) => m.side === 'out' && m.distance_m === 0.5)!.median + 8)

    const saved = value(await api.ble.surveys({}))
    expect(saved[0]).toMatchObject({ id: survey.id, marksCaptured: marks.length, simulated: true, verdict: { leaksToWrongSide: analysis.leaksToWrongSide } })
    expect(value(await api.ble.survey({ surveyId: survey.id })).analysis?.samples).toBe(analysis.samples)

    // The analysis reads the site's platform rules: DoorFlow's default first, then Alarm.com's with an iPhone distance.
    expect(analysis.platforms?.map((p) => [p.platform, p.radios])).toEqual([['ios', ['ble']], ['android', ['ble', 'nfc']]])
    value(await api.site.setPlatformRules({ preset: 'alarm_com', ios_unlock_cm: 50 }))
    const judged = value(await api.ble.analyzeSurvey({ surveyId: survey.id })).platforms!
    expect(judged[0]).toMatchObject({ platform: 'ios', unlockDistance_m: 0.5, mark_m: 0.5 })
    expect(judged[1]!.summary).toMatch(/Android phones present by NFC/)
    value(await api.site.setPlatformRules({ preset: 'doorflow', ios_unlock_cm: null }))
  })

  it('refuses a second capture while one runs, with survey_busy', async () => {
    const reader = value(await api.ble.readers({}))[0]!
    const survey = value(await api.ble.createSurvey({ address: reader.address, threshold_dBm: -70, marks: [{ distance_m: 1, side: 'in' }], captureSeconds: 1 }))
    const first = api.ble.captureMark({ surveyId: survey.id, markIndex: 0 })
    const second = await api.ble.captureMark({ surveyId: survey.id, markIndex: 0 })
    expect(second).toMatchObject({ ok: false, error: { code: 'survey_busy' } })
    expect(value(await first).marks[0]!.samples).toBeGreaterThan(0)
  })

  it('exports HTML with SVG plots, CSV that survey analyze reads back, JSON and PDF', async () => {
    const [latest] = value(await api.ble.surveys({})).filter((s) => s.marks > 1)
    const html = value(await api.ble.exportReport({ surveyId: latest!.id, format: 'html' }))
    const text = readFileSync(html.path, 'utf8')
    expect(text).toContain('<svg')
    expect(text).toContain('SIMULATED')
    expect(text).not.toMatch(/<script|src=|href="http/)
    const csv = value(await api.ble.exportReport({ surveyId: latest!.id, format: 'csv' }))
    const again = await cli('survey', 'analyze', csv.path, '--threshold', '-75', '--json')
    expect(again.code).toBe(0)
    expect(again.json<{ samples: number }>().samples).toBe(latest!.samples)
    const json = JSON.parse(readFileSync(value(await api.ble.exportReport({ surveyId: latest!.id, format: 'json' })).path, 'utf8')) as DoorSurvey
    expect(json.samples).toHaveLength(latest!.samples)
    if (!CHROMIUM_PATH) throw new Error('Chromium is not installed: apt-get install -y chromium')
    const pdf = value(await api.ble.exportReport({ surveyId: latest!.id, format: 'pdf' }))
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('stores a calibration per device, by hand or against a reference phone, and applies it', async () => {
    const [latest] = value(await api.ble.surveys({})).filter((s) => s.marks > 1)
    const survey = value(await api.ble.survey({ surveyId: latest!.id }))
    const reference = survey.samples.map((s) => JSON.stringify({ ...s, rssi: s.rssi + 6 })).join('\n')
    const paired = value(await api.ble.calibrate({ surveyId: survey.id, referenceSamples: reference }))
    expect(paired).toMatchObject({ deviceId: 'simulated', offset_dB: 6, source: 'paired', marks: survey.marks.length })
    const analysed = value(await api.ble.analyzeSurvey({ surveyId: survey.id }))
    expect(analysed.calibrationOffset_dB).toBe(6)
    expect(value(await api.ble.setCalibration({ deviceId: 'uart:/dev/ttyACM0', label: 'nRF52840 dongle', offset_dB: -3.5 }))).toMatchObject({ source: 'manual' })
    expect(value(await api.ble.calibrations({})).map((c) => c.deviceId)).toEqual(['simulated', 'uart:/dev/ttyACM0'])
    expect(await api.ble.calibrate({ surveyId: survey.id, referenceSamples: 'time,rssi\n1,-60' })).toMatchObject({ ok: false, error: { code: 'calibration_bad_reference' } })
  })

  it('stops scanning and says so', async () => {
    expect(value(await api.ble.stopScan({}))).toMatchObject({ scanning: false })
  })
})
