import { vi } from 'vitest'
import { ok, type LintelApi, type Result, type Unsubscribe } from '../../src/shared/contract'
import { decide, type CompiledSite } from '../../src/shared/decision'
import type { NfcStatus } from '../../src/shared/domain/hardware'
import type { Id, Site } from '../../src/shared/domain/site'
import { aidList, enrolledIn, enrolValue, identifyTap, type EnrolTapResult, type SimulatedCard, type TapEvent, type TapRecord } from '../../src/shared/nfc'

type On = <T>(channel: string) => (listener: (payload: T) => void) => Unsubscribe

export const SIMULATED_NFC_STATUS: NfcStatus = {
  mode: 'simulated',
  pcscd: 'absent',
  state: 'idle',
  readers: [{ name: 'Lintel Virtual Reader (simulated)', simulated: true, cardPresent: false }],
  doorId: null,
  advice: 'No PC/SC service was found, so the simulated reader is used.'
}

/** The tap record a simulated card gives, without APDUs (main's tests run the real read). */
export function tapRecordFor(card: SimulatedCard, latency = 1.5): TapRecord {
  const base = { reader: 'Lintel Virtual Reader (simulated)', at: new Date().toISOString(), latency_ms: latency }
  if (card.kind === 'card') {
    return { ...base, atr: '3B8F8001804F0CA000000306030001000000006A', standard: '14443-3', uid: card.uid, aid: null, credential: null }
  }
  return { ...base, atr: '3B8080010101', standard: '14443-4', uid: '08A1B2C3', aid: card.aid, credential: card.credential }
}

/** A tap event as main builds it: identified and decided with the real shared code. */
export function tapEventFor(site: Site, compiled: CompiledSite, tap: TapRecord, doorId: Id | null, seq: number): TapEvent {
  const identified = identifyTap(tap, {
    types: site.credential_types,
    aids: aidList([]),
    enrolled: enrolledIn(site)
  })
  const { presented } = identified
  const decision =
    presented && doorId !== null && !tap.error
      ? decide(compiled, { door_id: doorId, credential_type_id: presented.credential_type_id, value: presented.value, at: tap.at })
      : null
  return { seq, tap, presented, unmatched: identified.unmatched, door_id: doorId, decision, timing: { card_event_ms: Date.now(), transport_ms: 0.2 } }
}

/** The nfc capability over the demo site: start/stop, simulated taps and enrol, with events through `emit`. */
export function createFakeNfc(site: Site, compiled: CompiledSite, emit: (channel: string, payload: unknown) => void, on: On) {
  let status = SIMULATED_NFC_STATUS
  let seq = 0
  const recent: TapEvent[] = []
  const setStatus = (next: Partial<NfcStatus>): Result<NfcStatus> => {
    status = { ...status, ...next }
    emit('nfc.status', status)
    return ok(status)
  }
  /** Delivers a tap as main would: recorded, then streamed on nfc.tap. */
  const deliver = (tap: TapRecord): TapEvent => {
    const event = tapEventFor(site, compiled, tap, status.doorId, seq++)
    recent.push(event)
    emit('nfc.tap', event)
    return event
  }
  const startReading = vi.fn(async ({ doorId }: { doorId?: Id | null }) => setStatus({ state: 'ready', doorId: doorId ?? null }))
  const stopReading = vi.fn(async () => setStatus({ state: 'idle' }))
  const simulateTap = vi.fn(async ({ card }: { card: SimulatedCard }) => ok(deliver(tapRecordFor(card))))
  let nextEnrolCard: SimulatedCard = { kind: 'card', uid: '04AABBCCDDEEFF' }
  const enrolTap = vi.fn(async ({ credentialTypeId }: { credentialTypeId: Id }): Promise<Result<EnrolTapResult>> => {
    const type = site.credential_types.find((t) => t.id === credentialTypeId)!
    const event = deliver(tapRecordFor(nextEnrolCard))
    const { value, problem } = enrolValue(event.tap, type)
    const holder = site.credentials.find((c) => c.credential_type_id === type.id && c.value === value)
    return ok({ tap: event, value, problem, enrolled: holder ? { credential_id: holder.id, person_id: holder.person_id } : null })
  })
  const api: LintelApi['nfc'] = {
    status: async () => ok(status),
    startReading,
    stopReading,
    recentTaps: async () => ok([...recent]),
    aids: async () => ok(aidList([])),
    enrolTap,
    simulateTap,
    on: { status: on<NfcStatus>('nfc.status'), tap: on<TapEvent>('nfc.tap') }
  }
  return { api, startReading, stopReading, simulateTap, enrolTap, deliver, enrolNext: (card: SimulatedCard) => void (nextEnrolCard = card) }
}
