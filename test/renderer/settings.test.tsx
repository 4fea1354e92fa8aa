import { act, fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fail } from '../../src/shared/contract'
import { renderApp } from './renderApp'

function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

async function save(): Promise<void> {
  await act(async () => screen.getByRole('button', { name: 'Save' }).click())
}

describe('Settings form', () => {
  it('rejects an out-of-range unlock threshold with a field error and sends nothing', async () => {
    const app = renderApp('settings')
    const threshold = (await screen.findByLabelText('Unlock threshold (dBm)')) as HTMLInputElement
    expect(threshold.value).toBe('-70')
    type('Unlock threshold (dBm)', '-5')
    await save()
    expect(screen.getByText('Enter a whole number of dBm from −110 to −20, for example −70.')).toBeTruthy()
    expect(threshold.getAttribute('aria-invalid')).toBe('true')
    expect(threshold.getAttribute('aria-describedby')).toContain('unlockThresholdDbm-error')
    expect(document.activeElement).toBe(threshold)
    expect(screen.getByTestId('settings-status').textContent).toBe('Not saved: one field needs attention.')
    expect(app.updateSettings).not.toHaveBeenCalled()
  })

  it('treats an empty number as an error, not as zero', async () => {
    const app = renderApp('settings')
    await screen.findByLabelText('Tap timeout (seconds)')
    type('Tap timeout (seconds)', '')
    await save()
    expect(screen.getByText('Enter a number of seconds from 1 to 120.')).toBeTruthy()
    expect(app.updateSettings).not.toHaveBeenCalled()
  })

  it('saves a valid change as a patch of only what changed', async () => {
    const app = renderApp('settings')
    await screen.findByLabelText('Unlock threshold (dBm)')
    type('Unlock threshold (dBm)', '-75')
    await save()
    expect(app.updateSettings).toHaveBeenCalledTimes(1)
    expect(app.updateSettings).toHaveBeenCalledWith({ unlockThresholdDbm: -75 })
    expect(screen.getByTestId('settings-status').textContent).toBe('Settings saved.')
    expect((screen.getByLabelText('Unlock threshold (dBm)') as HTMLInputElement).value).toBe('-75')
  })

  it('adds a custom AID, normalising its hex, and checks every row', async () => {
    const app = renderApp('settings')
    await screen.findByRole('button', { name: 'Add AID' })
    fireEvent.click(screen.getByRole('button', { name: 'Add AID' }))
    type('Label of AID 1', 'Campus card')
    type('AID 1 (hex)', 'a0 00 00 06')
    await save()
    expect(screen.getByText('An AID is 5 to 16 bytes of uppercase hex without separators.')).toBeTruthy()
    expect(app.updateSettings).not.toHaveBeenCalled()
    type('AID 1 (hex)', 'a0:00:00:06:47:2f:00:01')
    expect(screen.queryByText('An AID is 5 to 16 bytes of uppercase hex without separators.')).toBeNull()
    await save()
    expect(app.updateSettings).toHaveBeenCalledWith({ customAids: [{ label: 'Campus card', aid: 'A0000006472F0001' }] })
  })

  it('switches the survey to a UART dongle, which needs a serial port', async () => {
    const app = renderApp('settings')
    await screen.findByLabelText('HCI UART dongle (repeatable readings)')
    fireEvent.click(screen.getByLabelText('HCI UART dongle (repeatable readings)'))
    await save()
    expect(screen.getByText('Name the serial port, e.g. /dev/ttyACM0.')).toBeTruthy()
    type('Serial port', '/dev/ttyACM0')
    await save()
    expect(app.updateSettings).toHaveBeenCalledWith({ bleAdapter: { kind: 'uart', port: '/dev/ttyACM0', baudRate: 1_000_000 } })
  })

  it('sets the default door and the theme', async () => {
    const app = renderApp('settings')
    await screen.findByRole('option', { name: 'Side Door' })
    const door = screen.getByLabelText('Default door') as HTMLSelectElement
    fireEvent.change(door, { target: { value: '2' } })
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } })
    await save()
    expect(app.updateSettings).toHaveBeenCalledWith({ defaultDoorId: 2, theme: 'dark' })
    expect(document.documentElement.dataset.theme).toBe('dark')
  })

  it("shows main's refusal next to the form", async () => {
    renderApp('settings', { updateSettings: async () => fail('bad_request', '$.unlockThresholdDbm: too small') })
    await screen.findByLabelText('Unlock threshold (dBm)')
    type('Unlock threshold (dBm)', '-80')
    await save()
    expect(screen.getByRole('alert').textContent).toContain('Lintel did not save the settings: $.unlockThresholdDbm: too small')
  })
})

describe('Settings: platform rules for the site', () => {
  it("saves Alarm.com's rules (Android NFC, iPhone BLE) and an Android unlock distance with the site", async () => {
    const app = renderApp('settings')
    await screen.findByRole('button', { name: 'Save platform rules' })
    fireEvent.click(screen.getByRole('button', { name: 'Alarm.com (Android NFC, iPhone BLE)' }))
    type('Android phones: unlock distance (cm)', '4')
    await act(async () => screen.getByRole('button', { name: 'Save platform rules' }).click())
    expect(app.setPlatformRules).toHaveBeenCalledWith({ ios: ['ble'], android: ['nfc'], ios_unlock_cm: null, android_unlock_cm: 4 })
    expect(await screen.findByText("Saved: Alarm.com's rules.")).toBeTruthy()
    expect(app.updateSettings).not.toHaveBeenCalled()
  })
})
