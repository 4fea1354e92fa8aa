import { describe, expect, it } from 'vitest'
import { mappingProblems, suggestMapping } from '../../../src/shared/provisioning/importColumns'
import { columnIndex, RowReader } from '../../../src/shared/provisioning/importRows'
import { demoSite } from '../../helpers/demoSite'

const site = demoSite()
const headers = ['First Name', 'Surname', 'E-mail', 'Groups', 'credential_type', 'credential_value', 'PIN', 'device', 'valid_from', 'valid_to', 'enabled']
const context = { types: site.credential_types, groups: site.groups, timezone: 'Europe/London', allowWeakPins: false }
const reader = new RowReader(columnIndex(headers, suggestMapping(headers)), context)
const row = (patch: Partial<Record<string, string>> = {}): string[] => {
  const base: Record<string, string> = {
    'First Name': 'Ada', Surname: 'Lovelace', 'E-mail': 'ada@example.com', Groups: 'Staff; it', credential_type: 'passflow',
    credential_value: 'pf-1a2b-3c4d', PIN: '583920', device: 'Pixel 9', valid_from: '2026-07-01', valid_to: '', enabled: 'yes'
  }
  return headers.map((h) => patch[h] ?? base[h] ?? '')
}

describe('import mapping', () => {
  it('guesses every column from common header names', () => {
    expect(suggestMapping(headers)).toMatchObject({ first_name: 'First Name', last_name: 'Surname', email: 'E-mail', group: 'Groups', pin: 'PIN', device_label: 'device' })
  })

  it('knows the usual spellings of the email and validity columns', () => {
    const variants = ['Given Name', 'Family Name', 'E-mail Address', 'Start Date', 'End Date', 'Group Name']
    expect(suggestMapping(variants)).toEqual({ first_name: 'Given Name', last_name: 'Family Name', email: 'E-mail Address', valid_from: 'Start Date', valid_to: 'End Date', group: 'Group Name' })
  })

  it('names the required columns a mapping leaves out', () => {
    expect(mappingProblems({ first_name: 'a' }, ['a'])).toEqual(['last_name is required: choose the header that holds it.', 'email is required: choose the header that holds it.'])
  })
})

describe('RowReader', () => {
  it('reads a good row: groups by name, type by slug, value and PIN in stored form, dates in site time', () => {
    const read = reader.read(2, row())
    expect(read).toEqual({
      ok: true,
      row: {
        first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', enabled: true, valid_from: '2026-06-30T23:00:00Z', valid_to: null, group_ids: [1, 3],
        credentials: [
          { credential_type_id: 9, value: 'PF-1A2B-3C4D', label: 'Pixel 9', pin: false, status: 'invited' },
          { credential_type_id: 6, value: '583920', label: 'PIN', pin: true, status: 'active' }
        ]
      }
    })
  })

  it('reports every problem of a row with its line and the header text', () => {
    const read = reader.read(7, row({ 'E-mail': 'nope', Groups: 'Staff;Astronauts', PIN: '1111', enabled: 'maybe' }))
    expect(read).toEqual({
      ok: false,
      errors: [
        { row: 7, column: 'E-mail', message: '"nope" is not an email address.' },
        { row: 7, column: 'enabled', message: '"maybe" is not yes or no (true/false, 1/0).' },
        { row: 7, column: 'Groups', message: expect.stringMatching(/^There is no group called "Astronauts"\. The groups are: /) },
        { row: 7, column: 'PIN', message: expect.stringMatching(/easy to guess/) }
      ]
    })
  })

  it('reads a mobile row with no value as an invitation; a card row with none is refused', () => {
    expect(reader.read(2, row({ credential_value: '', PIN: '' }))).toMatchObject({
      ok: true, row: { credentials: [{ credential_type_id: 9, value: null, label: 'Pixel 9', pin: false, status: 'invited' }] }
    })
    expect(reader.read(3, row({ credential_type: 'hid-prox-26', credential_value: '', PIN: '' }))).toEqual({
      ok: false, errors: [{ row: 3, column: 'credential_value', message: expect.stringMatching(/^A HID Prox 26-bit \(H10301\) credential needs a value \(only a mobile/) as unknown }]
    })
  })

  it('accepts a type by id or label, and a weak PIN when allowed', () => {
    const lenient = new RowReader(columnIndex(headers, suggestMapping(headers)), { ...context, allowWeakPins: true })
    expect(lenient.read(2, row({ credential_type: 'HID Prox 26-bit (H10301)', credential_value: '12:345', PIN: '1111' })).ok).toBe(true)
    expect(reader.read(2, row({ credential_type: '3', credential_value: '300:1' }))).toMatchObject({ ok: false, errors: [{ column: 'credential_value' }] })
  })
})
