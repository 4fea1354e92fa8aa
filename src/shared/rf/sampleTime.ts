import { daysFromCivil, parseInstant } from '../time'
import { daysInMonth, digits } from '../time/calendar'

const MINUS = 45
const COLON = 58
const DOT = 46
const SPACE = 32
const T = 84

/**
 * Milliseconds for a sample's time text: epoch milliseconds; an ISO 8601 instant with `Z` or an
 * offset; or a local "YYYY-MM-DD HH:MM:SS[.fff]" (space or `T`) without an offset, read as if it were
 * UTC — the analysis needs consistent differences, not the wall clock, and this keeps the result
 * independent of the machine's time zone. NaN when malformed.
 */
export function parseSampleTime(text: string): number {
  if (text.length >= 10 && text.charCodeAt(4) === MINUS) {
    const local = parseLocalDateTime(text)
    if (!Number.isNaN(local)) return local
    const iso = text.charCodeAt(10) === SPACE ? `${text.slice(0, 10)}T${text.slice(11)}` : text
    // ISO 8601's basic offset (+0100, as strftime %z writes it) in the extended form parseInstant reads.
    return parseInstant(/\d[+-]\d{4}$/.test(iso) ? `${iso.slice(0, -2)}:${iso.slice(-2)}` : iso)
  }
  if (text.length === 0 || !/^\d+(\.\d+)?$/.test(text)) return NaN
  return Number(text)
}

function parseLocalDateTime(text: string): number {
  const n = text.length
  const separator = text.charCodeAt(10)
  if (n < 16 || text.charCodeAt(7) !== MINUS || text.charCodeAt(13) !== COLON) return NaN
  if (separator !== SPACE && separator !== T) return NaN
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 2)
  const day = digits(text, 8, 2)
  const hour = digits(text, 11, 2)
  const minute = digits(text, 14, 2)
  if (Number.isNaN(year) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) return NaN
  if (!(hour <= 23 && minute <= 59)) return NaN
  const seconds = readSeconds(text, 16)
  if (Number.isNaN(seconds)) return NaN
  return (daysFromCivil(year, month, day) * 1440 + hour * 60 + minute) * 60_000 + seconds
}

/** ":SS[.fff…]" at `i` to the end of the text, in ms; 0 when the text ends at `i`; NaN otherwise. */
function readSeconds(text: string, i: number): number {
  const n = text.length
  if (i === n) return 0
  if (text.charCodeAt(i) !== COLON || n < i + 3) return NaN
  const second = digits(text, i + 1, 2)
  if (!(second <= 59)) return NaN
  if (n === i + 3) return second * 1000
  if (text.charCodeAt(i + 3) !== DOT || n === i + 4) return NaN
  let ms = 0
  let scale = 100
  for (let j = i + 4; j < n; j++) {
    const d = text.charCodeAt(j) - 48
    if (!(d >= 0 && d <= 9)) return NaN
    ms += d * scale
    scale /= 10
  }
  return second * 1000 + ms
}
