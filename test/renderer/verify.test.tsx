import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { tapRecordFor } from './fakeNfc'
import { renderApp } from './renderApp'

const FARHAN_CARD = 'Farhan Qureshi · MIFARE DESFire EV3 · Staff card'

function choose(label: string, text: string): void {
  const select = screen.getByLabelText(label) as HTMLSelectElement
  const option = [...select.options].find((o) => o.text.startsWith(text))
  if (!option) throw new Error(`no option "${text}" in ${label}`)
  fireEvent.change(select, { target: { value: option.value } })
}

async function openVerify() {
  const app = renderApp('verify')
  await screen.findByText('Tap the simulated reader')
  await screen.findByRole('option', { name: FARHAN_CARD })
  return app
}

describe('Verify page', () => {
  it('starts reading at the first door and restarts at the door picked', async () => {
    const app = await openVerify()
    await waitFor(() => expect(app.nfc.startReading).toHaveBeenCalledWith({ doorId: 1 }))
    choose('Door', 'Server Room')
    await waitFor(() => expect(app.nfc.startReading).toHaveBeenLastCalledWith({ doorId: 3 }))
    expect(within(screen.getByTestId('page-verify')).getByText('Ready')).toBeTruthy()
  })

  it("shows a tap's verdict with the engine's checks, logs it and announces it", async () => {
    const app = await openVerify()
    choose('Door', 'Side Door')
    choose('Card or phone', FARHAN_CARD)
    await act(async () => screen.getByRole('button', { name: 'Tap' }).click())
    expect(app.nfc.simulateTap).toHaveBeenCalledWith({ card: { kind: 'card', uid: '04F3C54234927E' } })
    const latest = await screen.findByTestId('latest-tap')
    expect(within(latest).getByTestId('decision-code').textContent).toBe('granted')
    expect(within(latest).getByText('Farhan Qureshi')).toBeTruthy()
    expect(within(screen.getByTestId('checks')).getByText('outside_schedule')).toBeTruthy()
    expect(within(screen.getByTestId('tap-log')).getAllByRole('row')).toHaveLength(2)
    expect(screen.getByTestId('tap-announcement').textContent).toBe('Tap 1: Granted. Farhan Qureshi')
  })

  it('shows a denied phone and a failed read in the log, newest first', async () => {
    const app = await openVerify()
    await act(async () => {
      app.nfc.deliver({ ...tapRecordFor({ kind: 'card', uid: '04D00DFEEDBEEF' }) })
      app.nfc.deliver({ ...tapRecordFor({ kind: 'card', uid: '04F3C54234927E' }), error: { code: 'timeout', message: 'The card stopped answering.' } })
    })
    const rows = within(screen.getByTestId('tap-log')).getAllByRole('row').slice(1)
    expect(rows.map((r) => (r as HTMLTableRowElement).cells[4]?.textContent)).toEqual(['✕Read failed (timeout)', '✕Denied (credential_unknown)'])
    expect(within(screen.getByTestId('latest-tap')).getByText('The card stopped answering.')).toBeTruthy()
  })

  it('counts a tap test: success rate, latency p50/p95 and failures by cause, from a fresh start', async () => {
    const app = await openVerify()
    await act(async () => {
      app.nfc.deliver(tapRecordFor({ kind: 'card', uid: '04F3C54234927E' }, 2))
    })
    fireEvent.click(screen.getByRole('button', { name: 'Start a new tap test' }))
    await act(async () => {
      for (const ms of [1, 2, 3]) app.nfc.deliver(tapRecordFor({ kind: 'card', uid: '04F3C54234927E' }, ms))
      app.nfc.deliver({ ...tapRecordFor({ kind: 'card', uid: '04F3C54234927E' }), error: { code: 'card_removed', message: 'left' } })
    })
    const stats = screen.getByTestId('tap-statistics')
    const figure = (name: string) => within(stats).getByText(name).nextElementSibling?.textContent
    expect(figure('Taps')).toBe('4')
    expect(figure('Read successfully')).toBe('75.0 %')
    expect(figure('Latency p50')).toBe('2.0 ms')
    expect(figure('Latency p95')).toBe('2.9 ms')
    expect(within(stats).getByText('card_removed').closest('tr')?.cells[1]?.textContent).toBe('1')
  })

  it('reads a value to enrol, checked against the type and naming who holds it', async () => {
    const app = await openVerify()
    app.nfc.enrolNext({ kind: 'card', uid: '04F3C54234927E' })
    await act(async () => screen.getByRole('button', { name: 'Tap a card to read its MIFARE DESFire EV3 value' }).click())
    expect(app.nfc.enrolTap).toHaveBeenCalledWith({ credentialTypeId: 2 })
    expect((await screen.findByTestId('enrol-value')).textContent).toBe('04F3C54234927E')
    expect(screen.getByText(/already enrolled to Farhan Qureshi/)).toBeTruthy()
    app.nfc.enrolNext({ kind: 'card', uid: '0102030405' })
    await act(async () => screen.getByRole('button', { name: 'Tap a card to read its MIFARE DESFire EV3 value' }).click())
    expect(await screen.findByText(/4, 7 or 10 bytes/)).toBeTruthy()
  })
})
