import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './renderApp'

/** Picks the option whose text starts with `text` in the select labelled `label`. */
function choose(label: string, text: string): void {
  const select = screen.getByLabelText(label) as HTMLSelectElement
  const option = [...select.options].find((o) => o.text.startsWith(text))
  if (!option) throw new Error(`no option "${text}" in ${label}: ${[...select.options].map((o) => o.text).join(' | ')}`)
  fireEvent.change(select, { target: { value: option.value } })
}

function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

function verdict(): { text: string; code: string } {
  const decision = screen.getByTestId('decision')
  return { text: within(decision).getByRole('status').textContent ?? '', code: screen.getByTestId('decision-code').textContent ?? '' }
}

function checkResult(code: string): string {
  const row = within(screen.getByTestId('checks')).getByText(code).closest('tr')
  if (!row) throw new Error(`no check row ${code}`)
  return row.cells[2]?.textContent ?? ''
}

async function openWhatIf(): Promise<ReturnType<typeof renderApp>> {
  const app = renderApp('what-if')
  await screen.findByLabelText('Door')
  choose('Door', 'Front Entrance')
  choose('Person', 'Ben Whitaker')
  choose('Credential', 'HID Mobile Access · Phone')
  type('Date', '2026-03-10')
  type('Time', '09:00')
  return app
}

describe('What-if panel', () => {
  it('grants a staff phone at the front entrance in office hours', async () => {
    await openWhatIf()
    expect(verdict().code).toBe('granted')
    expect(verdict().text).toContain('Granted')
    expect(checkResult('outside_schedule')).toContain('Passed')
  })

  it('denies outside office hours as soon as the time changes', async () => {
    await openWhatIf()
    type('Time', '20:00')
    expect(verdict().code).toBe('outside_schedule')
    expect(verdict().text).toContain('Denied')
    expect(checkResult('outside_schedule')).toContain('Failed')
    expect(checkResult('no_group_grants_door')).toContain('Passed')
  })

  it('updates the checks when the door changes', async () => {
    await openWhatIf()
    choose('Door', 'Store Room')
    expect(verdict().code).toBe('credential_type_not_accepted')
    expect(checkResult('credential_type_not_accepted')).toContain('Failed')
    choose('Door', 'Roof Access')
    expect(verdict().code).toBe('door_lockdown')
    choose('Door', 'Lobby')
    expect(verdict().code).toBe('door_unlocked')
    expect(within(screen.getByTestId('checks')).getAllByRole('row')).toHaveLength(1 + 3)
  })

  it('denies on a site holiday when the schedule is closed', async () => {
    await openWhatIf()
    type('Date', '2026-12-25')
    expect(verdict().code).toBe('outside_schedule')
  })

  it('turns site time into an instant with the offset in force on that date', async () => {
    await openWhatIf()
    expect(screen.getByTestId('whatif-instant').textContent).toContain('2026-03-10T09:00:00+00:00')
    type('Date', '2026-07-01')
    expect(screen.getByTestId('whatif-instant').textContent).toContain('2026-07-01T09:00:00+01:00')
    expect(screen.getByTestId('whatif-instant').textContent).toContain('08:00 UTC')
  })

  it('explains a time skipped when the clocks go forward, and offers both readings of a repeated one', async () => {
    await openWhatIf()
    type('Date', '2026-03-29')
    type('Time', '01:30')
    expect(screen.getByText(/does not exist on 2026-03-29/)).toBeTruthy()
    expect(screen.queryByTestId('decision')).toBeNull()
    type('Date', '2026-10-25')
    expect(screen.getByTestId('whatif-instant').textContent).toContain('2026-10-25T01:30:00+01:00')
    choose('01:30 happens twice that night (the clocks go back)', 'The second time')
    expect(screen.getByTestId('whatif-instant').textContent).toContain('2026-10-25T01:30:00+00:00')
  })

  it('asks for the PIN at a door that needs one and checks it', async () => {
    await openWhatIf()
    choose('Person', 'Amira Haddad')
    choose('Door', 'Server Room')
    expect(verdict().code).toBe('pin_required')
    type('PIN entered at the keypad (optional)', '000000')
    expect(verdict().code).toBe('pin_mismatch')
    type('PIN entered at the keypad (optional)', '159406')
    expect(verdict().code).toBe('granted')
  })

  it('decides a credential typed by hand', async () => {
    await openWhatIf()
    fireEvent.click(screen.getByLabelText('Type and value by hand'))
    choose('Credential type', 'HID Mobile Access')
    expect(screen.getByText('Enter the credential value.')).toBeTruthy()
    type('Value', 'HID-9999-000000')
    expect(verdict().code).toBe('credential_unknown')
    type('Value', 'HID-0002-ED2766')
    expect(verdict().code).toBe('granted')
  })

  it("shows that main's engine agrees on the same request", async () => {
    const app = await openWhatIf()
    type('Time', '20:00')
    await act(async () => screen.getByRole('button', { name: "Ask Lintel's main process" }).click())
    expect((await screen.findByTestId('main-agreement')).textContent).toMatch(/^Main agrees: denied \(outside_schedule\)/)
    expect(app.decideInMain).toHaveBeenCalledWith({
      door_id: 1,
      credential_type_id: 8,
      value: 'HID-0002-ED2766',
      at: '2026-03-10T20:00:00+00:00'
    })
    type('Time', '09:00')
    expect(screen.queryByTestId('main-agreement')).toBeNull()
  })
})
