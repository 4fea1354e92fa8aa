import { useState } from 'react'
import type { ContractError } from '../../../../shared/contract'
import type { DiagnoseRequest, Diagnosis, FixAction, FixResult } from '../../../../shared/diagnose'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'

/** How long a live test waits: a caller needs time to find the reader; a scan needs a few adverts. */
export const TAP_SECONDS = 20
export const SCAN_SECONDS = 5

/** Why the diagnosis is running: the helpdesk asked, a live test, or a check after a fix. */
export type RunKind = 'diagnose' | 'tap' | 'scan' | 'refresh'

export interface DiagnosisSession {
  readonly diagnosis: Diagnosis | null
  /** What is running now, if anything. */
  readonly running: RunKind | null
  readonly runError: ContractError | null
  /** The fix being carried out. */
  readonly fixing: FixAction | null
  readonly fixResult: FixResult | null
  readonly fixError: ContractError | null
  diagnose(request: DiagnoseRequest): Promise<boolean>
  liveTest(kind: 'tap' | 'scan'): Promise<boolean>
  /** Runs the shown diagnosis again, without live tests (their wait is the caller's time). */
  refresh(): Promise<boolean>
  fix(action: FixAction): Promise<boolean>
  /** Forgets the new PIN once it has been read out. */
  hidePin(): void
}

/** The diagnosis on screen and the commands that change it; a failed live test or check keeps the last one. */
export function useDiagnosis(): DiagnosisSession {
  const api = useApi()
  const [diagnosis, setDiagnosis] = useState<Diagnosis | null>(null)
  const [shown, setShown] = useState<DiagnoseRequest | null>(null)
  const [kind, setKind] = useState<RunKind>('diagnose')
  const [fixResult, setFixResult] = useState<FixResult | null>(null)
  const [fixing, setFixing] = useState<FixAction | null>(null)
  const runner = useAction((request: DiagnoseRequest) => api.diagnose.run(request))
  const fixer = useAction((action: FixAction) => api.diagnose.fix(action))

  async function run(next: RunKind, request: DiagnoseRequest): Promise<boolean> {
    setKind(next)
    const live = next === 'tap' ? { tapSeconds: TAP_SECONDS } : next === 'scan' ? { scanSeconds: SCAN_SECONDS } : undefined
    const result = await runner.run(live ? { ...request, live } : request)
    if (result.ok) {
      setDiagnosis(result.value)
      setShown(request)
    } else if (next === 'diagnose') setDiagnosis(null)
    return result.ok
  }

  async function fix(action: FixAction): Promise<boolean> {
    setFixing(action)
    setFixResult(null)
    const result = await fixer.run(action)
    setFixing(null)
    if (!result.ok) return false
    setFixResult(result.value)
    if (shown) await run('refresh', shown)
    return true
  }

  return {
    diagnosis,
    running: runner.state.kind === 'busy' ? kind : null,
    runError: runner.state.kind === 'failed' ? runner.state.error : null,
    fixing,
    fixResult,
    fixError: fixer.state.kind === 'failed' ? fixer.state.error : null,
    diagnose: (request) => {
      setFixResult(null)
      fixer.reset()
      return run('diagnose', request)
    },
    liveTest: (live) => (shown ? run(live, shown) : Promise.resolve(false)),
    refresh: () => (shown ? run('refresh', shown) : Promise.resolve(false)),
    fix,
    hidePin: () => setFixResult((result) => (result ? { ...result, pin: null } : result))
  }
}
