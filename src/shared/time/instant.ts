import { daysFromCivil, daysInMonth } from './calendar'

const T = 84
const Z = 90
const COLON = 58
const DOT = 46
const PLUS = 43
const MINUS = 45

/**
 * Parses an ISO 8601 instant, `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM`,
 * to milliseconds since the epoch. Returns NaN for anything else, including a local time
 * without an offset. Digits beyond milliseconds are truncated.
 */
export function parseInstant(text: string): number {
  if (text.length < 17 || text.charCodeAt(4) !== MINUS || text.charCodeAt(7) !== MINUS) return NaN
  if (text.charCodeAt(10) !== T || text.charCodeAt(13) !== COLON) return NaN
  const year = two(text, 0) * 100 + two(text, 2)
  const month = two(text, 5)
  const day = two(text, 8)
  const hour = two(text, 11)
  const minute = two(text, 14)
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1)) return NaN
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) return NaN
  if (day > 28 && day > daysInMonth(year, month)) return NaN
  let i = 16
  let ms = 0
  if (text.charCodeAt(i) === COLON) {
    const second = two(text, 17)
    if (!(second >= 0 && second <= 59)) return NaN
    ms = second * 1000
    i = 19
    if (text.charCodeAt(i) === DOT) {
      const end = fractionEnd(text, i + 1)
      if (end === i + 1) return NaN
      ms += fractionMs(text, i + 1, end)
      i = end
    }
  }
  const offset = offsetMinutes(text, i)
  if (Number.isNaN(offset)) return NaN
  return (daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offset) * 60_000 + ms
}

/** True when `text` is an instant {@link parseInstant} accepts. */
export function isInstant(text: string): boolean {
  return !Number.isNaN(parseInstant(text))
}

/** Two ASCII digits at `i` as a number, or -1000 (so any sum stays negative) if either is not a digit. */
function two(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48
  const b = text.charCodeAt(i + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1000
}

function fractionEnd(text: string, start: number): number {
  let end = start
  for (let d = text.charCodeAt(end) - 48; d >= 0 && d <= 9; d = text.charCodeAt(end) - 48) end++
  return end
}

function fractionMs(text: string, start: number, end: number): number {
  let ms = 0
  for (let i = start; i < start + 3; i++) ms = ms * 10 + (i < end ? text.charCodeAt(i) - 48 : 0)
  return ms
}

/** The offset at `i` as minutes east of UTC, requiring it to end the text; NaN if malformed. */
function offsetMinutes(text: string, i: number): number {
  const sign = text.charCodeAt(i)
  if (sign === Z) return i + 1 === text.length ? 0 : NaN
  if ((sign !== PLUS && sign !== MINUS) || i + 6 !== text.length || text.charCodeAt(i + 3) !== COLON) return NaN
  const hours = two(text, i + 1)
  const minutes = two(text, i + 4)
  if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) return NaN
  return (sign === PLUS ? 1 : -1) * (hours * 60 + minutes)
}
