import { describe, expect, it } from 'vitest'
import { DecisionRequestSchema } from '../../../src/shared/decision'

const base = { door_id: 1, credential_type_id: 8, value: 'HID-0001-C28595', at: '2026-12-21T10:00:00Z' }

describe('DecisionRequestSchema', () => {
  it.each([
    ['Z', '2026-12-21T10:00:00Z'],
    ['an offset', '2026-12-21T10:00:00+01:00'],
    ['milliseconds', '2026-12-21T10:00:00.250Z'],
    ['no seconds', '2026-12-21T10:00Z']
  ])('accepts an instant with %s', (_name, at) => {
    expect(DecisionRequestSchema.safeParse({ ...base, at }).success).toBe(true)
  })

  it.each([
    ['no offset', '2026-12-21T10:00:00'],
    ['a date only', '2026-12-21'],
    ['an impossible date', '2026-02-30T10:00:00Z'],
    ['hour 24', '2026-12-21T24:00:00Z'],
    ['a space instead of T', '2026-12-21 10:00:00Z'],
    ['a compact offset', '2026-12-21T10:00:00+0100']
  ])('rejects an at with %s', (_name, at) => {
    expect(DecisionRequestSchema.safeParse({ ...base, at }).success).toBe(false)
  })

  it('keeps ids as given: number 3 and string "3" both pass unchanged', () => {
    expect(DecisionRequestSchema.parse({ ...base, door_id: 3 }).door_id).toBe(3)
    expect(DecisionRequestSchema.parse({ ...base, door_id: '3' }).door_id).toBe('3')
  })

  it('rejects unknown keys so a misspelt pin is not silently ignored', () => {
    expect(DecisionRequestSchema.safeParse({ ...base, pn: '1234' }).success).toBe(false)
  })

  it('rejects an empty PIN and an empty value', () => {
    expect(DecisionRequestSchema.safeParse({ ...base, pin: '' }).success).toBe(false)
    expect(DecisionRequestSchema.safeParse({ ...base, value: '' }).success).toBe(false)
  })
})
