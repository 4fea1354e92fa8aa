import { useState } from 'react'
import type { Result } from '../../../shared/contract'
import type { Decision, DecisionRequest } from '../../../shared/decision'
import { useApi } from '../hooks/useApi'
import { ErrorAlert } from './ErrorAlert'

interface Asked {
  readonly key: string
  readonly result: Result<Decision>
}

/** Asks main's decision service the same question and says whether both engines agree. */
export function MainAgreement({ request, local }: { request: DecisionRequest; local: Decision }) {
  const api = useApi()
  const [asked, setAsked] = useState<Asked | null>(null)
  const [busy, setBusy] = useState(false)
  const key = JSON.stringify(request)
  const ask = async (): Promise<void> => {
    setBusy(true)
    const result = await api.decision.decide(request)
    setAsked({ key, result })
    setBusy(false)
  }
  const current = asked?.key === key ? asked.result : null
  return (
    <div className="section">
      <div className="actions">
        <button type="button" onClick={() => void ask()} disabled={busy}>
          Ask Lintel's main process
        </button>
        <span className="muted">The same engine runs there; it verifies real taps and reads.</span>
      </div>
      <div role="status" aria-live="polite">
        {current?.ok ? <Agreement local={local} main={current.value} /> : null}
      </div>
      {current && !current.ok ? <ErrorAlert error={current.error} context="Main could not decide" /> : null}
    </div>
  )
}

function Agreement({ local, main }: { local: Decision; main: Decision }) {
  const same = JSON.stringify(local) === JSON.stringify(main)
  return (
    <p className={`status-line ${same ? 'success' : 'error'}`} data-testid="main-agreement">
      {same
        ? `Main agrees: ${main.granted ? 'granted' : 'denied'} (${main.code}), all ${main.checks.length} checks identical.`
        : `Main disagrees: it says ${main.granted ? 'granted' : 'denied'} (${main.code}) with ${main.checks.length} checks. Please report this.`}
    </p>
  )
}
