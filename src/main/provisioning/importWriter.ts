import type Database from 'better-sqlite3'
import type { ImportedCredential, ImportedRow, RowError } from '../../shared/provisioning/importRows'
import { idKey } from '../store/database'
import { nextNumericId } from '../store/records'
import type { Store } from '../store/store'

interface PersonMatch {
  id: string
}

/** Writes checked rows inside the import's transaction: people matched by email (case-insensitive), never duplicated. */
export class ImportWriter {
  private nextPersonId: number
  private nextCredentialId: number
  private readonly findPerson: Database.Statement
  private readonly findCredential: Database.Statement
  private readonly updatePerson: Database.Statement
  private readonly insertPerson: Database.Statement
  private readonly insertCredential: Database.Statement
  private readonly removePerson: Database.Statement
  private readonly now = new Date().toISOString()

  constructor(private readonly store: Store) {
    const db = store.db
    this.nextPersonId = nextNumericId(store, 'people')
    this.nextCredentialId = nextNumericId(store, 'credentials')
    this.findPerson = db.prepare('SELECT id FROM people WHERE email_key = ?')
    this.findCredential = db.prepare('SELECT person_id FROM credentials WHERE credential_type_id = ? AND value = ?').pluck()
    this.insertPerson = db.prepare(`INSERT INTO people (id, first_name, last_name, email, email_key, enabled, valid_from, valid_to, group_ids, pending_create)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`)
    this.insertCredential = db.prepare(`INSERT INTO credentials (id, person_id, credential_type_id, value, enabled, status, label, issued_at, device, pending_create)
      VALUES (?, ?, ?, ?, 1, 'active', ?, ?, ?, 1) ON CONFLICT (credential_type_id, value) DO NOTHING`)
    this.removePerson = db.prepare('DELETE FROM people WHERE id = ?')
    this.updatePerson = db.prepare(`UPDATE people SET first_name = ?, last_name = ?, email = ?, enabled = COALESCE(?, enabled),
      valid_from = COALESCE(?, valid_from), valid_to = COALESCE(?, valid_to), group_ids = COALESCE(?, group_ids) WHERE id = ?`)
  }

  /** Applies one row; returns 'created' or 'updated', or the row's errors (then nothing of it is written). */
  apply(line: number, row: ImportedRow, columnOf: (field: 'credential_value' | 'pin') => string): 'created' | 'updated' | RowError[] {
    const inUse = (credential: ImportedCredential): RowError[] => [{ row: line, column: columnOf(credential.pin ? 'pin' : 'credential_value'), message: 'This value is already in use by another person.' }]
    const existing = this.findPerson.get(row.email.toLowerCase()) as PersonMatch | undefined
    if (!existing) return this.applyNew(row, inUse)
    const fresh: ImportedCredential[] = []
    for (const credential of row.credentials) {
      const owner = this.findCredential.get(idKey(credential.credential_type_id), credential.value) as string | undefined
      if (owner === undefined) fresh.push(credential)
      else if (owner !== existing.id) return inUse(credential)
    }
    this.update(existing.id, row)
    for (const credential of fresh) this.addCredential(existing.id, credential)
    return 'updated'
  }

  /**
   * A new person: written first, then each credential, which the UNIQUE (type, value) index refuses
   * when the value is taken; then the person is removed again (with what this row added) so the
   * row leaves nothing behind. This saves a lookup per credential on the common path.
   */
  private applyNew(row: ImportedRow, inUse: (credential: ImportedCredential) => RowError[]): 'created' | RowError[] {
    const ids = { person: this.nextPersonId, credential: this.nextCredentialId }
    const personId = this.insert(row)
    for (const credential of row.credentials) {
      if (this.addCredential(personId, credential)) continue
      this.removePerson.run(personId)
      this.nextPersonId = ids.person
      this.nextCredentialId = ids.credential
      return inUse(credential)
    }
    return 'created'
  }

  private insert(row: ImportedRow): string {
    const id = String(this.nextPersonId++)
    const groups = JSON.stringify(row.group_ids ?? [])
    this.insertPerson.run(id, row.first_name, row.last_name, row.email, row.email.toLowerCase(), row.enabled === false ? 0 : 1, row.valid_from, row.valid_to, groups)
    return id
  }

  private update(id: string, row: ImportedRow): string {
    const enabled = row.enabled === null ? null : row.enabled ? 1 : 0
    const groups = row.group_ids === null ? null : JSON.stringify(row.group_ids)
    this.updatePerson.run(row.first_name, row.last_name, row.email, enabled, row.valid_from, row.valid_to, groups, id)
    this.store.outbox.enqueue('person', id, 'update')
    return id
  }

  /** False when another credential already holds the value. */
  private addCredential(personId: string, credential: ImportedCredential): boolean {
    const device = credential.pin ? null : credential.label
    const added = this.insertCredential.run(String(this.nextCredentialId), personId, idKey(credential.credential_type_id), credential.value, credential.label, this.now, device).changes === 1
    if (added) this.nextCredentialId++
    return added
  }
}
