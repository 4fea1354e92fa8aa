import { credentialsCsv, credentialsTable, peopleCsv, peopleTable, type ExportTable } from '../provisioning/exports'
import { tableXlsx } from '../provisioning/xlsxExport'
import type { ProvisioningService } from './provisioningService'
import type { SiteService } from './siteService'

/** What can be exported: the whole site as a snapshot, or people or credentials as CSV. */
export type ExportKind = 'snapshot' | 'people' | 'credentials'

/**
 * The export as the app, the browser host and the CLI make it: from the database, CSVs carry each
 * record's sync state; from a snapshot file (which has none) every record reads `local`.
 * A snapshot carries real PINs, as snapshots do; the CSVs mask them.
 */
export function exportSite(site: SiteService, provisioning: ProvisioningService, kind: ExportKind): { filename: string; text: string } {
  const snapshot = site.snapshot()
  if (kind === 'snapshot') return { filename: 'site.json', text: `${JSON.stringify(snapshot, null, 2)}\n` }
  if (site.summary().source === 'database') return provisioning.exportCsv(kind)
  return { filename: `${kind}.csv`, text: kind === 'people' ? peopleCsv(snapshot, () => 'local') : credentialsCsv(snapshot, () => 'local') }
}

/** People or credentials as a table (PINs masked), from the database or (every record `local`) a snapshot file. */
export function exportTable(site: SiteService, provisioning: ProvisioningService, kind: 'people' | 'credentials'): ExportTable {
  if (site.summary().source === 'database') return provisioning.exportTable(kind)
  const snapshot = site.snapshot()
  return kind === 'people' ? peopleTable(snapshot, () => 'local') : credentialsTable(snapshot, () => 'local')
}

/** People or credentials as an XLSX workbook in base64 (the app's export; the CLI writes the same workbook to a file). */
export async function workbookFile(table: ExportTable, kind: 'people' | 'credentials'): Promise<{ filename: string; base64: string }> {
  return { filename: `${kind}.xlsx`, base64: (await tableXlsx(table, kind === 'people' ? 'People' : 'Credentials')).toString('base64') }
}
