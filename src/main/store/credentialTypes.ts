import type { CredentialType, Id } from '../../shared/domain/site'
import { idKey } from './database'
import type { Row } from './records'
import { typeOf } from './siteRows'
import type { Statements } from './statements'

/**
 * The one writer of `credential_types`: seeded with a site, and added from the DoorFlow account
 * by the pull.
 */
export class CredentialTypes {
  constructor(private readonly sql: Statements) {}

  /** Every credential type, in insertion order. */
  all(): CredentialType[] {
    return (this.sql.rows('SELECT * FROM credential_types ORDER BY row').all() as Row[]).map(typeOf)
  }

  /** True when there is a credential type with this id. */
  exists(id: Id): boolean {
    return this.sql.value('SELECT 1 FROM credential_types WHERE id = ?').get(idKey(id)) !== undefined
  }

  /** Inserts a credential type as given (seeding a new database). */
  add(type: CredentialType): void {
    this.sql.rows('INSERT INTO credential_types (id, label, slug, format, technology) VALUES (?, ?, ?, ?, ?)').run(idKey(type.id), type.label, type.slug, type.format, type.technology)
  }

  /** Adds a type the DoorFlow account has, unless one with its id is here already; true when added. */
  addFromAccount(type: CredentialType): boolean {
    return this.sql.rows('INSERT OR IGNORE INTO credential_types (id, label, slug, format, technology) VALUES (?, ?, ?, ?, ?)').run(idKey(type.id), type.label, type.slug, type.format, type.technology).changes === 1
  }
}
