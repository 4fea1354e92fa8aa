import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './renderApp'

async function diagnoseBen() {
  const app = renderApp('troubleshoot')
  const person = await screen.findByLabelText(/^Person/)
  fireEvent.change(person, { target: { value: 'ben.whitaker@example.com' } })
  return app
}

describe('Troubleshoot: what the door saw', () => {
  it("lists the door's events, the person's marked, and says when events are not available yet", async () => {
    const app = await diagnoseBen()
    app.diagnose.script.events = {
      window_minutes: 15,
      items: [
        { code: 26, kind: 'reject', label: 'Ben Whitaker rejected: invalid credential type', credential_number: 'HID-0002-ED2766', at: '2026-12-02T09:02:00Z', local_time: '2026-12-02 09:02 site time', door_id: 1, person_id: 2, theirs: true },
        { code: 24, kind: 'reject', label: 'Rejected PIN ••••••', credential_number: '••••••', at: '2026-12-02T08:59:00Z', local_time: '2026-12-02 08:59 site time', door_id: 1, person_id: 7, theirs: false }
      ]
    }
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })))
    const table = await screen.findByTestId('troubleshoot-events')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    expect(rows[0]!.textContent).toMatch(/09:02.*Rejected \(26\).*invalid credential type.*Ben Whitaker/)
    expect(rows[1]!.textContent).toContain('••••••')
    app.diagnose.script.events = null
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })))
    expect(await screen.findByText(/events are not available yet/)).toBeTruthy()
  })
})

describe('Troubleshoot: the onboarding sheet for the person', () => {
  it('saves it as PDF or as an email draft for the diagnosed person, showing where it went and any warning', async () => {
    const app = await diagnoseBen()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })))
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Onboarding sheet (PDF)' })))
    expect(app.diagnose.exportOnboarding).toHaveBeenCalledWith({ person: 2, format: 'pdf' })
    expect((await screen.findByTestId('onboarding-saved')).textContent).toBe('Saved /tmp/lintel-test/onboarding/onboarding-ben-whitaker.pdf')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Email draft with the sheet' })))
    expect(await screen.findByText(/no backup PIN or card/)).toBeTruthy()
  })
})
