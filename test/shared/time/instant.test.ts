import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseInstant } from '../../../src/shared/time'

const YEAR_1 = Date.UTC(2000, 0, 1) - 1999 * 365.2425 * 86_400_000
const YEAR_9999 = Date.UTC(9999, 11, 31)

function withOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23)
  const abs = Math.abs(offsetMinutes)
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

describe('parseInstant', () => {
  it('reads every toISOString output back to the same millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: Math.ceil(YEAR_1), max: YEAR_9999 }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms)
      })
    )
  })

  it('applies a numeric offset the way Date.parse does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), (ms, offset) => {
        const text = withOffset(ms, offset)
        expect(parseInstant(text)).toBe(ms)
        expect(parseInstant(text)).toBe(Date.parse(text))
      })
    )
  })

  it.each([
    ['2026-12-21T10:00Z', Date.UTC(2026, 11, 21, 10)],
    ['2026-12-21T10:00:30Z', Date.UTC(2026, 11, 21, 10, 0, 30)],
    ['2026-12-21T10:00:30.1Z', Date.UTC(2026, 11, 21, 10, 0, 30, 100)],
    ['2026-12-21T10:00:30.123456789Z', Date.UTC(2026, 11, 21, 10, 0, 30, 123)],
    ['2026-12-21T00:30:00+05:45', Date.UTC(2026, 11, 20, 18, 45)],
    ['2024-02-29T23:59:59-00:00', Date.UTC(2024, 1, 29, 23, 59, 59)]
  ])('reads %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected)
  })

  it.each([
    '2026-12-21T10:00:00',
    '2026-12-21',
    '2026-12-21 10:00:00Z',
    '2026-12-21t10:00:00z',
    '2026-12-21T10:00:00+0100',
    '2026-12-21T10:00:00+01',
    '2026-12-21T24:00:00Z',
    '2026-12-21T10:60:00Z',
    '2026-12-21T10:00:60Z',
    '2026-02-29T10:00:00Z',
    '2026-12-21T10:00:00.Z',
    '2026-12-21T10:00:00Zjunk',
    '+02026-12-21T10:00:00Z',
    ''
  ])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeNaN()
  })
})
