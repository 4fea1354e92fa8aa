import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysFromCivil, formatLocalDate, parseLocalDate, weekdayOfDay } from '../../../src/shared/time'

describe('calendar', () => {
  it('numbers days like Date.UTC, and formats them back, for every day of years 1–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10)
        const [y, m, d] = date.split('-').map(Number) as [number, number, number]
        expect(daysFromCivil(y, m, d)).toBe(day)
        expect(formatLocalDate(day)).toBe(date)
        expect(parseLocalDate(date)).toBe(day)
      })
    )
  })

  it('gives 1970-01-01 as a Thursday (weekday 3, Monday = 0) and 2026-12-25 as a Friday', () => {
    expect(weekdayOfDay(0)).toBe(3)
    expect(weekdayOfDay(parseLocalDate('2026-12-25'))).toBe(4)
    expect(weekdayOfDay(-1)).toBe(2)
  })

  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01'])('accepts the real date %s', (text) => {
    expect(parseLocalDate(text)).not.toBeNaN()
  })

  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '2026-01-1', '26-01-01', '2026/01/01', 'abcd-ef-gh', '2026-01-01T00:00'])(
    'rejects %s',
    (text) => {
      expect(parseLocalDate(text)).toBeNaN()
    }
  )
})
