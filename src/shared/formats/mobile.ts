/** The result of reading a mobile number: its E.164 form, or why it is not one. */
export type MobileCheck = { ok: true; value: string } | { ok: false; message: string }

const E164 = /^\+[1-9]\d{6,14}$/

/**
 * A mobile number in E.164 (`+447700900123`), as Alarm.com-style SMS invitations need it. Spaces,
 * dots, dashes and brackets are dropped and a leading `00` reads as `+`; a number without a
 * country code (local format, `07700 900123`) is refused with a message saying how to write it.
 */
export function checkMobile(text: string): MobileCheck {
  const compact = text.trim().replace(/[\s.\-()]/g, '').replace(/^00/, '+')
  if (E164.test(compact)) return { ok: true, value: compact }
  if (/^0?\d{6,14}$/.test(compact)) return { ok: false, message: `${text.trim()} is in local format: write it with its country code, e.g. +44 7700 900123 for 07700 900123.` }
  return { ok: false, message: 'Enter a mobile number in international format (E.164), e.g. +447700900123.' }
}
