import { describe, expect, it } from 'vitest'
import { credentialRules, CredentialInputSchema, fieldErrorsOf, PersonInputSchema } from '../../../src/shared/provisioning/schemas'
import { demoSite } from '../../helpers/demoSite'

const site = demoSite()
const context = { types: site.credential_types, credentials: site.credentials }
const person = { first_name: 'Ada', last_name: 'Lovelace', email: 'Ada@Example.com', enabled: true, group_ids: [1] }

describe('PersonInputSchema', () => {
  it('accepts a person and keeps the email in lower case', () => {
    expect(PersonInputSchema.parse(person).email).toBe('ada@example.com')
  })

  it.each([
    [{ first_name: ' ' }, 'first_name'],
    [{ email: 'not-an-email' }, 'email'],
    [{ valid_from: '2026-05-01T00:00:00Z', valid_to: '2026-04-01T00:00:00Z' }, 'valid_to'],
    [{ valid_from: '2026-05-01' }, 'valid_from']
  ])('%# puts the error on field %s', (patch, field) => {
    const parsed = PersonInputSchema.safeParse({ ...person, ...patch })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(Object.keys(fieldErrorsOf(parsed.error))).toEqual([field])
  })
})

describe('credentialRules', () => {
  const draft = (patch: Record<string, unknown>) => CredentialInputSchema.parse({ person_id: 1, credential_type_id: 6, value: '583920', enabled: true, ...patch })

  it('returns the stored value when the credential is acceptable', () => {
    expect(credentialRules(draft({ credential_type_id: 2, value: '04 aa bb cc dd ee ff' }), context)).toEqual({ ok: true, value: '04AABBCCDDEEFF' })
  })

  it('lets only a mobile credential have no value (it becomes an invitation)', () => {
    expect(credentialRules(draft({ credential_type_id: 9, value: '' }), context)).toEqual({ ok: true, value: null })
    expect(credentialRules(draft({ credential_type_id: 9, value: undefined }), context)).toEqual({ ok: true, value: null })
    expect(credentialRules(draft({ credential_type_id: 2, value: '  ' }), context)).toEqual({ ok: false, fields: { value: 'A value is required.' } })
  })

  it('refuses a value already in use for the same type', () => {
    expect(credentialRules(draft({ credential_type_id: 8, value: 'HID-0002-ED2766' }), context)).toEqual({
      ok: false,
      fields: { value: 'This HID Mobile Access value is already in use.' }
    })
  })

  it('lets a credential keep its own value when edited', () => {
    expect(credentialRules(draft({ id: 103, credential_type_id: 8, value: 'HID-0002-ED2766' }), context).ok).toBe(true)
  })

  it('refuses a weak PIN unless the user overrides', () => {
    expect(credentialRules(draft({ value: '1234' }), context)).toMatchObject({ ok: false, fields: { value: expect.stringMatching(/easy to guess/) } })
    expect(credentialRules(draft({ value: '1234', allow_weak_pin: true }), context).ok).toBe(true)
  })

  it('refuses a type the site does not have', () => {
    expect(credentialRules(draft({ credential_type_id: 99 }), context)).toMatchObject({ ok: false, fields: { credential_type_id: expect.any(String) } })
  })
})
