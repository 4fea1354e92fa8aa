import type { ImportedCredential, ImportedRow, RowError } from '../../shared/provisioning/importRows'
import { idFromKey } from '../store/database'
import type { Store } from '../store/store'
import type { Id } from '../../shared/domain/site'

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

  /** Applies one row; returns 'created' or 'updated', or the row's errors (then nothing of it is written). */
  apply(line: number, row: ImportedRow, columnOf: (field: 'credential_value' | 'pin') => string): 'created' | 'updated' | RowError[] {
    const inUse = (credential: ImportedCredential): RowError[] => [{ row: line, column: columnOf(credential.pin ? 'pin' : 'credential_value'), message: this.clashMessage(credential) }]
    const existing = this.store.people.idByEmail(row.email)
    if (existing === undefined) return this.applyNew(line, row, inUse)
    const fresh: ImportedCredential[] = []
    for (const credential of row.credentials) {
      // A value-less mobile row is an invitation: one per person and type, so importing the file again adds none.
      if (credential.value === null) {
        if (!this.store.credentials.hasInvitation(existing, credential.credential_type_id)) fresh.push(credential)
        continue
      }
      const holder = this.store.credentials.holderOf(credential.credential_type_id, credential.value)
      if (holder === undefined) fresh.push(credential)
      else if (holder !== existing) return inUse(credential)
    }
    const personId = idFromKey(existing)
    this.store.people.merge(personId, row)
    for (const credential of fresh) this.addCredential(personId, credential)
    return 'updated'
  }

  /**
   * A new person: written first, then each credential, which the UNIQUE (type, value) index refuses
   * when the value is taken; then the person is removed again (with what this row added) so the
   * row leaves nothing behind. This saves a lookup per credential on the common path.
   */
  private applyNew(line: number, row: ImportedRow, inUse: (credential: ImportedCredential) => RowError[]): 'created' | RowError[] {
    const ids = { person: this.nextPersonId, credential: this.nextCredentialId }
    const personId = this.nextPersonId++
    this.remember(personId, line)
    this.store.people.create(personId, { ...row, enabled: row.enabled !== false, group_ids: row.group_ids ?? [] })
    for (const credential of row.credentials) {
      if (this.addCredential(personId, credential)) continue
      this.store.people.remove(personId)
      this.nextPersonId = ids.person
      this.nextCredentialId = ids.credential
      return inUse(credential)
    }
    return 'created'
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
