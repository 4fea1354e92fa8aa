import type Database from 'better-sqlite3'

/**
 * Each SQL text prepared once per connection, so a table's methods cost no more in a 100k-row
 * import than statements held in fields. `value` statements return the first column only.
 */
export class Statements {
  private readonly rowStatements = new Map<string, Database.Statement>()
  private readonly valueStatements = new Map<string, Database.Statement>()

  constructor(private readonly db: Database.Database) {}

  /** A statement returning whole rows. */
  rows(sql: string): Database.Statement {
    return this.rowStatements.get(sql) ?? this.prepare(this.rowStatements, sql, false)
  }

  /** A statement returning the first column of each row (better-sqlite3's pluck). */
  value(sql: string): Database.Statement {
    return this.valueStatements.get(sql) ?? this.prepare(this.valueStatements, sql, true)
  }

  private prepare(cache: Map<string, Database.Statement>, sql: string, pluck: boolean): Database.Statement {
    const statement = this.db.prepare(sql)
    if (pluck) statement.pluck()
    cache.set(sql, statement)
    return statement
  }
}
