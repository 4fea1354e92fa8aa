import type { Id, Schedule } from '../../shared/domain/site'
import { idFromKey, idKey } from './database'
import type { Row } from './records'
import type { Statements } from './statements'

/** A schedules row in the snapshot's shape. */
export function scheduleOf(r: Row): Schedule {
  return { id: idFromKey(r.id as string), name: r.name as string, weekly: JSON.parse(r.weekly as string) as Schedule['weekly'], holidays: r.holidays as Schedule['holidays'] }
}

/** The one writer of `schedules`: the site's opening hours, written when a site is seeded. */
export class Schedules {
  constructor(private readonly sql: Statements) {}

  /** Every schedule, in insertion order. */
  all(): Schedule[] {
    return (this.sql.rows('SELECT * FROM schedules ORDER BY row').all() as Row[]).map(scheduleOf)
  }

  /** The schedule with this id, or undefined. */
  get(id: Id): Schedule | undefined {
    const row = this.sql.rows('SELECT * FROM schedules WHERE id = ?').get(idKey(id)) as Row | undefined
    return row && scheduleOf(row)
  }

  /** Inserts a schedule as given (seeding a new database from a snapshot). */
  add(schedule: Schedule): void {
    this.sql.rows('INSERT INTO schedules (id, name, weekly, holidays) VALUES (?, ?, ?, ?)').run(idKey(schedule.id), schedule.name, JSON.stringify(schedule.weekly), schedule.holidays)
  }
}
