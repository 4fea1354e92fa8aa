/** The CSV columns Lintel imports: the first three are required. See docs/provisioning.md. */
export const IMPORT_COLUMNS = [
  'first_name',
  'last_name',
  'email',
  'group',
  'credential_type',
  'credential_value',
  'pin',
  'device_label',
  'valid_from',
  'valid_to',
  'enabled'
] as const
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['first_name', 'last_name', 'email']

/** Which header (its text) feeds each column; unmapped optional columns are left out. */
export type ImportMapping = Partial<Record<ImportColumn, string>>

const SYNONYMS: Record<ImportColumn, readonly string[]> = {
  first_name: ['first_name', 'firstname', 'first', 'given_name', 'forename'],
  last_name: ['last_name', 'lastname', 'last', 'surname', 'family_name'],
  email: ['email', 'e_mail', 'email_address', 'e_mail_address', 'emailaddress', 'mail', 'work_email'],
  group: ['group', 'groups', 'group_names', 'group_name'],
  credential_type: ['credential_type', 'type', 'credential_type_id', 'credential_type_name'],
  credential_value: ['credential_value', 'value', 'credential', 'card_number', 'mobile_id'],
  pin: ['pin', 'pin_code', 'backup_pin'],
  device_label: ['device_label', 'device', 'label', 'device_name'],
  valid_from: ['valid_from', 'start', 'start_date', 'access_from', 'from', 'valid_since'],
  valid_to: ['valid_to', 'end', 'end_date', 'access_to', 'until', 'valid_until', 'expires', 'to'],
  enabled: ['enabled', 'active']
}

const normal = (header: string): string => header.trim().toLowerCase().replace(/[\s\-.]+/g, '_')

/** A first guess at the mapping: each column takes the first header that names it. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {}
  const taken = new Set<string>()
  for (const column of IMPORT_COLUMNS) {
    const header = headers.find((h) => !taken.has(h) && SYNONYMS[column].includes(normal(h)))
    if (header !== undefined) {
      mapping[column] = header
      taken.add(header)
    }
  }
  return mapping
}

/** What is wrong with a mapping: required columns left out, or headers the file does not have. */
export function mappingProblems(mapping: ImportMapping, headers: readonly string[]): string[] {
  const problems: string[] = []
  for (const column of REQUIRED_COLUMNS) if (!mapping[column]) problems.push(`${column} is required: choose the header that holds it.`)
  for (const [column, header] of Object.entries(mapping)) {
    if (header && !headers.includes(header)) problems.push(`${column}: the file has no header "${header}".`)
  }
  return problems
}
