import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { demoSite } from './fakeApi'
import { renderApp } from './renderApp'

const site = demoSite()
const pinTypes = new Set(site.credential_types.filter((t) => t.format === 'pin').map((t) => t.id))
const pins = site.credentials.filter((c) => pinTypes.has(c.credential_type_id)).map((c) => c.value)

/** Every text and form value on the page, including option labels and input values. */
function everythingShown(): string {
  const values = [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].map((el) => el.value)
  return `${document.body.textContent ?? ''}\n${values.join('\n')}`
}

describe('PIN values', () => {
  it('the demo site has PINs to hide', () => {
    expect(pins.length).toBeGreaterThan(5)
  })

  it('never appear on the Provision page, which masks them', async () => {
    renderApp('provision')
    const table = await screen.findByRole('table', { name: /^Credentials/ })
    expect(within(table).getAllByText('••••')).toHaveLength(pins.length)
    expect(within(table).getByText('HID-0001-C28595')).toBeTruthy()
    const shown = everythingShown()
    for (const pin of pins) expect(shown).not.toContain(pin)
  })

  it('never appear in the What-if credential list', async () => {
    renderApp('what-if')
    const credential = (await screen.findByLabelText('Credential')) as HTMLSelectElement
    expect([...credential.options].some((o) => o.text.includes('PIN · Backup PIN · ••••'))).toBe(true)
    const shown = everythingShown()
    for (const pin of pins) expect(shown).not.toContain(pin)
  })

  it('never appear on the Troubleshoot page', async () => {
    renderApp('troubleshoot')
    fireEvent.change(await screen.findByLabelText(/^Person/), { target: { value: 'amira.haddad@example.com' } })
    expect([...(screen.getByLabelText('Only this credential') as HTMLSelectElement).options].some((o) => o.text === 'PIN · Backup PIN · ••••')).toBe(true)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })))
    await screen.findByTestId('troubleshoot-decisions')
    expect(screen.getAllByText('••••').length).toBeGreaterThan(0)
    const shown = everythingShown()
    for (const pin of pins) expect(shown).not.toContain(pin)
  })
})
