import type { CredentialType } from '../../../shared/domain/site'
import type { EnrolTapResult } from '../../../shared/nfc'
import { useTapToEnrol } from '../hooks/useTapToEnrol'
import { ErrorAlert } from './ErrorAlert'

interface TapToEnrolProps {
  type: CredentialType
  /** Called with the value in the type's stored form when a tap gives one. */
  onValue?: (value: string) => void
  /** Names who already holds the value, e.g. from the site or the provisioning store. */
  holderName?: (enrolled: { credential_id: string | number; person_id: string | number }) => string | undefined
}

/** A button that waits for one tap and gives its value, checked against the credential type's format. */
export function TapToEnrol({ type, onValue, holderName }: TapToEnrolProps) {
  const { state, read } = useTapToEnrol()
  const tap = async (): Promise<void> => {
    const result = await read(type.id)
    if (result?.value) onValue?.(result.value)
  }
  return (
    <div className="tap-to-enrol">
      <button type="button" onClick={() => void tap()} disabled={state.status === 'waiting'}>
        {state.status === 'waiting' ? 'Waiting for a tap…' : `Tap a card to read its ${type.label} value`}
      </button>
      <div role="status" aria-live="polite">
        {state.status === 'read' ? <EnrolOutcome result={state.result} holderName={holderName} /> : null}
      </div>
      {state.status === 'error' ? <ErrorAlert error={state.error} context="No value read" /> : null}
    </div>
  )
}

function EnrolOutcome({ result, holderName }: { result: EnrolTapResult; holderName: TapToEnrolProps['holderName'] }) {
  if (result.value === null) return <p className="status-line error">{result.problem}</p>
  const holder = result.enrolled ? (holderName?.(result.enrolled) ?? `person ${String(result.enrolled.person_id)}`) : undefined
  return (
    <p className="status-line success">
      Read <code data-testid="enrol-value">{result.value}</code>
      {holder ? ` — already enrolled to ${holder}.` : ' — not enrolled yet.'}
    </p>
  )
}
