import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './renderApp'

describe('Provision: a person’s mobile number', () => {
  it('refuses a mobile number in local format next to the field, and saves it as E.164', async () => {
    const { holder } = renderApp('provision')
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Ben Whitaker' }))
    const form = await screen.findByRole('form', { name: 'Edit Ben Whitaker' })
    const mobile = within(form).getByLabelText('Mobile')
    fireEvent.change(mobile, { target: { value: '07700 900123' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save person' }))
    expect(await within(form).findByText(/local format: write it with its country code/)).toBeTruthy()
    expect(mobile.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(mobile, { target: { value: '+44 7700 900123' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save person' }))
    await waitFor(() => expect(holder.site.people.find((p) => p.id === 2)?.mobile).toBe('+447700900123'))
  })
})

describe('Provision: revoking a credential records why', () => {
  it('revokes Ben’s phone as lost, recording the reason with the credential', async () => {
    const { holder } = renderApp('provision')
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Ben Whitaker' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Edit HID Mobile Access Phone' }))
    const form = await screen.findByRole('form', { name: 'Edit credential' })
    fireEvent.change(within(form).getByLabelText('Revocation'), { target: { value: 'lost' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save credential' }))
    await waitFor(() => expect(holder.site.credentials.find((c) => c.id === 103)).toMatchObject({ status: 'revoked', revoked_reason: 'lost' }))
  })
})
