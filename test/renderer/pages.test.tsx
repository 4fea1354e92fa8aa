import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { BleStatus } from '../../src/shared/domain/hardware'
import { defaultSettings } from '../../src/shared/domain/settings'
import { renderApp } from './renderApp'

describe('pages that show what is real', () => {
  it('Overview lists every door with its mode and accepted credential types', async () => {
    renderApp('overview')
    const doors = await screen.findByRole('table', { name: 'Doors' })
    const roof = within(doors).getByRole('rowheader', { name: 'Roof Access' }).closest('tr')
    expect(roof?.textContent).toContain('Lockdown')
    expect(roof?.textContent).toContain('HID Mobile Access, MIFARE DESFire EV3')
    expect(within(doors).getAllByRole('row')).toHaveLength(1 + 6)
    expect(screen.getByRole('table', { name: 'Schedules (site time)' }).textContent).toContain('Mon–Fri 22:00–02:00 (next day)')
  })

  it('Survey lists the known readers, each badged SIMULATED with a range test button', async () => {
    renderApp('survey')
    const readers = await screen.findByRole('table', { name: /^Known door readers/ })
    expect(within(readers).getAllByText('SIMULATED')).toHaveLength(3)
    expect(within(readers).getAllByRole('button', { name: /^Range test Reader/ })).toHaveLength(3)
  })

  it('Survey follows BLE status events and unsubscribes when it closes', async () => {
    const app = renderApp('survey')
    await screen.findByText('virtual RF site')
    expect(app.listenerCount('ble.status')).toBe(1)
    const status: BleStatus = { mode: 'real', state: 'poweredOff', adapter: 'hci0', advice: 'Turn Bluetooth on in the system settings.' }
    act(() => app.emit('ble.status', status))
    expect(screen.getByText('Turn Bluetooth on in the system settings.')).toBeTruthy()
    expect(screen.getByText('poweredOff')).toBeTruthy()
    app.unmount()
    expect(app.listenerCount('ble.status')).toBe(0)
  })

  it('Verify shows that pcscd is absent and the simulated reader', async () => {
    renderApp('verify')
    expect(await screen.findByText('Not found')).toBeTruthy()
    expect(within(screen.getByRole('table', { name: 'Readers (1)' })).getByText('Lintel Virtual Reader (simulated)')).toBeTruthy()
  })

  it('Provision finds people by name or email', async () => {
    renderApp('provision')
    const search = await screen.findByLabelText('Find a person by name or email')
    fireEvent.change(search, { target: { value: 'WHITAKER' } })
    expect(within(screen.getByRole('table', { name: 'People' })).getAllByRole('row')).toHaveLength(2)
    expect(screen.getByText('1 of 40 people')).toBeTruthy()
  })

  it('What-if and Troubleshoot start at the default door from Settings', async () => {
    renderApp('what-if', { settings: { ...defaultSettings(), defaultDoorId: 3 } })
    const door = (await screen.findByLabelText('Door')) as HTMLSelectElement
    expect(door.selectedOptions[0]?.text).toBe('Server Room')
  })

  it('Troubleshoot shows what the engine says for each credential of the person', async () => {
    renderApp('troubleshoot')
    fireEvent.change(await screen.findByLabelText(/^Person/), { target: { value: 'ben.whitaker@example.com' } })
    fireEvent.change(screen.getByLabelText('Door'), { target: { value: '5' } })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })))
    const table = await screen.findByTestId('troubleshoot-decisions')
    expect(within(table).getAllByRole('row')).toHaveLength(2)
    expect(table.textContent).toContain('door_lockdown')
  })
})
