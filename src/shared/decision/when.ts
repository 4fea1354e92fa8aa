import { MS_PER_DAY, clockLabel, formatLocalDate, formatLocalDateTime, offsetAt, weekdayLabel, weekdayOfDay } from '../time'
import type { CompiledSite } from './compile'

/** Local "YYYY-MM-DD HH:MM" of an instant in the site's zone, as details show it. */
export function siteTimeLabel(site: Pick<CompiledSite, 'zone'>, epochMs: number): string {
  return formatLocalDateTime(site.zone, epochMs)
}

/** "Sat 09:30 site time", adding the date when it is a site holiday. */
export function whenLabel(site: Pick<CompiledSite, 'zone' | 'holidays'>, at: number): string {
  const local = at + offsetAt(site.zone, at)
  const day = Math.floor(local / MS_PER_DAY)
  const clock = `${weekdayLabel(weekdayOfDay(day))} ${clockLabel(Math.floor((local - day * MS_PER_DAY) / 60_000))} site time`
  return site.holidays.has(day) ? `${clock} on ${formatLocalDate(day)}, a site holiday,` : clock
}
