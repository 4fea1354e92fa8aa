import { useState } from 'react'
import type { Diagnosis } from '../../../../shared/diagnose'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { ErrorAlert } from '../ErrorAlert'

type ReportFormat = 'html' | 'json'

/** Saves the diagnosis on screen as a report to attach to the ticket, and says where it went. */
export function DiagnosisReport({ diagnosis }: { diagnosis: Diagnosis }) {
  const api = useApi()
  const [format, setFormat] = useState<ReportFormat>('html')
  const save = useAction((input: { diagnosis: Diagnosis; format: ReportFormat }) => api.diagnose.exportReport(input))
  const busy = save.state.kind === 'busy'
  const exportAs = (next: ReportFormat): void => {
    setFormat(next)
    void save.run({ diagnosis, format: next })
  }
  const message =
    save.state.kind === 'busy'
      ? `Saving the ${format.toUpperCase()} report…`
      : save.state.kind === 'done'
        ? `Saved ${save.state.value.path} (${Math.ceil(save.state.value.bytes / 1024)} KB)`
        : ''
  return (
    <section className="section report-export" aria-labelledby="troubleshoot-report-title">
      <h2 id="troubleshoot-report-title">Report</h2>
      <div className="actions">
        <button type="button" disabled={busy} aria-busy={busy && format === 'html'} onClick={() => exportAs('html')}>
          Save report (HTML)
        </button>
        <button type="button" disabled={busy} aria-busy={busy && format === 'json'} onClick={() => exportAs('json')}>
          Save JSON
        </button>
      </div>
      <p className="status-line" aria-live="polite" data-testid="report-saved">
        {message}
      </p>
      {save.state.kind === 'failed' ? <ErrorAlert error={save.state.error} context="The report was not saved" /> : null}
    </section>
  )
}
