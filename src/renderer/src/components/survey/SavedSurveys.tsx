import { useState } from 'react'
import type { ContractError } from '../../../../shared/contract'
import type { DoorSurvey, SurveySummary } from '../../../../shared/domain/survey'
import type { SurveyAnalysis } from '../../../../shared/rf'
import { useApi } from '../../hooks/useApi'
import { useResult } from '../../hooks/useResult'
import { ErrorAlert } from '../ErrorAlert'
import { Loaded } from '../Loaded'
import { SimulatedBadge } from '../StatusPill'
import { SurveyResults } from './SurveyResults'

const rangeText = (v: number | null) => (v === null ? '—' : `${v} m`)

/** Saved door surveys (files in the user-data folder): open one to see its results, or delete it. */
export function SavedSurveys() {
  const api = useApi()
  const list = useResult((a) => a.ble.surveys({}), { on: (a) => a.ble.on.surveysChanged })
  const [open, setOpen] = useState<{ survey: DoorSurvey; analysis: SurveyAnalysis } | null>(null)
  const [error, setError] = useState<ContractError | null>(null)
  const show = async (id: string) => {
    const loaded = await api.ble.survey({ surveyId: id })
    if (!loaded.ok) return setError(loaded.error)
    const analysis = loaded.value.analysis ? { ok: true as const, value: loaded.value.analysis } : await api.ble.analyzeSurvey({ surveyId: id })
    setError(analysis.ok ? null : analysis.error)
    setOpen(analysis.ok ? { survey: loaded.value, analysis: analysis.value } : null)
  }
  const remove = async (id: string) => {
    const result = await api.ble.deleteSurvey({ surveyId: id })
    setError(result.ok ? null : result.error)
    if (open?.survey.id === id) setOpen(null)
    list.reload()
  }
  return (
    <div>
      <Loaded value={list} what="saved surveys">
        {(surveys) => <SurveyList surveys={surveys} onOpen={(id) => void show(id)} onDelete={(id) => void remove(id)} />}
      </Loaded>
      {error ? <ErrorAlert error={error} context="Could not open the survey" /> : null}
      {open ? <SurveyResults survey={open.survey} analysis={open.analysis} onCalibrated={() => void show(open.survey.id)} /> : null}
    </div>
  )
}

function SurveyList({ surveys, onOpen, onDelete }: { surveys: readonly SurveySummary[]; onOpen: (id: string) => void; onDelete: (id: string) => void }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Saved surveys ({surveys.length})</caption>
        <thead>
          <tr>
            <th scope="col">Reader</th>
            <th scope="col">Started</th>
            <th scope="col" className="num">Marks</th>
            <th scope="col">Verdict</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {surveys.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                No survey saved yet. Run a range test.
              </td>
            </tr>
          ) : (
            surveys.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.readerName ?? s.address} {s.simulated ? <SimulatedBadge /> : null}
                </th>
                <td>{new Date(s.createdAt).toLocaleString()}</td>
                <td className="num">
                  {s.marksCaptured}/{s.marks}
                </td>
                <td>{s.verdict ? `${s.verdict.interference}; reliable ${rangeText(s.verdict.reliableRange_m)}; ${s.verdict.leaksToWrongSide ? 'leaks to the wrong side' : 'no leak found'}` : 'not analysed'}</td>
                <td className="row-actions">
                  <button type="button" disabled={s.samples === 0} onClick={() => onOpen(s.id)}>
                    Open
                  </button>
                  <button type="button" aria-label={`Delete the survey of ${s.readerName ?? s.address} started ${s.createdAt}`} onClick={() => onDelete(s.id)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}
