import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './renderApp'

async function openPerson(name: string) {
  fireEvent.click(await screen.findByRole('button', { name: `Edit ${name}` }))
  return screen.findByRole('heading', { name, level: 2 })
}

describe('Provision: people', () => {
  it('shows field errors next to the fields, then adds the person', async () => {
    const { holder } = renderApp('provision')
    fireEvent.click(await screen.findByRole('button', { name: 'Add a person' }))
    const form = screen.getByRole('form', { name: 'Add a person' })
    fireEvent.click(within(form).getByRole('button', { name: 'Add person' }))
    const first = within(form).getByLabelText('First name')
    expect(first.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(first.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent).toMatch(/First name is required/)
    fireEvent.change(first, { target: { value: 'Ada' } })
    fireEvent.change(within(form).getByLabelText('Last name'), { target: { value: 'Lovelace' } })
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'amira.haddad@EXAMPLE.com' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add person' }))
    expect(await within(form).findByText('Another person already has this email address.')).toBeTruthy()
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'ada@example.com' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add person' }))
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace', level: 2 })).toBeTruthy()
    expect(holder.site.people.at(-1)).toMatchObject({ id: 41, email: 'ada@example.com' })
  })
})

describe('Provision: credentials and best practices', () => {
  it('issues a backup PIN from the warning: masked, refused when weak unless overridden', async () => {
    const { holder } = renderApp('provision')
    await openPerson('Ben Whitaker')
    const warning = await screen.findByRole('region', { name: 'Best-practice warnings' })
    expect(within(warning).getByText(/has no backup/)).toBeTruthy()
    fireEvent.click(within(warning).getByRole('button', { name: 'Issue a backup PIN' }))
    const form = screen.getByRole('form', { name: 'Issue a credential' })
    const pin = within(form).getByLabelText('PIN') as HTMLInputElement
    expect(pin.type).toBe('password')
    expect(pin.value).toMatch(/^\d{6}$/)
    fireEvent.change(pin, { target: { value: '1234' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Issue credential' }))
    expect(await within(form).findByText(/This PIN is easy to guess/)).toBeTruthy()
    expect(pin.getAttribute('aria-invalid')).toBe('true')
    fireEvent.click(within(form).getByLabelText(/Keep this PIN/))
    fireEvent.click(within(form).getByRole('button', { name: 'Issue credential' }))
    await waitFor(() => expect(holder.site.credentials.at(-1)).toMatchObject({ person_id: 2, credential_type_id: 6, value: '1234', label: 'Backup PIN' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Best-practice warnings' })).toBeNull())
    expect(document.body.textContent).not.toContain('1234')
  })

  it('walks a device change: test the new phone at a door, then disable the old one', async () => {
    const { holder } = renderApp('provision')
    await openPerson('Amira Haddad')
    const warning = await screen.findByRole('region', { name: 'Best-practice warnings' })
    fireEvent.click(within(warning).getByRole('button', { name: 'Test the new phone, then disable the old one' }))
    const disable = screen.getByRole('button', { name: 'Disable the old credential' }) as HTMLButtonElement
    expect(disable.disabled).toBe(true)
    fireEvent.change(screen.getByLabelText('Door'), { target: { value: '1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Test the new credential' }))
    expect((await screen.findByTestId('decision-code')).textContent).toBe('credential_not_active')
    expect(disable.disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'The phone has accepted it' }))
    await waitFor(() => expect(screen.queryByTestId('decision')).toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Test the new credential' }))
    await waitFor(() => expect(screen.getByTestId('decision-code').textContent).toBe('granted'))
    fireEvent.click(disable)
    expect(await screen.findByText('The old credential is disabled and the new one is active.')).toBeTruthy()
    expect(holder.site.credentials.find((c) => c.id === 101)).toMatchObject({ enabled: false, status: 'disabled' })
    expect(holder.site.credentials.find((c) => c.id === 190)).toMatchObject({ enabled: true, status: 'active' })
  })
})

const FILE_LABEL = '1. Choose a CSV file or an Excel workbook (.xlsx)'

/** A test workbook for the fake's stand-in reader (main's real one is tested in test/main and test/e2e), as the bytes of a picked file. */
function workbookFile(name: string, sheets: { name: string; csv: string; hidden?: boolean }[]): File {
  return new File([JSON.stringify({ sheets })], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}

describe('Provision: bulk import', () => {
  it('maps headers, previews row errors, then imports with progress and offers the rejected rows', async () => {
    const { holder } = renderApp('provision')
    const csv = 'Given,Family,Mail,PIN\nZoë,Ødegaard,zoe@example.com,583920\nBad,Row,nope,1234\n'
    const input = (await screen.findByLabelText(FILE_LABEL)) as HTMLInputElement
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([csv], 'people.csv', { type: 'text/csv' })] } })
    })
    expect(await screen.findByText('first_name is required: choose the header that holds it.')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('first_name (required)'), { target: { value: 'Given' } })
    fireEvent.change(screen.getByLabelText('last_name (required)'), { target: { value: 'Family' } })
    expect((screen.getByLabelText('email (required)') as HTMLSelectElement).value).toBe('Mail')
    fireEvent.click(screen.getByRole('button', { name: '3. Preview' }))
    const errors = await screen.findByRole('table', { name: 'Rows that will be rejected (1)' })
    expect(within(errors).getByText('"nope" is not an email address.')).toBeTruthy()
    expect(holder.site.people).toHaveLength(40)
    fireEvent.click(screen.getByRole('button', { name: '4. Import' }))
    expect(await screen.findByText(/Imported: 2 rows · 1 new people/)).toBeTruthy()
    expect(holder.site.people.at(-1)).toMatchObject({ email: 'zoe@example.com' })
    expect(screen.getByRole('button', { name: 'Download rejected rows (CSV, as you wrote them: PINs included)' })).toBeTruthy()
  })

  it('refuses a file mixing UTF-8 and Windows-1252, naming the file and line', async () => {
    renderApp('provision')
    const ascii = (text: string): number[] => [...new TextEncoder().encode(text)]
    const bytes = Uint8Array.from([...ascii('first_name,last_name,email\nZoë,A,zoe@example.com\nRen'), 0xe9, ...ascii(',B,rene@example.com\n')])
    const input = (await screen.findByLabelText(FILE_LABEL)) as HTMLInputElement
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([bytes], 'mixed.csv', { type: 'text/csv' })] } })
    })
    expect((await screen.findByRole('alert')).textContent).toMatch(/^mixed\.csv line 3: the file mixes encodings/)
    expect(screen.queryByRole('button', { name: '3. Preview' })).toBeNull()
  })

  it('reads a Windows-1252 semicolon file, shows how it was read, and lets the user change it', async () => {
    const { holder } = renderApp('provision')
    // "Zoë;Ødegaard" in Windows-1252: ë is 0xEB and Ø is 0xD8, one byte each.
    const ascii = (text: string): number[] => [...new TextEncoder().encode(text)]
    const bytes = Uint8Array.from([...ascii('first_name;last_name;email\r\nZo'), 0xeb, 0x3b, 0xd8, ...ascii('degaard;zoe@example.com\r\n')])
    const input = (await screen.findByLabelText(FILE_LABEL)) as HTMLInputElement
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([bytes], 'excel.csv', { type: 'text/csv' })] } })
    })
    expect((await screen.findByLabelText<HTMLSelectElement>('Encoding')).value).toBe('windows-1252')
    expect(screen.getByLabelText<HTMLSelectElement>('Columns separated by').value).toBe(';')
    expect((screen.getByLabelText('first_name (required)') as HTMLSelectElement).value).toBe('first_name')
    fireEvent.change(screen.getByLabelText('Columns separated by'), { target: { value: ',' } })
    expect(await screen.findByText('first_name is required: choose the header that holds it.')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Columns separated by'), { target: { value: ';' } })
    fireEvent.click(await screen.findByRole('button', { name: '3. Preview' }))
    expect(await screen.findByText(/Read as windows-1252, semicolon-separated/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '4. Import' }))
    expect(await screen.findByText(/Imported: 1 rows · 1 new people/)).toBeTruthy()
    expect(holder.site.people.at(-1)).toMatchObject({ first_name: 'Zoë', last_name: 'Ødegaard' })
  })
})

describe('Provision: bulk import from a workbook', () => {
  it('sends an .xlsx to main, shows the sheet read and the notes, lets the user choose another sheet, then imports it', async () => {
    const { holder } = renderApp('provision')
    const file = workbookFile('hr.xlsx', [
      { name: 'Old', csv: 'Given,Family,Mail\nOld,Person,old@example.com\n', hidden: true },
      { name: 'Staff', csv: 'first_name,last_name,email\nZoë,Ødegaard,zoe@example.com\n' },
      { name: 'Visitors', csv: 'first_name,last_name,email\nVi,Sitor,vi@example.com\nBad,Row,nope\n' }
    ])
    const input = (await screen.findByLabelText(FILE_LABEL)) as HTMLInputElement
    expect(input.accept).toContain('.xlsx')
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } })
    })
    const sheet = await screen.findByLabelText<HTMLSelectElement>('Sheet')
    expect(sheet.value).toBe('Staff')
    expect([...sheet.options].map((o) => o.value)).toEqual(['Old', 'Staff', 'Visitors'])
    expect(screen.getByText('Hidden sheet "Old" was skipped.')).toBeTruthy()
    expect(screen.queryByLabelText('Encoding')).toBeNull()
    expect((screen.getByLabelText('email (required)') as HTMLSelectElement).value).toBe('email')
    fireEvent.change(sheet, { target: { value: 'Visitors' } })
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>('Sheet').value).toBe('Visitors'))
    fireEvent.click(screen.getByRole('button', { name: '3. Preview' }))
    expect(await screen.findByText(/Read from sheet "Visitors" \(Hidden sheet "Old" was skipped\.\)/)).toBeTruthy()
    const errors = await screen.findByRole('table', { name: 'Rows that will be rejected (1)' })
    expect(within(errors).getByText('"nope" is not an email address.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '4. Import' }))
    expect(await screen.findByText(/Imported: 2 rows · 1 new people/)).toBeTruthy()
    expect(holder.site.people.at(-1)).toMatchObject({ email: 'vi@example.com' })
  })

  it('offers the people and credentials as XLSX as well as CSV', async () => {
    renderApp('provision')
    expect(await screen.findByRole('button', { name: 'Export people (XLSX)' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Export credentials (XLSX)' })).toBeTruthy()
  })
})

/** This flow renders several times over; a loaded 2-core CI machine needs more than the default second. */
const SLOW = { timeout: 5000 }

describe('Provision: sync', () => {
  it('saves the connection, runs a sync and clears the records waiting for it', async () => {
    renderApp('provision')
    await openPerson('Ben Whitaker')
    const form = screen.getByRole('form', { name: 'Edit Ben Whitaker' })
    fireEvent.change(within(form).getByLabelText('Last name'), { target: { value: 'Whitaker-Jones' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save person' }))
    const waiting = await screen.findByRole('table', { name: /^Records not yet on DoorFlow \(1/ }, SLOW)
    expect(within(waiting).getByText('Waiting to sync')).toBeTruthy()
    const sync = screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement
    expect(sync.disabled).toBe(true)
    fireEvent.change(screen.getByLabelText('DoorFlow base URL'), { target: { value: 'https://api.doorflow.com' } })
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'secret' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }))
    await waitFor(() => expect((screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(false), SLOW)
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }))
    expect(await screen.findByText(/Sync finished: 1 pushed/, {}, SLOW)).toBeTruthy()
    expect(await screen.findByRole('table', { name: /^Records not yet on DoorFlow \(0/ }, SLOW)).toBeTruthy()
    expect(await screen.findByText(/^sync: 1 pushed/, {}, SLOW)).toBeTruthy()
  })
})

describe('Provision: records the sync flagged', () => {
  const flags = [
    { entity: 'credential', entity_id: '103', flag: 'disable_not_confirmed' as const, message: 'DoorFlow did not confirm the disable on reading back.', at: '2026-11-23T10:00:00.000Z' },
    { entity: 'person', entity_id: '2', flag: 'deleted_on_doorflow' as const, message: 'Deleted on DoorFlow while it had changes here.', at: '2026-11-23T10:00:01.000Z' }
  ]

  it('lists each flag with its message and revokes an unconfirmed disable on DoorFlow after a confirm', async () => {
    const { doorflow } = renderApp('provision', { doorflow: { flags } })
    const table = await screen.findByRole('table', { name: 'Records the sync flagged (2)' }, SLOW)
    expect(within(table).getByText('Not confirmed by DoorFlow')).toBeTruthy()
    expect(within(table).getByText('DoorFlow did not confirm the disable on reading back.')).toBeTruthy()
    expect(within(table).getByText('Deleted on DoorFlow while it had changes here.')).toBeTruthy()
    const buttons = within(table).getAllByRole('button', { name: /^Revoke on DoorFlow/ })
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Revoke on DoorFlow: Phone · Ben Whitaker'])
    expect((buttons[0] as HTMLButtonElement).tabIndex).toBe(0)
    fireEvent.click(buttons[0] as HTMLElement)
    const ask = screen.getByRole('alertdialog', { name: 'Revoke Phone · Ben Whitaker on DoorFlow?' })
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' }))
    fireEvent.keyDown(ask, { key: 'Escape' })
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(doorflow.revoked).toEqual([])
    fireEvent.click(within(table).getByRole('button', { name: /^Revoke on DoorFlow/ }))
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revoke' }))
    expect(await screen.findByText('Revoked on DoorFlow.', {}, SLOW)).toBeTruthy()
    expect(doorflow.revoked).toEqual(['103'])
    const after = await screen.findByRole('table', { name: 'Records the sync flagged (1)' }, SLOW)
    expect(within(after).queryByRole('button', { name: /^Revoke on DoorFlow/ })).toBeNull()
  })

  it('offers only the credential types the DoorFlow account has once pulled', async () => {
    renderApp('provision', { doorflow: { offered: ['6', '8', '9'] } })
    await openPerson('Ben Whitaker')
    fireEvent.click(screen.getByRole('button', { name: 'Issue a credential' }))
    const form = screen.getByRole('form', { name: 'Issue a credential' })
    const type = within(form).getByLabelText('Type')
    await waitFor(() => expect(within(type).getAllByRole('option').map((o) => o.textContent)).toEqual(['PIN', 'HID Mobile Access', 'PassFlow']), SLOW)
    expect((type as HTMLSelectElement).value).toBe('6')
  })

  it('offers every local credential type before a pull (an empty list)', async () => {
    renderApp('provision')
    await openPerson('Ben Whitaker')
    fireEvent.click(screen.getByRole('button', { name: 'Issue a credential' }))
    const type = within(screen.getByRole('form', { name: 'Issue a credential' })).getByLabelText('Type')
    await waitFor(() => expect(within(type).getAllByRole('option')).toHaveLength(5), SLOW)
  })
})
