/** A Wiegand card number split into its site (facility or company) code and card number. */
export interface WiegandFields {
  readonly site: number
  readonly card: number
}

/** The limits of one Wiegand format, and what its site code is called. */
export interface WiegandFormat {
  readonly name: string
  readonly siteName: string
  readonly siteMax: number
  readonly cardMax: number
}

/** HID 26-bit H10301: 8-bit facility code, 16-bit card number. */
export const H10301: WiegandFormat = { name: '26-bit H10301', siteName: 'facility code', siteMax: 255, cardMax: 65_535 }
/** HID 35-bit Corporate 1000: 12-bit company id, 20-bit card number. */
export const CORPORATE_1000: WiegandFormat = { name: '35-bit Corporate 1000', siteName: 'company id', siteMax: 4_095, cardMax: 1_048_575 }

const SITE_CARD = /^\s*(\d{1,7})\s*[:/]\s*(\d{1,8})\s*$/

/**
 * Reads "site:card" (or "site/card") for a format and returns its stored text form "site:card"
 * in plain decimal, or a sentence saying what is wrong.
 */
export function parseWiegand(format: WiegandFormat, text: string): { ok: true; value: string; fields: WiegandFields } | { ok: false; message: string } {
  const match = SITE_CARD.exec(text)
  if (!match) return { ok: false, message: `A ${format.name} number is written ${format.siteName}:card, e.g. 118:25750.` }
  const site = Number(match[1])
  const card = Number(match[2])
  if (site > format.siteMax) return { ok: false, message: `The ${format.siteName} must be 0 to ${format.siteMax} for ${format.name}.` }
  if (card > format.cardMax) return { ok: false, message: `The card number must be 0 to ${format.cardMax} for ${format.name}.` }
  return { ok: true, value: `${site}:${card}`, fields: { site, card } }
}
