import type { Ref } from 'react'
import type { ContractError } from '../../../../shared/contract'
import type { FixResult } from '../../../../shared/diagnose'
import { ErrorAlert } from '../ErrorAlert'

interface FixOutcomeProps {
  result: FixResult | null
  error: ContractError | null
  onHidePin(): void
  ref?: Ref<HTMLDivElement>
}

/**
 * What the last one-click fix did, announced; a new PIN is shown here once, large enough to read
 * out over the phone, and forgotten when hidden or at the next diagnosis.
 */
export function FixOutcome({ result, error, onHidePin, ref }: FixOutcomeProps) {
  return (
    <div className="fix-outcome" ref={ref} tabIndex={-1}>
      <p className="status-line success" role="status" data-testid="fix-message">
        {result ? (
          <>
            <span aria-hidden="true">✓ </span>
            {result.message}
          </>
        ) : null}
      </p>
      {result?.pin ? (
        <div className="pin-once" data-testid="new-pin">
          <p>
            <strong>New backup PIN</strong>
          </p>
          <p className="pin-value">
            {result.pin}
          </p>
          <p>Read it out to the caller now. Lintel will not show it again.</p>
          <button type="button" onClick={onHidePin}>
            I have read it out, hide it
          </button>
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} context="The fix was not made" /> : null}
    </div>
  )
}
