import type { RecordState, RecordSyncStateName } from '../../../../shared/provisioning/contract'
import { StatusPill, type PillTone } from '../StatusPill'

const LABELS: Record<RecordSyncStateName, { text: string; tone: PillTone }> = {
  synced: { text: 'Synced', tone: 'granted' },
  pending: { text: 'Waiting to sync', tone: 'neutral' },
  sending: { text: 'Sending', tone: 'neutral' },
  unknown: { text: 'Checking with DoorFlow', tone: 'simulated' },
  failed: { text: 'Refused by DoorFlow', tone: 'denied' },
  local: { text: 'Not synced', tone: 'neutral' }
}

/** A record's sync state as a pill; a refusal carries DoorFlow's message. */
export function SyncStatePill({ state }: { state: RecordState | undefined }) {
  const label = LABELS[state?.state ?? 'synced']
  return (
    <span className="sync-state">
      <StatusPill tone={label.tone}>{label.text}</StatusPill>
      {state?.state === 'failed' && state.message ? <span className="field-error">{state.message}</span> : null}
    </span>
  )
}

/** Looks up records' states by entity and id (records not listed are synced). */
export function stateIndex(records: readonly RecordState[]): (entity: RecordState['entity'], id: unknown) => RecordState | undefined {
  const map = new Map(records.map((r) => [`${r.entity}:${JSON.stringify(r.id)}`, r]))
  return (entity, id) => map.get(`${entity}:${JSON.stringify(id)}`)
}
