import { useConnection, useSession } from '../hooks/useApi'
import { StatusPill } from './StatusPill'

const TEXT = { open: 'Connected', connecting: 'Connecting…', reconnecting: 'Reconnecting…' } as const

/** The browser host's link to Lintel; inside Electron the link cannot drop, so nothing is shown. */
export function ConnectionIndicator() {
  const { transport } = useSession()
  const { state } = useConnection()
  if (transport !== 'browser-host') return null
  return (
    <span role="status" aria-live="polite">
      <StatusPill tone={state === 'open' ? 'neutral' : 'denied'} icon={state === 'open' ? '●' : '↻'}>
        {TEXT[state]}
      </StatusPill>
    </span>
  )
}
