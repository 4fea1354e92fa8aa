import { DoorSchema, type Door, type Id } from '../../shared/domain/site'
import { DoorInputSchema } from '../../shared/provisioning/schemas'
import { idKey } from './database'
import { invalid, nextWholeId, notFound, parseOrThrow } from './records'
import type { Statements } from './statements'
import type { Store } from './store'

/**
 * The one writer of `doors`. Doors are the site's own setup, kept locally for decisions and not
 * pushed to the server, so no write here touches the outbox. The pull adds doors for DoorFlow's
 * channels and follows their mode (`addPulled`, `applyPulledMode`).
 */
export class Doors {
  constructor(
    private readonly sql: Statements,
    private readonly store: Pick<Store, 'transaction' | 'credentialTypes'>
  ) {}

  /** True when there is a door with this id. */
  exists(id: Id): boolean {
    return this.sql.value('SELECT 1 FROM doors WHERE id = ?').get(idKey(id)) !== undefined
  }

  /** The next whole-number id for a new door. */
  nextId(): number {
    return nextWholeId(this.sql, 'doors')
  }

  /** Inserts a door as given (seeding a new database from a snapshot). */
  add(door: Door): void {
    this.sql
      .rows('INSERT INTO doors (id, name, mode, accepts, requires_pin, reader_radios) VALUES (?, ?, ?, ?, ?, ?)')
      .run(idKey(door.id), door.name, door.mode, JSON.stringify(door.accepts), door.requires_pin ? 1 : 0, door.reader_radios ? JSON.stringify(door.reader_radios) : null)
  }

  /** Adds a door for a DoorFlow channel Lintel has no door for (stored key `key`); it needs no PIN. */
  addPulled(key: string, name: string, mode: Door['mode'], accepts: readonly unknown[]): void {
    this.sql.rows('INSERT INTO doors (id, name, mode, accepts, requires_pin) VALUES (?, ?, ?, ?, 0)').run(key, name, mode, JSON.stringify(accepts))
  }

  /** Takes the mode DoorFlow's channel is in (stored key `key`); the rest of the door stays. */
  applyPulledMode(key: string, mode: Door['mode']): void {
    this.sql.rows('UPDATE doors SET mode = ? WHERE id = ?').run(mode, key)
  }

  /** Creates or updates a door from the form; every credential type it accepts must exist. Reader radios stay as they were. */
  save(input: unknown): Door {
    const door = parseOrThrow(DoorInputSchema, input)
    return this.store.transaction(() => {
      const missing = door.accepts.find((id) => !this.store.credentialTypes.exists(id))
      if (missing !== undefined) invalid({ accepts: `There is no credential type ${JSON.stringify(missing)}.` })
      const saved = DoorSchema.parse({ ...door, id: door.id ?? this.nextId() })
      if (door.id === undefined) return this.add(saved), saved
      const changed = this.sql
        .rows('UPDATE doors SET name = ?, mode = ?, accepts = ?, requires_pin = ? WHERE id = ?')
        .run(saved.name, saved.mode, JSON.stringify(saved.accepts), saved.requires_pin ? 1 : 0, idKey(saved.id)).changes
      return changed ? saved : notFound('door', door.id)
    })
  }

  /** Deletes a door; groups keep the id in their access until edited. */
  delete(id: Id): void {
    const changed = this.store.transaction(() => this.sql.rows('DELETE FROM doors WHERE id = ?').run(idKey(id)).changes)
    if (changed === 0) notFound('door', id)
  }
}
