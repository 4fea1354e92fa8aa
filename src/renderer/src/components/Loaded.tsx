import type { ReactNode } from 'react'
import type { Loadable } from '../hooks/useResult'
import { ErrorAlert } from './ErrorAlert'

interface LoadedProps<T> {
  value: Loadable<T>
  /** What is loading, in users' words: "doors", "readers". */
  what: string
  children: (value: T) => ReactNode
}

/** Renders a command's value, a loading line, or the error with what to do next. */
export function Loaded<T>({ value, what, children }: LoadedProps<T>) {
  if (value.status === 'ok') return <>{children(value.value)}</>
  if (value.status === 'error') return <ErrorAlert error={value.error} context={`Could not load ${what}`} />
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  )
}
