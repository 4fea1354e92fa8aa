import { NO_VALUE_LABEL, type CredentialType, type Group, type Id } from '../domain/site'
import { checkCredentialValue } from '../formats/validate'
import { instantsAtLocal, isInstant, MS_PER_DAY, parseLocalDate, zoneTable } from '../time'
import { IMPORT_COLUMNS, type ImportColumn, type ImportMapping } from './importColumns'

/** One problem with one imported row: `row` is the file line where the record starts, `column` the header's text. */
export interface RowError {
  row: number
  column: string
  message: string
}

/** A credential an imported row asks for, its value already in stored form. */
export interface ImportedCredential {
  credential_type_id: Id
  /** Null for a mobile row with no value: the credential is created as an invitation (DoorFlow gives it none). */
  value: string | null
  label: string | null
  pin: boolean
  /** Phone credentials (the mobile types: HID Mobile Access, PassFlow) start as invitations; others are active. */
  status: 'active' | 'invited'
}

/** A valid row: the person's fields and the credentials to issue. Absent optional cells are null. */
export interface ImportedRow {
  first_name: string
  last_name: string
  email: string
  enabled: boolean | null
  valid_from: string | null
  valid_to: string | null
  group_ids: Id[] | null
  credentials: ImportedCredential[]
}

/** What rows are checked against: the site's types, groups and zone, and whether weak PINs pass. */
export interface ImportContext {
  readonly types: readonly CredentialType[]
  readonly groups: readonly Pick<Group, 'id' | 'name'>[]
  readonly timezone: string
  readonly allowWeakPins: boolean
  /** Given when the import may create the groups it names (`--create-groups`): creates one, returns its id. */
  readonly createGroup?: (name: string) => Id
}

/** Column → field position in each record, from the header record and the mapping. */
export type ColumnIndex = Partial<Record<ImportColumn, { index: number; header: string }>>

export function columnIndex(headers: readonly string[], mapping: ImportMapping): ColumnIndex {
  const index: ColumnIndex = {}
  for (const column of IMPORT_COLUMNS) {
    const header = mapping[column]
    const at = header === undefined ? -1 : headers.indexOf(header)
    if (header !== undefined && at >= 0) index[column] = { index: at, header }
  }
  return index
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::00)?$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const TRUE = new Set(['true', 'yes', 'y', '1', 'enabled', 'active'])
const FALSE = new Set(['false', 'no', 'n', '0', 'disabled', 'inactive'])

/** Reads and checks one data record. Every problem of the row is reported, each with its column. */
export class RowReader {
  private readonly typeByKey = new Map<string, CredentialType>()
  private readonly groupByName = new Map<string, Id>()
  private readonly pinType: CredentialType | undefined
  /** Group names the rows use that the site did not have, as first written. */
  readonly newGroups: string[] = []
  // The record being read: read() sets these, so the checks need no closures made per row.
  private line = 0
  private fields: readonly string[] = []
  private errors: RowError[] = []

  constructor(
    private readonly columns: ColumnIndex,
    private readonly context: ImportContext
  ) {
    for (const t of context.types) for (const key of [String(t.id), t.label, t.slug]) this.typeByKey.set(key.toLowerCase(), t)
    for (const g of context.groups) this.groupByName.set(g.name.trim().toLowerCase(), g.id)
    this.pinType = context.types.find((t) => t.format === 'pin')
  }

  read(line: number, fields: readonly string[]): { ok: true; row: ImportedRow } | { ok: false; errors: RowError[] } {
    this.line = line
    this.fields = fields
    this.errors = []
    const row: ImportedRow = {
      first_name: this.cell('first_name') || (this.fail('first_name', 'A first name is required.') ?? ''),
      last_name: this.cell('last_name') || (this.fail('last_name', 'A last name is required.') ?? ''),
      email: this.email(this.cell('email')),
      enabled: this.flag(this.cell('enabled')),
      valid_from: this.instant(this.cell('valid_from'), 'valid_from', 0),
      valid_to: this.instant(this.cell('valid_to'), 'valid_to', 1),
      group_ids: this.groups(this.cell('group')),
      credentials: this.credentials()
    }
    if (row.valid_from && row.valid_to && Date.parse(row.valid_to) <= Date.parse(row.valid_from)) this.fail('valid_to', 'valid_to must be after valid_from.')
    const errors = this.errors
    this.fields = []
    return errors.length ? { ok: false, errors } : { ok: true, row }
  }

  /** The record's trimmed cell in a column, or '' when the file has no such column. */
  private cell(column: ImportColumn): string {
    const at = this.columns[column]
    return at ? (this.fields[at.index] ?? '').trim() : ''
  }

  private fail(column: ImportColumn, message: string): null {
    this.errors.push({ row: this.line, column: this.columns[column]?.header ?? column, message })
    return null
  }

  private email(text: string): string {
    if (text === '') return this.fail('email', 'An email address is required.') ?? ''
    if (text.startsWith('=')) return this.fail('email', `"${text}" is a formula with no saved value, not an email address: open and save the workbook in Excel, or type the address.`) ?? ''
    return EMAIL.test(text) ? text : (this.fail('email', `"${text}" is not an email address.`) ?? '')
  }

  private flag(text: string): boolean | null {
    if (text === '') return null
    const lower = text.toLowerCase()
    if (TRUE.has(lower)) return true
    if (FALSE.has(lower)) return false
    return this.fail('enabled', `"${text}" is not yes or no (true/false, 1/0).`)
  }

  /**
   * An instant as is. Without an offset, in the site's zone: a date YYYY-MM-DD is the start of that
   * day (valid_from) or of the next (valid_to); a date and time (YYYY-MM-DD HH:MM) is that moment.
   */
  private instant(text: string, column: ImportColumn, dayShift: number): string | null {
    if (text === '') return null
    if (isInstant(text)) return text
    const local = LOCAL_DATE_TIME.exec(text)
    const day = parseLocalDate(local ? (local[1] ?? '') : text)
    if (Number.isNaN(day)) return this.fail(column, `"${text}" is not a date (YYYY-MM-DD), a local date and time (YYYY-MM-DD HH:MM) or an instant with Z or an offset.`)
    const [shift, minute] = local ? [0, Number(local[2]) * 60 + Number(local[3])] : [dayShift, 0]
    const at = instantsAtLocal(zoneTable(this.context.timezone), day + shift, minute)[0] ?? (day + shift) * MS_PER_DAY + minute * 60_000
    return new Date(at).toISOString().replace('.000Z', 'Z')
  }

  private groups(text: string): Id[] | null {
    if (text === '') return null
    const ids: Id[] = []
    for (const name of text.split(';').map((n) => n.trim()).filter(Boolean)) {
      const id = this.groupByName.get(name.toLowerCase()) ?? this.newGroup(name)
      if (id === undefined) return this.fail('group', this.noGroup(name))
      if (!ids.includes(id)) ids.push(id)
    }
    return ids
  }

  /** A group the site lacks: created when the import may, and remembered either way so it is reported once. */
  private newGroup(name: string): Id | undefined {
    if (!this.newGroups.some((n) => n.toLowerCase() === name.toLowerCase())) this.newGroups.push(name)
    if (!this.context.createGroup) return undefined
    const id = this.context.createGroup(name)
    this.groupByName.set(name.toLowerCase(), id)
    return id
  }

  private noGroup(name: string): string {
    const names = this.context.groups.map((g) => g.name)
    const known = names.length === 0 ? 'This site has no groups yet' : `The groups are: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}`
    return `There is no group called "${name}". ${known}. Import with --create-groups to create it, or add it with: lintel groups add "${name}".`
  }

  private credentials(): ImportedCredential[] {
    const out: ImportedCredential[] = []
    const typeText = this.cell('credential_type')
    // An export's "— (invitation)" reads back as no value, so an exported file imports again.
    const written = this.cell('credential_value')
    const value = written === NO_VALUE_LABEL ? '' : written
    if (typeText || value) {
      const type = this.typeByKey.get(typeText.toLowerCase())
      if (!typeText) this.fail('credential_type', 'A credential value needs a credential type.')
      else if (!type) this.fail('credential_type', `There is no credential type "${typeText}" (use its id, label or slug).`)
      else if (!value && type.format === 'mobile') out.push({ credential_type_id: type.id, value: null, label: this.cell('device_label') || null, pin: false, status: 'invited' })
      else if (!value) this.fail('credential_value', `A ${type.label} credential needs a value (only a mobile credential may have none: it is sent as an invitation).`)
      else this.credential(type, value, this.cell('device_label'), 'credential_value', out)
    }
    const pin = this.cell('pin')
    if (pin && !this.pinType) this.fail('pin', 'This site has no PIN credential type.')
    else if (pin && this.pinType) this.credential(this.pinType, pin, 'PIN', 'pin', out)
    return out
  }

  private credential(type: CredentialType, raw: string, label: string, column: ImportColumn, out: ImportedCredential[]): void {
    const checked = checkCredentialValue(type, raw, { allowWeakPin: this.context.allowWeakPins })
    if (!checked.ok) {
      this.fail(column, checked.code === 'pin_weak' ? `${checked.message.replace('or override', 'or import with --allow-weak-pins')}` : checked.message)
      return
    }
    out.push({ credential_type_id: type.id, value: checked.value, label: label || null, pin: type.format === 'pin', status: type.format === 'mobile' ? 'invited' : 'active' })
  }
}
