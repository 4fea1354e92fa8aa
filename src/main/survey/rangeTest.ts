import type { Unsubscribe } from '../../shared/contract'
import type { Advert } from '../../shared/domain/ble'
import { SURVEY_LIMITS, type MarkPlan } from '../../shared/domain/survey'
import type { Sample } from '../../shared/rf'
import type { SurveyorControl } from '../hardware/ble/port'

/** Progress of one capture, sent at most 10 times a second. */
export interface CaptureTick {
  elapsed_ms: number
  duration_ms: number
  samples: number
  points: { t: number; rssi: number }[]
  done: boolean
}

export interface MarkCapture {
  address: string
  mark: MarkPlan
  seconds: number
  adverts: (listener: (advert: Advert) => void) => Unsubscribe
  progress: (tick: CaptureTick) => void
  /** The simulation's surveyor walks to the mark; a person does it for real. */
  surveyor?: SurveyorControl
  signal?: AbortSignal
  progressMs?: number
  now?: () => number
}

/**
 * Records the reader's RSSI at one mark for `seconds`: every report from its address becomes a
 * sample at the mark's distance and side (capped per mark). Resolves with the samples; an abort
 * resolves with null.
 */
export function captureAtMark(capture: MarkCapture): Promise<Sample[] | null> {
  const now = capture.now ?? Date.now
  const address = capture.address.toUpperCase()
  const duration_ms = capture.seconds * 1000
  const samples: Sample[] = []
  let pending: { t: number; rssi: number }[] = []
  const started = now()
  capture.surveyor?.standAt({ address, distance_m: capture.mark.distance_m, side: capture.mark.side })
  const stop = capture.adverts((advert) => {
    if (advert.address.toUpperCase() !== address || samples.length >= SURVEY_LIMITS.samplesPerMark) return
    samples.push({ t: advert.t, rssi: advert.rssi, distance_m: capture.mark.distance_m, side: capture.mark.side })
    pending.push({ t: advert.t, rssi: advert.rssi })
  })
  const tick = (done: boolean): void => {
    const points = pending.slice(-SURVEY_LIMITS.livePoints)
    pending = []
    capture.progress({ elapsed_ms: Math.min(duration_ms, now() - started), duration_ms, samples: samples.length, points, done })
  }
  return new Promise((resolve) => {
    const timer = setInterval(() => tick(false), capture.progressMs ?? 100)
    const end = setTimeout(() => finish(false), duration_ms)
    const finish = (aborted: boolean): void => {
      clearInterval(timer)
      clearTimeout(end)
      stop()
      capture.surveyor?.standAt(null)
      capture.signal?.removeEventListener('abort', onAbort)
      tick(true)
      resolve(aborted ? null : samples)
    }
    const onAbort = (): void => finish(true)
    capture.signal?.addEventListener('abort', onAbort)
    if (capture.signal?.aborted) finish(true)
  })
}
