import { DAY_NAMES, NO_VALUE_LABEL, type Credential, type CredentialType, type DayName, type Person, type Schedule } from '../../shared/domain/site'

const DAY_LABELS: Record<DayName, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' }

/** What the UI shows instead of a PIN. PIN values are never rendered. */
export const MASKED_PIN = '••••'

export function personName(person: Pick<Person, 'first_name' | 'last_name'>): string {
  return `${person.first_name} ${person.last_name}`.trim()
}

/** A credential's value as it may be shown: PIN-format values are masked. */
export function shownValue(credential: Pick<Credential, 'value'>, type: Pick<CredentialType, 'format'> | undefined): string {
  return credential.value === undefined ? NO_VALUE_LABEL : type?.format === 'pin' ? MASKED_PIN : credential.value
}

/** "Mon–Fri", "Sat, Sun", "Mon, Wed–Fri": consecutive days joined into ranges. */
export function describeDays(days: readonly DayName[]): string {
  const indexes = [...new Set(days.map((d) => DAY_NAMES.indexOf(d)))].sort((a, b) => a - b)
  const runs: [number, number][] = []
  for (const i of indexes) {
    const last = runs.at(-1)
    if (last && last[1] === i - 1) last[1] = i
    else runs.push([i, i])
  }
  const label = (i: number): string => DAY_LABELS[DAY_NAMES[i] ?? 'mon']
  return runs
    .map(([from, to]) => (from === to ? label(from) : to === from + 1 ? `${label(from)}, ${label(to)}` : `${label(from)}–${label(to)}`))
    .join(', ')
}

/** "Mon–Fri 22:00–02:00 (next day)" for each weekly interval. */
export function describeWeekly(schedule: Schedule): string[] {
  return schedule.weekly.map((interval) => {
    const overnight = interval.to <= interval.from && interval.to !== '24:00'
    return `${describeDays(interval.days)} ${interval.from}–${interval.to}${overnight ? ' (next day)' : ''}`
  })
}

export function describeHolidays(schedule: Schedule): string {
  return schedule.holidays === 'closed' ? 'Closed on holidays' : 'Open on holidays'
}
