import { useCallback, useRef, useState } from 'react'
import type { ContractError } from '../../../shared/contract'
import type { Id } from '../../../shared/domain/site'
import type { EnrolTapResult } from '../../../shared/nfc'
import { useApi } from './useApi'

export type EnrolState =
  | { readonly status: 'idle' }
  | { readonly status: 'waiting' }
  | { readonly status: 'read'; readonly result: EnrolTapResult }
  | { readonly status: 'error'; readonly error: ContractError }

/**
 * "Tap a card → its value, checked against the type's format": asks main to wait for one tap
 * (nfc.enrolTap) and keeps the answer. A newer request supersedes an older one.
 */
export function useTapToEnrol(): { state: EnrolState; read(credentialTypeId: Id): Promise<EnrolTapResult | undefined>; reset(): void } {
  const api = useApi()
  const [state, setState] = useState<EnrolState>({ status: 'idle' })
  const generation = useRef(0)
  const read = useCallback(
    async (credentialTypeId: Id) => {
      const mine = ++generation.current
      setState({ status: 'waiting' })
      const result = await api.nfc.enrolTap({ credentialTypeId })
      if (mine !== generation.current) return undefined
      setState(result.ok ? { status: 'read', result: result.value } : { status: 'error', error: result.error })
      return result.ok ? result.value : undefined
    },
    [api]
  )
  const reset = useCallback(() => {
    generation.current++
    setState({ status: 'idle' })
  }, [])
  return { state, read, reset }
}
