import { useState } from 'react'
import type { ContractError } from '../../../../shared/contract'
import type { SurveyProject } from '../../../../shared/plan'
import { useApi } from '../../hooks/useApi'
import { ErrorAlert } from '../ErrorAlert'

/** The floor-plan report of the project being edited: one plan page per door, HTML or PDF, saved under the user-data reports folder. */
export function PlanReportExport({ project }: { project: SurveyProject }) {
  const api = useApi()
  const [message, setMessage] = useState('')
  const [error, setError] = useState<ContractError | null>(null)
  const exportAs = async (format: 'html' | 'pdf') => {
    setMessage(`Exporting ${format.toUpperCase()}…`)
    // The report is vector only: the embedded image is not sent.
    const { image: _image, ...plan } = project.plan
    const result = await api.ble.exportPlanReport({ project: { ...project, plan }, format })
    setError(result.ok ? null : result.error)
    setMessage(result.ok ? `Saved ${result.value.path} (${Math.ceil(result.value.bytes / 1024)} KB)` : '')
  }
  return (
    <div className="report-export">
      <div className="actions">
        <button type="button" onClick={() => void exportAs('html')}>Plan report (HTML)</button>
        <button type="button" onClick={() => void exportAs('pdf')}>Plan report (PDF)</button>
      </div>
      <p className="status-line" aria-live="polite">
        {message}
      </p>
      {error ? <ErrorAlert error={error} context="Export failed" /> : null}
    </div>
  )
}
