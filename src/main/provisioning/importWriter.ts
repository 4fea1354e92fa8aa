import type { ImportedCredential, ImportedRow, RowError } from '../../shared/provisioning/importRows'
import { idFromKey } from '../store/database'
import type { Store } from '../store/store'
import type { Id } from '../../shared/domain/site'

/** The header of the column a credential came from. */
export type ColumnOf = (field: 'credential_value' | 'pin') => string

/**
 * Writes checked rows inside the import's transaction: people matched by email (case-insensitive),
 * never duplicated. It writes only through the store's people and credentials, so each row
 * queues its operations for the server exactly as the forms do.
 */
export class ImportWriter {
  private nextPersonId: number
  private nextCredentialId: number
  private readonly now = new Date().toISOString()
  private readonly firstPersonId: number
  /** The file line of each person this import created, by id − firstPersonId: 4 bytes a row keeps memory flat. */
  private createdLines = new Int32Array(4096)

  constructor(private readonly store: Store) {
    this.nextPersonId = store.people.nextId()
    this.firstPersonId = this.nextPersonId
    this.nextCredentialId = store.credentials.nextId()
  }

  /**
   * Applies one row; returns 'created' or 'updated', or the row's errors (then nothing of it is
   * written). A new person is inserted at once, which the UNIQUE email index refuses when the email
   * is taken: that saves a lookup per row on the common path.
   */
  apply(line: number, row: ImportedRow, columnOf: ColumnOf): 'created' | 'updated' | RowError[] {
    const personId = this.nextPersonId
    const person = { first_name: row.first_name, last_name: row.last_name, email: row.email, enabled: row.enabled !== false, valid_from: row.valid_from, valid_to: row.valid_to, group_ids: row.group_ids ?? [] }
    if (this.store.people.create(personId, person)) return this.applyNew(line, personId, row, columnOf)
    // Refused for its email, so someone holds it.
    return this.applyExisting(line, this.store.people.idByEmail(row.email) as string, row, columnOf)
  }

  private applyExisting(line: number, existing: string, row: ImportedRow, columnOf: ColumnOf): 'updated' | RowError[] {
    const fresh: ImportedCredential[] = []
    for (const credential of row.credentials) {
      // A value-less mobile row is an invitation: one per person and type, so importing the file again adds none.
      if (credential.value === null) {
        if (!this.store.credentials.hasInvitation(existing, credential.credential_type_id)) fresh.push(credential)
        continue
      }
      const holder = this.store.credentials.holderOf(credential.credential_type_id, credential.value)
      if (holder === undefined) fresh.push(credential)
      else if (holder !== existing) return this.inUse(line, credential, columnOf)
    }
    const personId = idFromKey(existing)
    this.store.people.merge(personId, row)
    for (const credential of fresh) this.addCredential(personId, credential)
    return 'updated'
  }

  /**
   * A new person, just written: then each credential, which the UNIQUE (type, value) index refuses
   * when the value is taken; then the person is removed again (with what this row added) so the
   * row leaves nothing behind. This saves a lookup per credential on the common path.
   */
  private applyNew(line: number, personId: number, row: ImportedRow, columnOf: ColumnOf): 'created' | RowError[] {
    const firstCredentialId = this.nextCredentialId
    this.nextPersonId++
    this.remember(personId, line)
    for (const credential of row.credentials) {
      if (this.addCredential(personId, credential)) continue
      this.store.people.remove(personId)
      this.nextPersonId = personId
      this.nextCredentialId = firstCredentialId
      return this.inUse(line, credential, columnOf)
    }
    return 'created'
  }

  private inUse(line: number, credential: ImportedCredential, columnOf: ColumnOf): RowError[] {
    return [{ row: line, column: columnOf(credential.pin ? 'pin' : 'credential_value'), message: this.clashMessage(credential) }]
  }

  private remember(personId: number, line: number): void {
    const at = personId - this.firstPersonId
    if (at >= this.createdLines.length) {
      const grown = new Int32Array(this.createdLines.length * 2)
      grown.set(this.createdLines)
      this.createdLines = grown
    }
    this.createdLines[at] = line
  }

  /** Names the row of this file that holds the value, when a row of this file does. */
  private clashMessage(credential: ImportedCredential): string {
    const holder = credential.value === null ? undefined : this.store.credentials.holderOf(credential.credential_type_id, credential.value)
    const at = holder === undefined ? -1 : Number(holder) - this.firstPersonId
    if (at >= 0 && at < this.nextPersonId - this.firstPersonId) return `This value is already in use: same value as row ${this.createdLines[at] ?? '?'}.`
    return 'This value is already in use by another person.'
  }

  /** False when another credential already holds the value. */
  private addCredential(personId: Id, credential: ImportedCredential): boolean {
    const added = this.store.credentials.create(this.nextCredentialId, {
      person_id: personId,
      credential_type_id: credential.credential_type_id,
      value: credential.value,
      enabled: true,
      status: credential.status,
      label: credential.label,
      issued_at: this.now,
      device: credential.pin ? null : credential.label
    })
    if (added) this.nextCredentialId++
    return added
  }
}
