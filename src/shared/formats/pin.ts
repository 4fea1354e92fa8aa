/** Why a PIN was refused. `weak` can be overridden by the user; the others cannot. */
export const PinProblem = { notDigits: 'pin_not_digits', length: 'pin_length', weak: 'pin_weak' } as const
export type PinProblem = (typeof PinProblem)[keyof typeof PinProblem]

/** DoorFlow accepts PINs of 4 to 7 digits. */
export const PIN_MIN_DIGITS = 4
export const PIN_MAX_DIGITS = 7

const SEQUENCE = '01234567890'
const REVERSE = '09876543210'

/**
 * A PIN anyone would guess: one digit repeated (0000), a run up or down (1234, 987654),
 * or a short pattern repeated to the end (1212, 123123).
 */
export function isWeakPin(pin: string): boolean {
  if (SEQUENCE.includes(pin) || REVERSE.includes(pin)) return true
  for (let period = 1; period <= 3; period++) {
    if (pin.length >= period * 2 && pin.length % period === 0 && pin === pin.slice(0, period).repeat(pin.length / period)) return true
  }
  return false
}

/** The first problem with a PIN, or null when it is acceptable. */
export function pinProblem(pin: string, allowWeak = false): { code: PinProblem; message: string } | null {
  if (!/^\d+$/.test(pin)) return { code: PinProblem.notDigits, message: 'A PIN is digits only.' }
  if (pin.length < PIN_MIN_DIGITS || pin.length > PIN_MAX_DIGITS) {
    return { code: PinProblem.length, message: `A PIN has ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits (DoorFlow refuses others).` }
  }
  if (!allowWeak && isWeakPin(pin)) {
    return { code: PinProblem.weak, message: 'This PIN is easy to guess (repeated or sequential digits); choose another or override.' }
  }
  return null
}
