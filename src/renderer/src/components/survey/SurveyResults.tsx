import { useState } from 'react'
import type { ContractError } from '../../../../shared/contract'
import type { DoorSurvey, ReportFormat } from '../../../../shared/domain/survey'
import type { SurveyAnalysis } from '../../../../shared/rf'
import { useApi } from '../../hooks/useApi'
import { ErrorAlert } from '../ErrorAlert'
import { SimulatedBadge, StatusPill } from '../StatusPill'
import { DistanceChart } from './DistanceChart'
import { FileExport, type ExportChoice } from './FileExport'

const range = (value: number | null, beyond: boolean | undefined) => (value !== null ? `${value} m` : beyond ? 'beyond the walk' : 'not reached')

/** A survey's verdict: ranges, leak to the wrong side, interference with its evidence, recommendations, plot, marks and exports. */
export function SurveyResults({ survey, analysis, onCalibrated }: { survey: DoorSurvey; analysis: SurveyAnalysis; onCalibrated?: () => void }) {
  const leak = analysis.leaksToWrongSide
  return (
    <section className="card survey-results" aria-labelledby={`results-${survey.id}`}>
      <h2 id={`results-${survey.id}`}>
        Results · {survey.reader.name ?? survey.reader.address} {survey.simulated ? <SimulatedBadge /> : null}
      </h2>
      <dl className="figures">
        <div>
          <dt>Reliable range (≥ 95%)</dt>
          <dd>{range(analysis.reliableRange_m, analysis.sides.in?.reliableBeyondWalk)}</dd>
        </div>
        <div>
          <dt>Leak range (≤ 5% beyond)</dt>
          <dd>{range(analysis.leakRange_m, analysis.sides.in?.leakBeyondWalk)}</dd>
        </div>
        <div>
          <dt>Wrong side of the door</dt>
          <dd>{leak === null ? 'not surveyed' : leak ? <StatusPill tone="denied">Unlocks from outside</StatusPill> : <StatusPill tone="granted">No leak</StatusPill>}</dd>
        </div>
        <div>
          <dt>Interference</dt>
          <dd>
            {analysis.interference.class} ({Math.round(analysis.interference.confidence * 100)}%)
          </dd>
        </div>
      </dl>
      <DistanceChart samples={survey.samples} analysis={analysis} chartKey={`${survey.id}:${analysis.samples}`} />
      {analysis.platforms?.length ? (
        <>
          <h3>Phone platforms (the site&apos;s rules)</h3>
          <ul aria-label="Phone platforms">
            {analysis.platforms.map((p) => (
              <li key={p.platform}>{p.summary}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Recommendations</h3>
      {analysis.recommendations.length ? (
        <ul>
          {analysis.recommendations.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        <p>None: the reader works as placed.</p>
      )}
      <details>
        <summary>Evidence for the interference class</summary>
        <ul>
          {analysis.interference.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </details>
      <MarksTable analysis={analysis} />
      <ReportExport surveyId={survey.id} />
      <ReferenceCalibration survey={survey} offset={analysis.calibrationOffset_dB} {...(onCalibrated ? { onCalibrated } : {})} />
    </section>
  )
}

function MarksTable({ analysis }: { analysis: SurveyAnalysis }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Marks (RSSI in dBm, threshold {analysis.threshold_dBm} dBm)</caption>
        <thead>
          <tr>
            <th scope="col">Mark</th>
            <th scope="col" className="num">Samples</th>
            <th scope="col" className="num">Median</th>
            <th scope="col" className="num">p10 – p90</th>
            <th scope="col" className="num">Fade depth (dB)</th>
            <th scope="col" className="num">Unlocks</th>
            <th scope="col" className="num">Estimated (m)</th>
          </tr>
        </thead>
        <tbody>
          {analysis.marks.map((m) => (
            <tr key={`${m.side}:${m.distance_m}`}>
              <th scope="row">
                {m.distance_m} m {m.side === 'in' ? 'in front' : 'behind'}
              </th>
              <td className="num">{m.count}</td>
              <td className="num">{m.median}</td>
              <td className="num">
                {m.p10} – {m.p90}
              </td>
              <td className="num">{m.fadeDepth_dB}</td>
              <td className="num">{Math.round(m.pUnlock * 100)}%</td>
              <td className="num">{m.estimatedDistance_m ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const SURVEY_REPORTS: readonly ExportChoice<ReportFormat>[] = [
  { format: 'html', label: 'HTML report' },
  { format: 'pdf', label: 'PDF report' },
  { format: 'csv', label: 'CSV samples' },
  { format: 'json', label: 'JSON samples' }
]

function ReportExport({ surveyId }: { surveyId: string }) {
  const api = useApi()
  return <FileExport heading="Report" choices={SURVEY_REPORTS} save={(format) => api.ble.exportReport({ surveyId, format })} />
}

function ReferenceCalibration({ survey, offset, onCalibrated }: { survey: DoorSurvey; offset: number; onCalibrated?: () => void }) {
  const api = useApi()
  const [message, setMessage] = useState('')
  const [error, setError] = useState<ContractError | null>(null)
  const calibrate = async (file: File | undefined) => {
    if (!file) return
    const result = await api.ble.calibrate({ surveyId: survey.id, referenceSamples: await file.text() })
    setError(result.ok ? null : result.error)
    setMessage(result.ok ? `${survey.device.label}: offset ${result.value.offset_dB} dB over ${result.value.marks} marks. Analyse again to apply it.` : '')
    if (result.ok) onCalibrated?.()
  }
  return (
    <div className="calibrate">
      <h3>Calibrate this device</h3>
      <p className="muted">
        {survey.device.label}: {offset === 0 ? 'not calibrated' : `offset ${offset} dB applied`}. Load the reference phone’s samples at the same marks (CSV or JSONL).
      </p>
      <label className="field">
        <span className="field-label">Reference phone samples</span>
        <input type="file" accept=".csv,.jsonl,.txt" onChange={(e) => void calibrate(e.target.files?.[0])} />
      </label>
      <p className="status-line" aria-live="polite">
        {message}
      </p>
      {error ? <ErrorAlert error={error} context="Calibration failed" /> : null}
    </div>
  )
}
