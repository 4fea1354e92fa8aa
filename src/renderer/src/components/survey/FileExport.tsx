import { useState } from 'react'
import type { ContractError, Result } from '../../../../shared/contract'
import { ErrorAlert } from '../ErrorAlert'

/** One button of a file export: the format main writes and the button's text. */
export interface ExportChoice<F extends string> {
  format: F
  label: string
}

/**
 * Buttons that each save a file through main, with one status line ("Saved <path> (N KB)") and the
 * error main gave. The survey's report and the plan report both export this way.
 */
export function FileExport<F extends string>({ heading, choices, save }: {
  heading?: string
  choices: readonly ExportChoice<F>[]
  save: (format: F) => Promise<Result<{ path: string; bytes: number }>>
}) {
  const [message, setMessage] = useState('')
  const [error, setError] = useState<ContractError | null>(null)
  const exportAs = async (format: F) => {
    setMessage(`Exporting ${format.toUpperCase()}…`)
    const result = await save(format)
    setError(result.ok ? null : result.error)
    setMessage(result.ok ? `Saved ${result.value.path} (${Math.ceil(result.value.bytes / 1024)} KB)` : '')
  }
  return (
    <div className="report-export">
      {heading ? <h3>{heading}</h3> : null}
      <div className="actions">
        {choices.map((choice) => (
          <button key={choice.format} type="button" onClick={() => void exportAs(choice.format)}>
            {choice.label}
          </button>
        ))}
      </div>
      <p className="status-line" aria-live="polite">
        {message}
      </p>
      {error ? <ErrorAlert error={error} context="Export failed" /> : null}
    </div>
  )
}
