import { GroupSchema, type Group, type Id } from '../../shared/domain/site'
import { GroupInputSchema } from '../../shared/provisioning/schemas'
import { idKey } from './database'
import { invalid, nextWholeId, notFound, parseOrThrow } from './records'
import type { Statements } from './statements'
import type { Store } from './store'

/**
 * The one writer of `groups`. Groups are the site's own setup, kept locally for decisions and
 * not pushed to the server, so no write here touches the outbox. The pull links them to DoorFlow's
 * groups (`…Pulled`, `unlink`).
 */
export class Groups {
  constructor(
    private readonly sql: Statements,
    private readonly store: Pick<Store, 'transaction' | 'doors'>
  ) {}

  /** True when there is a group with this id. */
  exists(id: Id): boolean {
    return this.sql.value('SELECT 1 FROM groups WHERE id = ?').get(idKey(id)) !== undefined
  }

  /** The next whole-number id for a new group. */
  nextId(): number {
    return nextWholeId(this.sql, 'groups')
  }

  /** Inserts a group as given (seeding a new database from a snapshot). */
  add(group: Group): void {
    this.sql.rows('INSERT INTO groups (id, name, access) VALUES (?, ?, ?)').run(idKey(group.id), group.name, JSON.stringify(group.access))
  }

  /** Adds a group DoorFlow lists and Lintel lacks (stored key `key`), opening no door yet. */
  addPulled(key: string, name: string, remoteId: string): void {
    this.sql.rows("INSERT INTO groups (id, name, access, remote_id) VALUES (?, ?, '[]', ?)").run(key, name, remoteId)
  }

  /** Links a local group (stored key `key`) to DoorFlow's and takes its name; its access stays. */
  applyPulled(key: string, name: string, remoteId: string): void {
    this.sql.rows('UPDATE groups SET name = ?, remote_id = ? WHERE id = ?').run(name, remoteId, key)
  }

  /** Forgets DoorFlow's id of a group it no longer lists (stored key `key`); the group and its rules stay. */
  unlink(key: string): void {
    this.sql.rows('UPDATE groups SET remote_id = NULL WHERE id = ?').run(key)
  }

  /** Creates or updates a group from the form; every door it opens must exist. */
  save(input: unknown): Group {
    const group = parseOrThrow(GroupInputSchema, input)
    return this.store.transaction(() => {
      const missing = group.access.flatMap((a) => a.door_ids).find((id) => !this.store.doors.exists(id))
      if (missing !== undefined) invalid({ access: `There is no door ${JSON.stringify(missing)}.` })
      const saved = GroupSchema.parse({ id: group.id ?? this.nextId(), name: group.name, access: group.access })
      if (group.id === undefined) return this.add(saved), saved
      const changed = this.sql.rows('UPDATE groups SET name = ?, access = ? WHERE id = ?').run(saved.name, JSON.stringify(saved.access), idKey(saved.id)).changes
      return changed ? saved : notFound('group', group.id)
    })
  }

  /** Deletes a group; people keep the id in their list until edited (the engine treats it as missing). */
  delete(id: Id): void {
    const changed = this.store.transaction(() => this.sql.rows('DELETE FROM groups WHERE id = ?').run(idKey(id)).changes)
    if (changed === 0) notFound('group', id)
  }
}
