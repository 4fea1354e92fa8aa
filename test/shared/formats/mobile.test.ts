import { describe, expect, it } from 'vitest'
import { checkMobile } from '../../../src/shared/formats/mobile'

describe('mobile numbers (E.164)', () => {
  it.each([
    ['+447700900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['0044 (7700) 900-123', '+447700900123'],
    ['+1 415 555 0100', '+14155550100']
  ])('reads %s as %s', (text, value) => {
    expect(checkMobile(text)).toEqual({ ok: true, value })
  })

  it('refuses a local-format number, saying to add the country code', () => {
    const local = checkMobile('07700 900123')
    expect(local).toMatchObject({ ok: false })
    expect(!local.ok && local.message).toMatch(/local format.*country code/)
  })

  it.each(['+0447700900123', '+44', 'call me', '+44 7700 900123 ext 4'])('refuses %s', (text) => {
    expect(checkMobile(text).ok).toBe(false)
  })
})
