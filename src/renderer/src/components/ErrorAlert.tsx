import type { ContractError } from '../../../shared/contract'

const NEXT_STEP: Record<string, string> = {
  unavailable: 'Lintel will retry when the connection returns.',
  no_database: 'Open the app on its own database (not a snapshot file) to make changes.',
  timeout: 'Try again; if it keeps happening, check the device.',
  internal: 'Try again; if it keeps happening, restart Lintel.'
}

/** A failed command, announced at once: the message, what to do next, and the stable code. */
export function ErrorAlert({ error, context }: { error: ContractError; context?: string }) {
  const next = NEXT_STEP[error.code]
  return (
    <div className="alert" role="alert">
      {context ? <strong>{context}: </strong> : null}
      {error.message} {next ? <span>{next} </span> : null}
      <code>({error.code})</code>
    </div>
  )
}
