import type { Id } from '../../shared/domain/site'
import { idKey } from './database'
import type { OutboxRow } from './outbox'
import type { Store } from './store'

export type RecordSyncState = OutboxRow['state'] | 'synced' | 'local'

/** The sync state of every record, read once: open operations first, then whether the server has it. */
export function syncStates(store: Store): (entity: OutboxRow['entity'], id: Id) => RecordSyncState {
  const open = new Map<string, OutboxRow['state']>()
  for (const row of store.outbox.states()) open.set(`${row.entity}:${row.entity_id}`, row.state === 'failed' ? 'failed' : (open.get(`${row.entity}:${row.entity_id}`) ?? row.state))
  const remote = new Set<string>()
  for (const row of store.people.remoteIds()) if (row.remote_id !== null) remote.add(`person:${row.id}`)
  for (const row of store.credentials.remoteIds()) if (row.remote_id !== null) remote.add(`credential:${row.id}`)
  return (entity, id) => {
    const key = `${entity}:${idKey(id)}`
    return open.get(key) ?? (remote.has(key) ? 'synced' : 'local')
  }
}
