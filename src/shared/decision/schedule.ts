import { DAY_NAMES, type Schedule } from '../domain/site'

const MINUTES_PER_DAY = 1440
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

/** A schedule as a bitset over the minutes of a local week (Monday 00:00 = bit 0). */
export interface CompiledSchedule {
  readonly name: string
  readonly closedOnHolidays: boolean
  readonly minutes: Uint32Array
}

/** Turns the weekly intervals into a minute-of-week bitset, folding midnight crossings into the next day. */
export function compileSchedule(schedule: Schedule): CompiledSchedule {
  const minutes = new Uint32Array(MINUTES_PER_WEEK / 32)
  for (const interval of schedule.weekly) {
    const from = minuteOfDay(interval.from)
    const to = minuteOfDay(interval.to)
    for (const dayName of interval.days) {
      const day = DAY_NAMES.indexOf(dayName)
      if (to > from) setRange(minutes, day * MINUTES_PER_DAY + from, day * MINUTES_PER_DAY + to)
      else {
        setRange(minutes, day * MINUTES_PER_DAY + from, (day + 1) * MINUTES_PER_DAY)
        const next = ((day + 1) % 7) * MINUTES_PER_DAY
        setRange(minutes, next, next + to)
      }
    }
  }
  return { name: schedule.name, closedOnHolidays: schedule.holidays === 'closed', minutes }
}

/** Whether the schedule contains a local wall-clock minute; weekday 0 = Monday. */
export function scheduleContains(
  schedule: CompiledSchedule,
  weekday: number,
  minuteOfDay: number,
  holiday: boolean
): boolean {
  if (holiday && schedule.closedOnHolidays) return false
  const bit = weekday * MINUTES_PER_DAY + minuteOfDay
  return ((schedule.minutes[bit >>> 5]! >>> (bit & 31)) & 1) === 1
}

/** "HH:MM" (or "24:00") as minutes since midnight. */
export function minuteOfDay(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))
}

function setRange(bits: Uint32Array, start: number, end: number): void {
  for (let bit = start; bit < end; bit++) bits[bit >>> 5]! |= 1 << (bit & 31)
}
