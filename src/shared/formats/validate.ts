import type { CredentialType } from '../domain/site'
import { canonicalHex } from './hex'
import { pinProblem, PinProblem } from './pin'
import { CORPORATE_1000, H10301, parseWiegand } from './wiegand'

/** How a credential type's values are written. See docs/site-format.md. */
export const ValueFormat = {
  pin: 'pin',
  h10301: 'h10301',
  corporate1000: 'corporate1000',
  csn: 'csn',
  cardNumber: 'card_number',
  hidMobile: 'hid_mobile',
  passflow: 'passflow',
  mobile: 'mobile',
  text: 'text'
} as const
export type ValueFormat = (typeof ValueFormat)[keyof typeof ValueFormat]

/** Why a value was refused; `pin_weak` is the only one a user may override. */
export const ValueProblem = { ...PinProblem, format: 'value_format', empty: 'value_empty' } as const
export type ValueProblem = (typeof ValueProblem)[keyof typeof ValueProblem]

export type ValueCheck = { ok: true; value: string } | { ok: false; code: ValueProblem; message: string }

type TypeShape = Pick<CredentialType, 'slug' | 'format' | 'technology'>

/** The value format of a credential type, from its format, technology and slug. */
export function valueFormatOf(type: TypeShape): ValueFormat {
  const slug = type.slug.toLowerCase()
  if (type.format === 'pin') return ValueFormat.pin
  if (type.format === 'mobile') {
    if (slug.includes('hid')) return ValueFormat.hidMobile
    if (slug.includes('passflow')) return ValueFormat.passflow
    return ValueFormat.mobile
  }
  if (type.format === 'card') {
    if (/h10301|26/.test(slug)) return ValueFormat.h10301
    if (/corporate|1000|35/.test(slug)) return ValueFormat.corporate1000
    if (type.technology.includes('nfc')) return ValueFormat.csn
    return ValueFormat.cardNumber
  }
  return ValueFormat.text
}

const HID_MOBILE = /^HID-\d{4}-[0-9A-F]{6}$/
const PASSFLOW = /^PF-[0-9A-F]{4}-[0-9A-F]{4}$/
const MOBILE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/
const CSN_LENGTHS = new Set([8, 14, 20])

const bad = (message: string): ValueCheck => ({ ok: false, code: ValueProblem.format, message })

function checkCsn(text: string): ValueCheck {
  const hex = canonicalHex(text)
  if (hex === undefined || !CSN_LENGTHS.has(hex.length)) {
    return bad('A card serial number (CSN) is 4, 7 or 10 bytes of hex, e.g. 0405E79F950F21.')
  }
  return { ok: true, value: hex }
}

function checkPattern(text: string, pattern: RegExp, example: string, upper = true): ValueCheck {
  const value = upper ? text.toUpperCase() : text
  return pattern.test(value) ? { ok: true, value } : bad(`Expected an id like ${example}.`)
}

/**
 * A HID or PassFlow id: the demo's form of its own type (upper-cased), else any plain id kept as
 * written (DoorFlow's own examples are ids like `passflow-id`), but never the other type's form.
 */
function mobileId(text: string, own: RegExp, other: RegExp, example: string): ValueCheck {
  const upper = text.toUpperCase()
  if (own.test(upper)) return { ok: true, value: upper }
  if (other.test(upper)) return bad(`That is the other mobile system's id form; expected an id like ${example}.`)
  return checkPattern(text, MOBILE, `${example} (letters, digits . _ : -; at most 64)`, false)
}

/**
 * The one function that turns a credential value (typed, imported, or read by NFC/BLE) into its
 * stored text form for its type, or says what is wrong with it.
 * A weak PIN is refused unless `allowWeakPin` is set.
 */
export function checkCredentialValue(type: TypeShape, raw: string, options: { allowWeakPin?: boolean } = {}): ValueCheck {
  const text = raw.trim()
  if (text === '') return { ok: false, code: ValueProblem.empty, message: 'A value is required.' }
  switch (valueFormatOf(type)) {
    case ValueFormat.pin: {
      const problem = pinProblem(text, options.allowWeakPin ?? false)
      return problem ? { ok: false, ...problem } : { ok: true, value: text }
    }
    case ValueFormat.h10301:
    case ValueFormat.corporate1000: {
      const parsed = parseWiegand(valueFormatOf(type) === ValueFormat.h10301 ? H10301 : CORPORATE_1000, text)
      return parsed.ok ? { ok: true, value: parsed.value } : bad(parsed.message)
    }
    case ValueFormat.csn:
      return checkCsn(text)
    case ValueFormat.cardNumber:
      return /^\d{1,20}$/.test(text) ? { ok: true, value: text.replace(/^0+(?=\d)/, '') } : bad('A card number is 1 to 20 digits.')
    case ValueFormat.hidMobile:
      return mobileId(text, HID_MOBILE, PASSFLOW, 'HID-0001-C28595 or hid-mobile-id')
    case ValueFormat.passflow:
      return mobileId(text, PASSFLOW, HID_MOBILE, 'PF-18EB-6D86 or passflow-id')
    case ValueFormat.mobile:
      return checkPattern(text, MOBILE, 'phone-7Q2K (letters, digits . _ : -; at most 64)', false)
    default:
      return text.length <= 128 ? { ok: true, value: text } : bad('A value has at most 128 characters.')
  }
}
