import { csvLine, csvLineAsWritten, formulaSafe } from '../../shared/csv/write'
import { NO_VALUE_LABEL, type CredentialType, type Id, type Site } from '../../shared/domain/site'
import type { ImportReport, RejectedRecord } from './importPeople'
import { idKey } from '../store/database'
import type { OutboxRow } from '../store/outbox'
import type { RecordSyncState } from '../store/syncStates'

/** What the UI and exports show instead of a PIN. */
export const MASKED_PIN = '••••'

export type SyncStateOf = (entity: OutboxRow['entity'], id: Id) => RecordSyncState

/** One cell of an exported table. */
export type ExportCell = string | boolean
/** An exported table: its header and its rows, the same for CSV and XLSX. */
export interface ExportTable {
  head: string[]
  rows: ExportCell[][]
}

/** People with their group names and sync state. */
export function peopleTable(site: Site, stateOf: SyncStateOf): ExportTable {
  const groups = new Map(site.groups.map((g) => [idKey(g.id), g.name]))
  const rows = site.people.map((p) => {
    const names = p.group_ids.map((id) => groups.get(idKey(id)) ?? String(id)).join(';')
    return [String(p.id), p.first_name, p.last_name, p.email, p.enabled, p.valid_from ?? '', p.valid_to ?? '', names, stateOf('person', p.id)]
  })
  return { head: ['id', 'first_name', 'last_name', 'email', 'enabled', 'valid_from', 'valid_to', 'group', 'sync_state'], rows }
}

/** Credentials with their holder's email and sync state; PIN values are masked. */
export function credentialsTable(site: Site, stateOf: SyncStateOf): ExportTable {
  const types = new Map(site.credential_types.map((t) => [idKey(t.id), t]))
  const emails = new Map(site.people.map((p) => [idKey(p.id), p.email]))
  const rows = site.credentials.map((c) => {
    const type = types.get(idKey(c.credential_type_id))
    const value = c.value === undefined ? NO_VALUE_LABEL : type?.format === 'pin' ? MASKED_PIN : c.value
    return [String(c.id), String(c.person_id), emails.get(idKey(c.person_id)) ?? '', type?.label ?? String(c.credential_type_id), value, c.label ?? '', c.device ?? '', c.enabled, c.status, stateOf('credential', c.id)]
  })
  return { head: ['id', 'person_id', 'email', 'credential_type', 'credential_value', 'label', 'device', 'enabled', 'status', 'sync_state'], rows }
}

/** A table as CSV (formula-safe). */
export function tableCsv(table: ExportTable): string {
  return [csvLine(table.head), ...table.rows.map((row) => csvLine(row))].join('')
}

/** People as CSV (formula-safe), with their group names and sync state. */
export function peopleCsv(site: Site, stateOf: SyncStateOf): string {
  return tableCsv(peopleTable(site, stateOf))
}

/** Credentials as CSV (formula-safe); PIN values are masked. */
export function credentialsCsv(site: Site, stateOf: SyncStateOf): string {
  return tableCsv(credentialsTable(site, stateOf))
}

/**
 * The rejected rows exactly as the user wrote them (PINs included: it is their own input, written
 * 0600 by the caller), in the file's delimiter, plus a `reason` column ("column: message; …"), so a
 * corrected file imports again. UTF-8 with a BOM, which Excel opens as UTF-8.
 */
export function rejectedRowsCsv(headers: readonly string[], rejected: readonly RejectedRecord[], delimiter = ','): string {
  const lines = [`\uFEFF${csvLineAsWritten([...headers, 'reason'], delimiter)}`]
  for (const record of rejected) {
    const cells = headers.map((_h, i) => record.fields[i] ?? '')
    const reason = record.errors.map((e) => `${e.column}: ${e.message}`).join('; ')
    lines.push(csvLineAsWritten([...cells, formulaSafe(reason)], delimiter))
  }
  return lines.join('')
}

/**
 * Which cells of an imported record hold a PIN: the pin column, and the value column of rows
 * whose credential type (id, label or slug) is a PIN type.
 */
export function pinCells(report: Pick<ImportReport, 'headers' | 'mapping'>, types: readonly CredentialType[]): (record: { fields: string[] }, index: number) => boolean {
  const at = (column: keyof ImportReport['mapping']): number => {
    const header = report.mapping[column]
    return header === undefined ? -1 : report.headers.indexOf(header)
  }
  const [pin, value, type] = [at('pin'), at('credential_value'), at('credential_type')]
  const pinTypes = new Set(types.filter((t) => t.format === 'pin').flatMap((t) => [String(t.id), t.label, t.slug].map((key) => key.toLowerCase())))
  return (record, index) => index === pin || (index === value && pinTypes.has(record.fields[type]?.trim().toLowerCase() ?? ''))
}
