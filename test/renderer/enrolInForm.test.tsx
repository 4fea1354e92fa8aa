import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './renderApp'

/** Issue 5: "Enrol: tap a card and its value lands in the credential form, checked against the type's format". */
describe('Provision: enrol by tap in the credential form', () => {
  async function openIssueForm() {
    const app = renderApp('provision')
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Ben Whitaker' }))
    await screen.findByRole('heading', { name: 'Ben Whitaker', level: 2 })
    fireEvent.click(screen.getByRole('button', { name: 'Issue a credential' }))
    return { app, form: screen.getByRole('form', { name: 'Issue a credential' }) }
  }

  it('puts a tapped card’s UID, in its stored form, into the value field, and issues it', async () => {
    const { app, form } = await openIssueForm()
    app.nfc.enrolNext({ kind: 'card', uid: '04AABBCCDDEE01' })
    await act(async () => within(form).getByRole('button', { name: 'Tap a card to read its MIFARE DESFire EV3 value' }).click())
    expect(app.nfc.enrolTap).toHaveBeenCalledWith({ credentialTypeId: 2 })
    await waitFor(() => expect((within(form).getByLabelText('Value') as HTMLInputElement).value).toBe('04AABBCCDDEE01'))
    fireEvent.click(within(form).getByRole('button', { name: 'Issue credential' }))
    await waitFor(() => expect(app.holder.site.credentials.at(-1)).toMatchObject({ person_id: 2, credential_type_id: 2, value: '04AABBCCDDEE01' }))
  })

  it('leaves the value alone when the tap does not fit the type, and offers no tap for a PIN', async () => {
    const { app, form } = await openIssueForm()
    app.nfc.enrolNext({ kind: 'card', uid: '0102030405' })
    await act(async () => within(form).getByRole('button', { name: 'Tap a card to read its MIFARE DESFire EV3 value' }).click())
    expect(await within(form).findByText(/4, 7 or 10 bytes/)).toBeTruthy()
    expect((within(form).getByLabelText('Value') as HTMLInputElement).value).toBe('')
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: '6' } })
    expect(within(form).queryByRole('button', { name: /Tap a card/ })).toBeNull()
  })
})
