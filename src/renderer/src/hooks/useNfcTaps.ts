import { useEffect, useState } from 'react'
import type { TapEvent } from '../../../shared/nfc'
import { useApi, useConnection } from './useApi'

const KEEP = 100

/** The latest taps (oldest first): main's recent list, then each `nfc.tap` event as it comes. */
export function useNfcTaps(): readonly TapEvent[] {
  const api = useApi()
  const { reconnects } = useConnection()
  const [taps, setTaps] = useState<readonly TapEvent[]>([])

  useEffect(() => {
    let current = true
    const add = (incoming: readonly TapEvent[]): void =>
      setTaps((list) => {
        const seen = new Set(list.map((t) => t.seq))
        const merged = [...list, ...incoming.filter((t) => !seen.has(t.seq))].sort((a, b) => a.seq - b.seq)
        return merged.slice(-KEEP)
      })
    const stop = api.nfc.on.tap((event) => add([event]))
    void api.nfc.recentTaps({}).then((result) => {
      if (current && result.ok) add(result.value)
    })
    return () => {
      current = false
      stop()
    }
  }, [api, reconnects])

  return taps
}
