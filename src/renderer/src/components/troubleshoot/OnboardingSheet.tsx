import type { Diagnosis } from '../../../../shared/diagnose'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { ErrorAlert } from '../ErrorAlert'

type SheetFormat = 'pdf' | 'html' | 'eml'
const LABEL: Record<SheetFormat, string> = { pdf: 'Onboarding sheet (PDF)', html: 'Onboarding sheet (HTML)', eml: 'Email draft with the sheet' }

/** Saves the phone holder's onboarding sheet for the diagnosed person, to print, hand over or mail. */
export function OnboardingSheet({ diagnosis }: { diagnosis: Diagnosis }) {
  const api = useApi()
  const save = useAction((format: SheetFormat) => api.diagnose.exportOnboarding({ person: diagnosis.person.id, format }))
  const busy = save.state.kind === 'busy'
  return (
    <section className="section" aria-labelledby="troubleshoot-onboarding-title">
      <h2 id="troubleshoot-onboarding-title">For {diagnosis.person.name}</h2>
      <p className="muted">Install the app, accept the invitation, wait 2 minutes, how to present the phone here, the backup, changing phones.</p>
      <div className="actions">
        {(['pdf', 'html', 'eml'] as const).map((format) => (
          <button key={format} type="button" disabled={busy} onClick={() => void save.run(format)}>
            {LABEL[format]}
          </button>
        ))}
      </div>
      <p className="status-line" aria-live="polite" data-testid="onboarding-saved">
        {save.state.kind === 'done' ? `Saved ${save.state.value.path}` : busy ? 'Saving…' : ''}
      </p>
      {save.state.kind === 'done' && save.state.value.warnings.length ? (
        <ul className="warnings">
          {save.state.value.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {save.state.kind === 'failed' ? <ErrorAlert error={save.state.error} context="The onboarding sheet was not saved" /> : null}
    </section>
  )
}
