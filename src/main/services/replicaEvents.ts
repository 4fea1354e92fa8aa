import type { DoorEvent, DoorEventSource, DoorStatus } from '../../shared/events/model'
import { idFromKey, idKey } from '../store/database'
import type { Store } from '../store/store'

/**
 * The diagnosis's events port over the replica: DoorFlow's events and channel status as the last
 * pull left them. Null ("not available") until a pull has brought channels or events in, so a
 * database that never synced says so instead of reading as "no event happened".
 */
export function replicaEventSource(store: Pick<Store, 'replicaSite'>): DoorEventSource {
  const pulled = (): boolean => store.replicaSite.eventCount() > 0 || store.replicaSite.channels().length > 0
  return {
    events(query) {
      if (!pulled()) return null
      const rows = store.replicaSite.events({
        doorId: idKey(query.door_id),
        ...(query.person_id !== undefined ? { personId: idKey(query.person_id) } : {}),
        since: query.since,
        until: query.until,
        limit: query.limit
      })
      return rows.map(
        (row): DoorEvent => ({
          code: row.code,
          label: row.label ?? `event ${row.code}`,
          person_id: row.person_id === null ? null : idFromKey(row.person_id),
          door_id: query.door_id,
          credential_number: row.credentials_number,
          at: row.created_at
        })
      )
    },
    status(doorId) {
      const channel = store.replicaSite.channels().find((c) => c.door_id === idKey(doorId))
      if (!channel) return null
      const status: DoorStatus = {
        door_id: doorId,
        online: channel.status === null ? null : channel.status === 'online',
        lockdown: channel.lockdown,
        last_sync_completed_at: channel.last_sync_at
      }
      return status
    }
  }
}
