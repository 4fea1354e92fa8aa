import { createContext, useContext, useSyncExternalStore } from 'react'
import type { LintelApi } from '../../../shared/contract'
import type { TransportKind } from '../api/connect'
import { createConnectionStore, type ConnectionStore, type ConnectionView } from '../connectionStore'

export interface LintelSession {
  readonly api: LintelApi
  readonly transport: TransportKind
  readonly connection: ConnectionStore
}

export const LintelSessionContext = createContext<LintelSession | null>(null)

/** The session the app was started with: the API, which transport carries it, and the link state. */
export function useSession(): LintelSession {
  const session = useContext(LintelSessionContext)
  if (!session) throw new Error('useSession() needs a <LintelSessionContext> above it')
  return session
}

/** The contract client: `api.<capability>.<command>(input)` resolves to a Result and never throws. */
export function useApi(): LintelApi {
  return useSession().api
}

/** The live link state; always 'open' inside Electron. */
export function useConnection(): ConnectionView {
  const { connection } = useSession()
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot)
}

/** A session for an API that is always connected (Electron, tests). */
export function openSession(api: LintelApi, transport: TransportKind = 'electron'): LintelSession {
  return { api, transport, connection: createConnectionStore('open') }
}
