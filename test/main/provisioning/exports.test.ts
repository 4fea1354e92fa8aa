import { describe, expect, it } from 'vitest'
import { credentialsTable } from '../../../src/main/provisioning/exports'
import { columnIndex, RowReader } from '../../../src/shared/provisioning/importRows'
import { suggestMapping } from '../../../src/shared/provisioning/importColumns'
import { demoSite } from '../../helpers/demoSite'

describe('credentialsTable', () => {
  it('shows a mobile credential with no value as "— (invitation)", which imports again as an invitation', () => {
    const site = demoSite()
    const passflow = site.credentials.find((c) => c.credential_type_id === 9)!
    delete passflow.value
    const table = credentialsTable(site, () => 'synced')
    const row = table.rows[site.credentials.indexOf(passflow)]!
    expect(row[table.head.indexOf('credential_value')]).toBe('— (invitation)')
    const headers = ['first_name', 'last_name', 'email', 'credential_type', 'credential_value']
    const reader = new RowReader(columnIndex(headers, suggestMapping(headers)), { types: site.credential_types, groups: site.groups, timezone: 'Europe/London', allowWeakPins: false })
    expect(reader.read(2, ['Ida', 'Invite', 'ida@example.com', 'PassFlow', '— (invitation)'])).toMatchObject({ ok: true, row: { credentials: [{ credential_type_id: 9, value: null, status: 'invited' }] } })
  })
})
