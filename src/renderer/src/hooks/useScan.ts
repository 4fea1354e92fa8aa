import { useCallback, useEffect, useState } from 'react'
import type { ContractError } from '../../../shared/contract'
import type { ScanBatch } from '../../../shared/domain/ble'
import { useApi } from './useApi'

/** The live scan: the latest batch from main (≤ 4 a second), and start/stop with their errors. */
export function useScan() {
  const api = useApi()
  const [batch, setBatch] = useState<ScanBatch | null>(null)
  const [error, setError] = useState<ContractError | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    void api.ble.scan({}).then((result) => {
      if (current && result.ok) setBatch((previous) => previous ?? result.value)
    })
    const stop = api.ble.on.scan(setBatch)
    return () => {
      current = false
      stop()
    }
  }, [api])

  const run = useCallback(
    async (start: boolean) => {
      setBusy(true)
      const result = start ? await api.ble.startScan({}) : await api.ble.stopScan({})
      setBusy(false)
      setError(result.ok ? null : result.error)
      if (result.ok) setBatch((b) => (b ? { ...b, scanning: result.value.scanning } : b))
    },
    [api]
  )
  return { batch, error, busy, start: () => run(true), stop: () => run(false) }
}
