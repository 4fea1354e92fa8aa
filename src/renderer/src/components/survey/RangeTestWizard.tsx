import { useEffect, useRef, useState } from 'react'
import type { ContractError } from '../../../../shared/contract'
import type { BleReader } from '../../../../shared/domain/hardware'
import type { DoorSurvey, MarkPlan } from '../../../../shared/domain/survey'
import type { SurveyAnalysis } from '../../../../shared/rf'
import { useApi } from '../../hooks/useApi'
import { ErrorAlert } from '../ErrorAlert'
import { LiveRssiChart } from './LiveRssiChart'
import { SurveyResults } from './SurveyResults'
import { parseMarks, RangeTestSetup, type SetupValues } from './RangeTestSetup'

const LIVE_POINTS = 3000

interface Capturing {
  markIndex: number
  elapsed_ms: number
  duration_ms: number
  samples: number
}

/** The range test: choose a reader and threshold, capture each mark while moving a few centimetres, then analyse. */
export function RangeTestWizard({ readers, address, threshold }: { readers: readonly BleReader[]; address: string; threshold: number }) {
  const api = useApi()
  const [survey, setSurvey] = useState<DoorSurvey | null>(null)
  const [analysis, setAnalysis] = useState<SurveyAnalysis | null>(null)
  const [capturing, setCapturing] = useState<Capturing | null>(null)
  const [points, setPoints] = useState<{ t: number; rssi: number }[]>([])
  const [error, setError] = useState<ContractError | null>(null)
  const started = useRef(0)
  const surveyId = survey?.id

  useEffect(() => {
    if (!surveyId) return undefined
    return api.ble.on.captureProgress((p) => {
      if (p.surveyId !== surveyId) return
      setCapturing(p.done ? null : { markIndex: p.markIndex, elapsed_ms: p.elapsed_ms, duration_ms: p.duration_ms, samples: p.samples })
      if (p.points.length) setPoints((old) => [...old, ...p.points.map((q) => ({ t: q.t - started.current, rssi: q.rssi }))].slice(-LIVE_POINTS))
    })
  }, [api, surveyId])

  const create = async (values: SetupValues) => {
    const marks: MarkPlan[] = [...parseMarks(values.inMarks, 'in'), ...parseMarks(values.outMarks, 'out')]
    const result = await api.ble.createSurvey({ address: values.address, threshold_dBm: values.threshold, marks, captureSeconds: values.seconds })
    setError(result.ok ? null : result.error)
    if (result.ok) {
      setSurvey(result.value)
      setAnalysis(null)
    }
  }
  const capture = async (markIndex: number) => {
    if (!survey) return
    started.current = Date.now()
    setPoints([])
    setCapturing({ markIndex, elapsed_ms: 0, duration_ms: survey.captureSeconds * 1000, samples: 0 })
    const result = await api.ble.captureMark({ surveyId: survey.id, markIndex })
    setCapturing(null)
    setError(result.ok ? null : result.error)
    if (result.ok) setSurvey(result.value)
  }
  const analyse = async () => {
    if (!survey) return
    const result = await api.ble.analyzeSurvey({ surveyId: survey.id })
    setError(result.ok ? null : result.error)
    if (result.ok) setAnalysis(result.value)
  }

  if (!survey) return <RangeTestSetup readers={readers} address={address} threshold={threshold} onStart={(v) => void create(v)} error={error} />
  const next = survey.marks.findIndex((m) => m.capturedAt === null)
  return (
    <div className="wizard">
      <h3>
        Range test · {survey.reader.name ?? survey.reader.address} · threshold {survey.threshold_dBm} dBm
      </h3>
      <ol className="marks">
        {survey.marks.map((mark, i) => (
          <li key={`${mark.side}:${mark.distance_m}`} className={capturing?.markIndex === i ? 'current' : undefined}>
            <span>
              {mark.distance_m} m {mark.side === 'in' ? 'in front of the door' : 'behind the door'}
            </span>
            <span className="muted">{mark.capturedAt ? `${mark.samples} readings` : 'not captured'}</span>
            <button type="button" className={i === next ? 'primary' : undefined} disabled={capturing !== null} onClick={() => void capture(i)}>
              {mark.capturedAt ? 'Capture again' : `Capture ${survey.captureSeconds} s`}
            </button>
          </li>
        ))}
      </ol>
      {capturing ? <CaptureProgressView survey={survey} capturing={capturing} onCancel={() => void api.ble.cancelCapture({})} /> : null}
      {points.length > 0 || capturing ? <LiveRssiChart points={points} threshold={survey.threshold_dBm} label="Live RSSI of the reader during the capture" /> : null}
      <div className="actions">
        <button type="button" className={next === -1 ? 'primary' : undefined} disabled={capturing !== null || survey.samples.length === 0} onClick={() => void analyse()}>
          Analyse
        </button>
        <button type="button" disabled={capturing !== null} onClick={() => setSurvey(null)}>
          New range test
        </button>
      </div>
      {error ? <ErrorAlert error={error} context="The range test stopped" /> : null}
      {analysis ? <SurveyResults survey={survey} analysis={analysis} onCalibrated={() => void analyse()} /> : null}
    </div>
  )
}

function CaptureProgressView({ survey, capturing, onCancel }: { survey: DoorSurvey; capturing: Capturing; onCancel: () => void }) {
  const mark = survey.marks[capturing.markIndex]!
  const seconds = Math.ceil((capturing.duration_ms - capturing.elapsed_ms) / 1000)
  return (
    <div className="capture" role="group" aria-label="Capture in progress">
      <p className="prompt" aria-live="polite">
        Hold the phone at {mark.distance_m} m {mark.side === 'in' ? 'in front of' : 'behind'} the door and keep moving it a few centimetres: one spot can sit in a 20 dB fade.
      </p>
      <label className="progress">
        <span>
          {capturing.samples} readings · {seconds} s left
        </span>
        <progress max={capturing.duration_ms} value={capturing.elapsed_ms} />
      </label>
      <button type="button" onClick={onCancel}>
        Cancel capture
      </button>
    </div>
  )
}
