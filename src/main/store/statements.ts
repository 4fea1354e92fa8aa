import type Database from 'better-sqlite3'

/**
 * Each SQL text prepared once per connection, so a table's methods cost no more in a 100k-row
 * import than statements held in fields. `value` statements return the first column only.
 */
export class Statements {
  private readonly prepared = new Map<string, Database.Statement>()

  constructor(private readonly db: Database.Database) {}

  /** A statement returning whole rows. */
  rows(sql: string): Database.Statement {
    return this.cached(`rows:${sql}`, () => this.db.prepare(sql))
  }

  /** A statement returning the first column of each row (better-sqlite3's pluck). */
  value(sql: string): Database.Statement {
    return this.cached(`value:${sql}`, () => this.db.prepare(sql).pluck())
  }

  private cached(key: string, make: () => Database.Statement): Database.Statement {
    let statement = this.prepared.get(key)
    if (!statement) {
      statement = make()
      this.prepared.set(key, statement)
    }
    return statement
  }
}
