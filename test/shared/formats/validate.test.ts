import { describe, expect, it } from 'vitest'
import type { CredentialType } from '../../../src/shared/domain/site'
import { isWeakPin, pinProblem } from '../../../src/shared/formats/pin'
import { checkCredentialValue, valueFormatOf } from '../../../src/shared/formats/validate'
import { CORPORATE_1000, H10301, parseWiegand } from '../../../src/shared/formats/wiegand'

const type = (slug: string, format: CredentialType['format'], technology: CredentialType['technology']) => ({ slug, format, technology })
const PIN = type('pin', 'pin', 'keypad')
const PROX26 = type('hid-prox-26', 'card', 'prox')
const CORP = type('hid-corporate-1000', 'card', 'prox')
const DESFIRE = type('mifare-desfire-ev3', 'card', 'nfc')
const HID = type('hid-mobile-access', 'mobile', 'ble+nfc')
const PASSFLOW = type('passflow', 'mobile', 'ble')
const OTHER_MOBILE = type('acme-mobile', 'mobile', 'ble')

describe('PINs', () => {
  it.each(['1234', '0000', '1111111', '987654', '4567', '1212', '123123', '7890'])('calls %s weak', (pin) => {
    expect(isWeakPin(pin)).toBe(true)
  })
  it.each(['159406', '1684', '7925', '000981', '2580461'])('accepts %s', (pin) => {
    expect(isWeakPin(pin)).toBe(false)
    expect(pinProblem(pin)).toBeNull()
  })
  it.each([
    ['123', 'pin_length'],
    ['12345678', 'pin_length'],
    ['12a4', 'pin_not_digits'],
    ['1234', 'pin_weak']
  ])('refuses %s with %s', (pin, code) => {
    expect(pinProblem(pin)?.code).toBe(code)
  })
  it('lets the user keep a weak PIN but never a malformed one', () => {
    expect(pinProblem('1234', true)).toBeNull()
    expect(pinProblem('123', true)?.code).toBe('pin_length')
  })
})

describe('Wiegand card numbers', () => {
  it.each([
    [H10301, '118:25750', '118:25750'],
    [H10301, '007/00042', '7:42'],
    [H10301, '255:65535', '255:65535'],
    [CORPORATE_1000, '4095:1048575', '4095:1048575']
  ])('%# reads %s as %s', (format, text, stored) => {
    expect(parseWiegand(format, text)).toMatchObject({ ok: true, value: stored })
  })
  it.each([
    [H10301, '256:1', /facility code must be 0 to 255/],
    [H10301, '1:65536', /card number must be 0 to 65535/],
    [CORPORATE_1000, '4096:1', /company id must be 0 to 4095/],
    [CORPORATE_1000, '1:1048576', /card number must be 0 to 1048575/],
    [H10301, '12345', /facility code:card/]
  ])('%# refuses %s', (format, text, message) => {
    const result = parseWiegand(format, text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })
})

describe('checkCredentialValue', () => {
  it.each([
    [PIN, 'pin'],
    [PROX26, 'h10301'],
    [CORP, 'corporate1000'],
    [DESFIRE, 'csn'],
    [HID, 'hid_mobile'],
    [PASSFLOW, 'passflow'],
    [OTHER_MOBILE, 'mobile']
  ])('%# picks the value format from the type', (t, format) => {
    expect(valueFormatOf(t)).toBe(format)
  })

  it.each([
    [DESFIRE, '04:05:e7:9f:95:0f:21', '0405E79F950F21'],
    [DESFIRE, 'a1b2c3d4', 'A1B2C3D4'],
    [HID, 'hid-0001-c28595', 'HID-0001-C28595'],
    [PASSFLOW, ' PF-18EB-6D86 ', 'PF-18EB-6D86'],
    [PASSFLOW, 'passflow-id', 'passflow-id'],
    [HID, 'hid-mobile-id', 'hid-mobile-id'],
    [OTHER_MOBILE, 'phone-7Q2K', 'phone-7Q2K'],
    [PROX26, '118:25750', '118:25750']
  ])('%# stores %s as %s', (t, raw, stored) => {
    expect(checkCredentialValue(t, raw)).toEqual({ ok: true, value: stored })
  })

  it.each([
    [DESFIRE, '0405E79F95'],
    [DESFIRE, 'XYZ12345'],
    [HID, 'PF-18EB-6D86'],
    [PASSFLOW, 'HID-0001-C28595'],
    [HID, 'has space'],
    [PASSFLOW, 'x'.repeat(65)],
    [OTHER_MOBILE, 'has space'],
    [PIN, '0000'],
    [PIN, '12']
  ])('%# refuses %s', (t, raw) => {
    expect(checkCredentialValue(t, raw).ok).toBe(false)
  })

  it('refuses an empty value for every type', () => {
    for (const t of [PIN, PROX26, DESFIRE, HID]) expect(checkCredentialValue(t, '  ')).toMatchObject({ ok: false, code: 'value_empty' })
  })
})
