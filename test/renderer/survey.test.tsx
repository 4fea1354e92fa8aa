import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { phoneRow, rowFor } from './fakeBle'
import { renderApp } from './renderApp'

const scanTable = () => screen.getByRole('table', { name: /^Advertisers heard/ })
const rowNames = () => within(scanTable()).getAllByRole('rowheader').map((th) => th.textContent ?? '')

describe('the Survey page', () => {
  it('starts the scan and shows advertisers, sorted by RSSI, with TX power, services and manufacturer data', async () => {
    const app = renderApp('survey')
    fireEvent.click(await screen.findByRole('button', { name: 'Start scan' }))
    await screen.findByRole('button', { name: 'Stop scan' })
    expect(app.ble.startScan).toHaveBeenCalledTimes(1)
    const readers = (await app.api.ble.readers({})) as { ok: true; value: Parameters<typeof rowFor>[0][] }
    act(() => app.ble.setRows([phoneRow('5E:00:00:00:00:01', -48), rowFor(readers.value[0]!, -62), rowFor(readers.value[1]!, -71)]))
    await waitFor(() => expect(rowNames()).toHaveLength(3))
    expect(rowNames()[0]).toBe('(no name)')
    expect(within(scanTable()).getByText('4C0010050118AB')).toBeTruthy()
    expect(within(scanTable()).getAllByText('6C1E7A00B1E54D0F9A3C4C494E54454C')).toHaveLength(2)
  })

  it('filters known readers, pins a row to the top and hides another', async () => {
    const app = renderApp('survey')
    const readers = (await app.api.ble.readers({})) as { ok: true; value: Parameters<typeof rowFor>[0][] }
    act(() => app.ble.setRows([phoneRow('5E:00:00:00:00:01', -48), rowFor(readers.value[0]!, -62), rowFor(readers.value[1]!, -71)]))
    await waitFor(() => expect(rowNames()).toHaveLength(3))
    fireEvent.click(screen.getByRole('checkbox', { name: /Known door readers only/ }))
    expect(rowNames().every((n) => n.startsWith('Reader'))).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: `Pin ${readers.value[1]!.name}` }))
    expect(rowNames()[0]).toContain(readers.value[1]!.name)
    fireEvent.click(screen.getByRole('button', { name: `Hide ${readers.value[0]!.name}` }))
    expect(rowNames()).toHaveLength(1)
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 hidden' }))
    expect(rowNames()).toHaveLength(2)
  })

  it('draws the strongest 40 rows of a crowd until asked for all', async () => {
    const app = renderApp('survey')
    const crowd = Array.from({ length: 60 }, (_, i) => phoneRow(`5E:00:00:00:00:${i.toString(16).padStart(2, '0').toUpperCase()}`, -40 - i))
    act(() => app.ble.setRows(crowd))
    await waitFor(() => expect(rowNames()).toHaveLength(40))
    expect(screen.getByRole('table', { name: 'Advertisers heard (40 shown of 60)' })).toBeTruthy()
    expect(within(scanTable()).getAllByRole('row')[1]!.textContent).toContain('5E:00:00:00:00:00')
    fireEvent.click(screen.getByRole('button', { name: 'Show all 60' }))
    expect(rowNames()).toHaveLength(60)
  })

  it('runs a range test: marks on both sides, capture with progress, analyse, results and report export', async () => {
    const app = renderApp('survey')
    fireEvent.click(await screen.findByRole('button', { name: 'Start range test' }))
    await screen.findByText(/Range test · /)
    const marks = screen.getAllByRole('button', { name: /^Capture / })
    expect(marks).toHaveLength(8)
    for (let i = 0; i < 8; i++) {
      fireEvent.click(screen.getAllByRole('button', { name: /^Capture|^Capture again/ })[i]!)
      await waitFor(() => expect(app.ble.captureMark).toHaveBeenCalledTimes(i + 1))
      await waitFor(() => expect(screen.getAllByText(/readings$/).length).toBeGreaterThan(i))
    }
    expect(screen.getByText(/at or above -70 dBm/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }))
    const results = await screen.findByRole('heading', { name: /^Results ·/ })
    const card = results.closest('section')!
    expect(within(card).getByText('Reliable range (≥ 95%)')).toBeTruthy()
    expect(within(card).getByRole('table', { name: /^Marks/ }).querySelectorAll('tbody tr')).toHaveLength(8)
    const platforms = within(within(card).getByRole('list', { name: 'Phone platforms' })).getAllByRole('listitem').map((li) => li.textContent)
    expect(platforms[0]).toMatch(/^iPhones .* the site's 0\.5 m/)
    expect(platforms[1]).toMatch(/^Android phones present by NFC/)
    fireEvent.click(within(card).getByRole('button', { name: 'HTML report' }))
    await within(card).findByText(/Saved \/tmp\/lintel-test\/reports\/survey-fake-1-survey\.html/)
    expect(app.ble.exportReport).toHaveBeenCalledWith({ surveyId: 'fake-1-survey', format: 'html' })
  })

  it('names the problem next to the field when the marks are not distances', async () => {
    const app = renderApp('survey')
    const marks = await screen.findByLabelText('Marks in front of the door (m)')
    fireEvent.change(marks, { target: { value: '0.5, near' } })
    fireEvent.click(screen.getByRole('button', { name: 'Start range test' }))
    expect(await screen.findByText('Distances in metres from 0 to 50, separated by commas.')).toBeTruthy()
    expect(marks.getAttribute('aria-invalid')).toBe('true')
    expect(app.ble.createSurvey).not.toHaveBeenCalled()
  })
})
