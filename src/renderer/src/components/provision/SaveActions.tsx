import type { ActionState } from '../../hooks/useAction'
import { ErrorAlert } from '../ErrorAlert'

interface SaveActionsProps {
  /** The save action's state: busy disables the submit button; a failure without field errors is announced. */
  state: ActionState<unknown>
  label: string
  onCancel(): void
}

/** The end of every provisioning form: the save error (field errors show beside their fields), Save and Cancel. */
export function SaveActions({ state, label, onCancel }: SaveActionsProps) {
  return (
    <>
      {state.kind === 'failed' && !state.error.fields ? <ErrorAlert error={state.error} context="Not saved" /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={state.kind === 'busy'}>
          {label}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  )
}
