import { LintelError } from '../../shared/contract/result'
import { DoorSchema, GroupSchema, type Door, type Group, type Id } from '../../shared/domain/site'
import { DoorInputSchema, GroupInputSchema } from '../../shared/provisioning/schemas'
import { idFromKey, idKey, StoreErrorCode } from './database'
import { invalid, nextNumericId, parseOrThrow } from './records'
import type { Store } from './store'

/** Groups and doors are the site's own setup: kept locally for decisions, not pushed to the server. */
export function saveGroup(store: Store, input: unknown): Group {
  const group = parseOrThrow(GroupInputSchema, input)
  return store.write(() => {
    const door = store.db.prepare('SELECT 1 FROM doors WHERE id = ?')
    const missing = group.access.flatMap((a) => a.door_ids).find((id) => !door.get(idKey(id)))
    if (missing !== undefined) invalid({ access: `There is no door ${JSON.stringify(missing)}.` })
    const id = upsert(store, 'groups', group.id, ['name', 'access'], [group.name, JSON.stringify(group.access)])
    return GroupSchema.parse({ id: idFromKey(id), name: group.name, access: group.access })
  })
}

export function saveDoor(store: Store, input: unknown): Door {
  const door = parseOrThrow(DoorInputSchema, input)
  return store.write(() => {
    const type = store.db.prepare('SELECT 1 FROM credential_types WHERE id = ?')
    const missing = door.accepts.find((id) => !type.get(idKey(id)))
    if (missing !== undefined) invalid({ accepts: `There is no credential type ${JSON.stringify(missing)}.` })
    const values = [door.name, door.mode, JSON.stringify(door.accepts), door.requires_pin ? 1 : 0]
    const id = upsert(store, 'doors', door.id, ['name', 'mode', 'accepts', 'requires_pin'], values)
    return DoorSchema.parse({ ...door, id: idFromKey(id) })
  })
}

function upsert(store: Store, table: 'groups' | 'doors', id: Id | undefined, columns: string[], values: unknown[]): string {
  if (id !== undefined) {
    const sets = columns.map((c) => `${c} = ?`).join(', ')
    const changed = store.db.prepare(`UPDATE ${table} SET ${sets} WHERE id = ?`).run(...values, idKey(id)).changes
    if (changed === 0) throw new LintelError(StoreErrorCode.notFound, `There is no ${table.slice(0, -1)} ${JSON.stringify(id)}.`)
    return idKey(id)
  }
  const key = idKey(nextNumericId(store, table))
  store.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}, id) VALUES (${columns.map(() => '?').join(', ')}, ?)`).run(...values, key)
  return key
}

/** Deletes a group; people keep the id in their list until edited (the engine treats it as missing). */
export function deleteGroup(store: Store, id: Id): void {
  removeFrom(store, 'groups', id)
}

export function deleteDoor(store: Store, id: Id): void {
  removeFrom(store, 'doors', id)
}

function removeFrom(store: Store, table: 'groups' | 'doors', id: Id): void {
  const changed = store.write(() => store.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(idKey(id)).changes)
  if (changed === 0) throw new LintelError(StoreErrorCode.notFound, `There is no ${table.slice(0, -1)} ${JSON.stringify(id)}.`)
}
