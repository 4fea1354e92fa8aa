import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import type { ContractError, LintelApi, Result, Unsubscribe } from '../../../shared/contract'
import { useApi, useConnection } from './useApi'

/** A command's latest answer as the UI renders it. */
export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: ContractError }

export type LiveLoadable<T> = Loadable<T> & { reload(): void }

export interface ResultOptions<T> {
  /** An event stream whose payloads replace the value, e.g. `(api) => api.ble.on.status`. */
  readonly on?: (api: LintelApi) => (listener: (payload: T) => void) => Unsubscribe
  /** Values that, when changed, run the command again. */
  readonly deps?: DependencyList
  /** While true, the command waits (status stays 'loading'). */
  readonly skip?: boolean
}

/**
 * Runs a contract command and keeps its latest result: `{ok:false}` becomes status 'error'.
 * Runs again when `deps` change, after the browser host reconnects, and on `reload()`;
 * with `on`, each event payload replaces the value and an older reply never overwrites it.
 */
export function useResult<T>(call: (api: LintelApi) => Promise<Result<T>>, options: ResultOptions<T> = {}): LiveLoadable<T> {
  const api = useApi()
  const { reconnects } = useConnection()
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' })
  const [runs, setRuns] = useState(0)
  const latest = useRef({ call, on: options.on })
  latest.current = { call, on: options.on }
  const generation = useRef(0)

  useEffect(() => {
    const subscribe = latest.current.on
    if (!subscribe) return undefined
    return subscribe(api)((payload) => {
      generation.current += 1
      setState({ status: 'ok', value: payload })
    })
  }, [api])

  const skip = options.skip ?? false
  useEffect(() => {
    if (skip) return undefined
    let current = true
    const started = ++generation.current
    void latest.current.call(api).then((result) => {
      if (!current || generation.current !== started) return
      setState(result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error })
    })
    return () => {
      current = false
    }
  }, [api, reconnects, runs, skip, ...(options.deps ?? [])])

  const reload = useCallback(() => setRuns((n) => n + 1), [])
  return { ...state, reload }
}
