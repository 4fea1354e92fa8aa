import type { ReactNode } from 'react'

/** What a control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string
  'aria-invalid': boolean
  'aria-describedby'?: string
}

interface FieldProps {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string | undefined
  /** Keeps the label for assistive technology only (rows whose column header says it). */
  hideLabel?: boolean
  children: (control: FieldControlProps) => ReactNode
}

/** A labelled control with an optional hint and a field-level error, wired with aria-describedby. */
export function Field({ id, label, hint, error, hideLabel = false, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {error ? (
        <span id={errorId} className="field-error">
          <span aria-hidden="true">✕ </span>
          {error}
        </span>
      ) : null}
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  )
}
