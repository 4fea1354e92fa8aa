export { MS_PER_DAY, daysFromCivil, formatLocalDate, parseLocalDate, weekdayOfDay } from './calendar'
export { isInstant, parseInstant } from './instant'
export { intlOffsetAt, isValidTimeZone } from './intlClock'
export {
  TABLE_END_YEAR,
  TABLE_FIRST_YEAR,
  buildZoneTable,
  clockLabel,
  formatLocalDateTime,
  weekdayLabel,
  instantsAtLocal,
  localTimeAt,
  offsetAt,
  zoneChanges,
  zoneTable,
  type LocalTime,
  type ZoneTable
} from './zone'
