import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fail, type Result } from '../../src/shared/contract'
import type { DiagnoseRequest, Diagnosis, Finding, FixAction } from '../../src/shared/diagnose'
import { defaultSettings } from '../../src/shared/domain/settings'
import { demoSite } from './fakeApi'
import { renderApp } from './renderApp'

const site = demoSite()
const pins = site.credentials.filter((c) => c.credential_type_id === 6).map((c) => c.value)

function finding(code: Finding['code'], severity: Finding['severity'], title: string, likelihood: number, action: FixAction | null = null): Finding {
  return { code, severity, title, evidence: `Evidence for ${title}.`, fix: `Fix for ${title}.`, action, likelihood, credential_id: null }
}

function choose(label: string, text: string): void {
  const select = screen.getByLabelText(label) as HTMLSelectElement
  const option = [...select.options].find((o) => o.text.startsWith(text))
  if (!option) throw new Error(`no option "${text}" in ${label}: ${[...select.options].map((o) => o.text).join(' | ')}`)
  fireEvent.change(select, { target: { value: option.value } })
}

function type(label: string | RegExp, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

async function openTroubleshoot(options: Parameters<typeof renderApp>[1] = {}) {
  const app = renderApp('troubleshoot', options)
  await screen.findByLabelText(/^Person/)
  return app
}

async function diagnose(person = 'ben.whitaker@example.com'): Promise<void> {
  type(/^Person/, person)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })))
  await waitFor(() => expect(screen.getByRole('button', { name: 'Diagnose' }).hasAttribute('disabled')).toBe(false))
}

function findingItems(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Findings, most likely cause first' })).getAllByRole('listitem')
}

/** Holds the next diagnosis until `release()`, so the busy state can be seen. */
function holdNextRun(app: Awaited<ReturnType<typeof openTroubleshoot>>) {
  const real = app.diagnose.run.getMockImplementation()!
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  app.diagnose.run.mockImplementationOnce(async (request: DiagnoseRequest): Promise<Result<Diagnosis>> => {
    await gate
    return real(request)
  })
  return () => act(async () => release())
}

describe('Troubleshoot form', () => {
  it('sends the default door from Settings, the platform and a person found by email in any case, with no time for now', async () => {
    const app = await openTroubleshoot({ settings: { ...defaultSettings(), defaultDoorId: 3 } })
    expect((screen.getByLabelText('Door') as HTMLSelectElement).selectedOptions[0]?.text).toBe('Server Room')
    expect((screen.getByRole('radio', { name: 'Not known' }) as HTMLInputElement).checked).toBe(true)
    fireEvent.click(screen.getByRole('radio', { name: 'Android' }))
    await diagnose('BEN.Whitaker@example.com')
    expect(app.diagnose.run).toHaveBeenCalledTimes(1)
    expect(app.diagnose.run).toHaveBeenCalledWith({ person: 2, door_id: 3, platform: 'android' })
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Diagnosis' }))
    expect(screen.getByTestId('diagnosis-context').textContent).toContain('Ben Whitaker (ben.whitaker@example.com) at Server Room')
  })

  it('turns a site date and time into an instant with the offset in force, and narrows to one credential', async () => {
    const app = await openTroubleshoot()
    type(/^Person/, 'Ben Whitaker')
    choose('Door', 'Side Door')
    fireEvent.click(screen.getByRole('radio', { name: 'At another time (site time)' }))
    type('Date', '2026-07-01')
    type('Time', '09:00')
    expect(screen.getByTestId('troubleshoot-instant').textContent).toContain('2026-07-01T09:00:00+01:00')
    fireEvent.click(screen.getByRole('radio', { name: 'iPhone (iOS)' }))
    choose('Only this credential', 'HID Mobile Access · Phone')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })))
    expect(app.diagnose.run).toHaveBeenCalledWith({ person: 2, door_id: 2, at: '2026-07-01T09:00:00+01:00', platform: 'ios', credential_id: 103 })
  })

  it('does not send a time the clocks skip, and says why', async () => {
    const app = await openTroubleshoot()
    type(/^Person/, 'ben.whitaker@example.com')
    fireEvent.click(screen.getByRole('radio', { name: 'At another time (site time)' }))
    type('Date', '2026-03-29')
    type('Time', '01:30')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })))
    expect(app.diagnose.run).not.toHaveBeenCalled()
    expect(screen.getByTestId('troubleshoot-problem').textContent).toMatch(/does not exist on 2026-03-29/)
  })

  it('asks for a person before diagnosing', async () => {
    const app = await openTroubleshoot()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })))
    expect(app.diagnose.run).not.toHaveBeenCalled()
    expect(screen.getByTestId('troubleshoot-problem').textContent).toBe("Enter the person's email, or choose them from the list.")
  })

  it("sends an email nobody at the site has as typed, and shows main's error", async () => {
    const app = await openTroubleshoot()
    expect(screen.queryByText(/Lintel will look it up as an email/)).toBeNull()
    type(/^Person/, ' visitor@elsewhere.example ')
    expect(screen.getByText(/Lintel will look it up as an email/)).toBeTruthy()
    await diagnose(' visitor@elsewhere.example ')
    expect(app.diagnose.run).toHaveBeenCalledWith({ person: 'visitor@elsewhere.example', door_id: 1 })
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('Could not diagnose')
    expect(alert.textContent).toContain('(not_found)')
  })
})

describe('Troubleshoot diagnosis', () => {
  it('shows the findings in the order main sent them, each with its severity in words', async () => {
    const app = await openTroubleshoot()
    app.diagnose.script.findings = [
      finding('sync_pending', 'warning', 'The change has not reached the door yet', 0.2),
      finding('credential_disabled', 'error', 'The phone credential is switched off', 0.9),
      finding('no_backup_credential', 'info', 'No backup credential', 0.5)
    ]
    await diagnose()
    const items = findingItems()
    expect(items.map((li) => within(li).getByRole('heading', { level: 4 }).textContent)).toEqual([
      'The change has not reached the door yet',
      'The phone credential is switched off',
      'No backup credential'
    ])
    expect(items.map((li) => li.querySelector('.severity')?.textContent)).toEqual(['⚠Warning', '✕Error', 'ℹInfo'])
    expect(items[1]?.className).toContain('finding-error')
    expect(within(items[0]!).getByText('Evidence for The change has not reached the door yet.')).toBeTruthy()
    expect(within(items[0]!).getByText('Fix for The change has not reached the door yet.')).toBeTruthy()
    expect(within(items[0]!).queryByRole('button')).toBeNull()
    expect(screen.getByTestId('diagnosis-summary').getAttribute('role')).toBe('status')
    expect(screen.getByTestId('diagnosis-summary').textContent).toBe('✓Opens by the rulesThe change has not reached the door yet')
  })

  it("lists the person's credentials with the engine's decision, PINs masked", async () => {
    await openTroubleshoot()
    choose('Door', 'Roof Access')
    await diagnose('amira.haddad@example.com')
    const table = screen.getByTestId('troubleshoot-decisions')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual([
      'HID Mobile Access · Phone HID-0001-C28595',
      'PIN · Backup PIN ••••',
      'HID Mobile Access · New phone HID-0025-BFC79BiPhone 16 (Amira)'
    ])
    expect(rows[0]?.textContent).toContain('door_lockdown')
    expect(within(rows[0]!).getByText('Active')).toBeTruthy()
    expect(within(rows[2]!).getByText('Invited')).toBeTruthy()
    expect(screen.getByTestId('diagnosis-summary').textContent).toContain('Denied by the rules')
    for (const pin of pins) expect(document.body.textContent).not.toContain(pin)
  })
})

describe('Troubleshoot one-click fixes', () => {
  it('carries out a fix with the exact action, announces it and diagnoses again', async () => {
    const app = await openTroubleshoot()
    const action: FixAction = { kind: 'add_to_group', person_id: 2, group_id: 3 }
    app.diagnose.script.findings = [finding('no_group_grants_door', 'error', 'No group gives Ben this door', 0.9, action)]
    await diagnose()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add Ben Whitaker to IT' })))
    expect(app.diagnose.fix).toHaveBeenCalledTimes(1)
    expect(app.diagnose.fix).toHaveBeenCalledWith(action)
    await waitFor(() => expect(app.diagnose.run).toHaveBeenCalledTimes(2))
    expect(app.diagnose.run.mock.calls[1]?.[0]).toEqual(app.diagnose.run.mock.calls[0]?.[0])
    expect(screen.getByTestId('fix-message').textContent).toBe('✓ Done: add_to_group.')
    expect(screen.getByTestId('fix-message').getAttribute('role')).toBe('status')
  })

  it('names the credential a fix switches back on', async () => {
    const app = await openTroubleshoot()
    const action: FixAction = { kind: 'enable_credential', credential_id: 103 }
    app.diagnose.script.findings = [finding('credential_disabled', 'error', 'The phone is switched off', 0.9, action)]
    await diagnose()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enable HID Mobile Access · Phone' })))
    expect(app.diagnose.fix).toHaveBeenCalledWith({ kind: 'enable_credential', credential_id: 103 })
  })

  it('shows a new backup PIN once, until it has been read out', async () => {
    const app = await openTroubleshoot()
    app.diagnose.script.findings = [finding('no_backup_credential', 'warning', 'No backup credential', 0.4, { kind: 'issue_backup_pin', person_id: 2 })]
    await diagnose()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Issue a backup PIN' })))
    expect(app.diagnose.fix).toHaveBeenCalledWith({ kind: 'issue_backup_pin', person_id: 2 })
    const shown = await screen.findByTestId('new-pin')
    expect(within(shown).getByText('482913')).toBeTruthy()
    expect(shown.textContent).toContain('Lintel will not show it again')
    await waitFor(() => expect(app.diagnose.run).toHaveBeenCalledTimes(2))
    expect(screen.getByText('482913')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'I have read it out, hide it' }))
    expect(screen.queryByTestId('new-pin')).toBeNull()
    expect(document.body.textContent).not.toContain('482913')
  })

  it('forgets an unread PIN at the next diagnosis', async () => {
    const app = await openTroubleshoot()
    app.diagnose.script.findings = [finding('no_backup_credential', 'warning', 'No backup credential', 0.4, { kind: 'issue_backup_pin', person_id: 2 })]
    await diagnose()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Issue a backup PIN' })))
    await screen.findByTestId('new-pin')
    await diagnose()
    expect(document.body.textContent).not.toContain('482913')
  })

  it('opens the device-change workflow for the old phone instead of calling fix', async () => {
    const app = await openTroubleshoot()
    const action: FixAction = { kind: 'start_device_change', person_id: 6, credential_id: 111 }
    app.diagnose.script.findings = [finding('device_change_pending', 'warning', 'A new phone is waiting', 0.6, action)]
    await diagnose('farhan.qureshi@example.com')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Change phone, replacing HID Mobile Access · Phone' })))
    expect(app.diagnose.fix).not.toHaveBeenCalled()
    const panel = screen.getByTestId('troubleshoot-device-change')
    expect(within(panel).getByRole('heading', { name: 'Change phone, replacing “Pixel 9 (Farhan)”' })).toBeTruthy()
    expect(document.activeElement).toBe(panel)
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Close' })))
    expect(screen.queryByTestId('troubleshoot-device-change')).toBeNull()
    await waitFor(() => expect(app.diagnose.run).toHaveBeenCalledTimes(2))
  })

  it('shows why a fix failed and does not diagnose again', async () => {
    const app = await openTroubleshoot()
    app.diagnose.script.findings = [finding('person_disabled', 'error', 'Ben is disabled', 0.9, { kind: 'enable_person', person_id: 2 })]
    app.diagnose.fix.mockResolvedValueOnce(fail('no_database', 'One-click fixes need the app database; this session opened a snapshot file.'))
    await diagnose()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Enable Ben Whitaker' })))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The fix was not made')
    expect(alert.textContent).toContain('One-click fixes need the app database')
    expect(alert.textContent).toContain('(no_database)')
    expect(app.diagnose.run).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('fix-message').textContent).toBe('')
  })
})

describe('Troubleshoot live tests', () => {
  it('tap test: tells the helpdesk what to say while it waits, then shows what was read', async () => {
    const app = await openTroubleshoot()
    app.diagnose.script.tap = { outcome: 'presented', reader: 'Lintel Virtual Reader (simulated)', credential_type_id: 8, value: 'HID-0002-ED2766', uid: '08A1B2C3', latency_ms: 3.25 }
    await diagnose()
    const release = holdNextRun(app)
    fireEvent.click(screen.getByRole('button', { name: 'Tap test (NFC)' }))
    const tapButton = screen.getByRole('button', { name: 'Tap test (NFC)' })
    await waitFor(() => expect(tapButton.getAttribute('aria-busy')).toBe('true'))
    expect(tapButton.hasAttribute('disabled')).toBe(true)
    expect(screen.getByRole('button', { name: 'Scan at the door (BLE)' }).hasAttribute('disabled')).toBe(true)
    expect(screen.getByRole('button', { name: 'Diagnose' }).getAttribute('aria-busy')).toBe('true')
    expect(screen.getByTestId('live-busy').textContent).toContain('Ask them to hold the phone on the USB reader now')
    await release()
    expect(app.diagnose.run).toHaveBeenLastCalledWith({ person: 2, door_id: 1, live: { tapSeconds: 20 } })
    const results = screen.getByTestId('live-results')
    await waitFor(() => expect(within(results).getByText('HID Mobile Access')).toBeTruthy())
    expect(within(results).getByText('HID-0002-ED2766')).toBeTruthy()
    expect(within(results).getByText('3.3 ms')).toBeTruthy()
    expect(screen.getByTestId('live-busy').textContent).toBe('')
    expect(tapButton.getAttribute('aria-busy')).toBe('false')
    expect(document.activeElement).toBe(results)
  })

  it('scan at the door: says it is scanning, then the reader heard and its signal', async () => {
    const app = await openTroubleshoot()
    app.diagnose.script.scan = {
      outcome: 'scanned',
      seconds: 5,
      simulated: true,
      reader: { name: 'Reader · Front Entrance', address: 'C0:00:00:00:4C:70' },
      adverts: 31,
      median_rssi: -71.5,
      max_rssi: -64,
      threshold_dbm: -75
    }
    await diagnose()
    const release = holdNextRun(app)
    fireEvent.click(screen.getByRole('button', { name: 'Scan at the door (BLE)' }))
    await waitFor(() => expect(screen.getByTestId('live-busy').textContent).toContain("Scanning for the door's reader…"))
    await release()
    expect(app.diagnose.run).toHaveBeenLastCalledWith({ person: 2, door_id: 1, live: { scanSeconds: 5 } })
    const results = screen.getByTestId('live-results')
    await waitFor(() => expect(within(results).getByText('31 reports in 5 s')).toBeTruthy())
    expect(within(results).getByText('-71.5 dBm')).toBeTruthy()
    expect(within(results).getByText('-75 dBm or stronger')).toBeTruthy()
    expect(within(results).getByText('SIMULATED')).toBeTruthy()
  })

  it('offers the simulated tap panel only when the NFC reader is simulated', async () => {
    await openTroubleshoot()
    await diagnose()
    expect(await screen.findByRole('heading', { name: /Tap the simulated reader/ })).toBeTruthy()
    await act(async () => screen.getByRole('button', { name: 'Tap' }).click())
  })

  it('has no simulated tap panel with a real NFC reader', async () => {
    await openTroubleshoot({ simulated: { ble: false, nfc: false } })
    await diagnose()
    expect(screen.getByRole('button', { name: 'Tap test (NFC)' })).toBeTruthy()
    expect(screen.queryByRole('heading', { name: /Tap the simulated reader/ })).toBeNull()
  })
})

describe('Troubleshoot report', () => {
  it('saves the diagnosis on screen as HTML or JSON and shows where it went', async () => {
    const app = await openTroubleshoot()
    await diagnose()
    const shown = (await app.diagnose.run.mock.results[0]?.value) as Result<Diagnosis>
    if (!shown.ok) throw new Error('the fake diagnosis failed')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save report (HTML)' })))
    expect(app.diagnose.exportReport).toHaveBeenCalledWith({ diagnosis: shown.value, format: 'html' })
    await waitFor(() => expect(screen.getByTestId('report-saved').textContent).toBe('Saved /tmp/lintel-test/reports/diagnosis.html (5 KB)'))
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save JSON' })))
    expect(app.diagnose.exportReport).toHaveBeenLastCalledWith({ diagnosis: shown.value, format: 'json' })
    await waitFor(() => expect(screen.getByTestId('report-saved').textContent).toBe('Saved /tmp/lintel-test/reports/diagnosis.json (5 KB)'))
  })

  it('says when the report could not be saved', async () => {
    const app = await openTroubleshoot()
    app.diagnose.exportReport.mockResolvedValueOnce(fail('internal', 'The disk is full.'))
    await diagnose()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save report (HTML)' })))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The report was not saved')
    expect(alert.textContent).toContain('The disk is full.')
    expect(screen.getByTestId('report-saved').textContent).toBe('')
  })
})
