import type { z } from 'zod'
import { LintelError } from '../../shared/contract/result'
import type { Id } from '../../shared/domain/site'
import { fieldErrorsOf, type FieldErrors } from '../../shared/provisioning/schemas'
import { StoreErrorCode } from './database'
import type { Statements } from './statements'

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>

/** Tables whose new records get the next whole-number id. */
export type NumberedTable = 'people' | 'credentials' | 'groups' | 'doors'

/** Throws the store's invalid-record error carrying field errors for the form. */
export function invalid(fields: FieldErrors): never {
  const first = Object.entries(fields)[0]
  throw new LintelError(StoreErrorCode.invalid, first ? `${first[0]}: ${first[1]}` : 'invalid record', fields)
}

/** The input parsed by `schema`, or the invalid-record error with its field errors. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) invalid(fieldErrorsOf(parsed.error))
  return parsed.data
}

/** Throws the store's not-found error for a record of this kind. */
export function notFound(what: string, id: Id): never {
  throw new LintelError(StoreErrorCode.notFound, `There is no ${what} ${JSON.stringify(id)}.`)
}

/** The next free whole-number id of a table. */
export function nextWholeId(sql: Statements, table: NumberedTable): number {
  const n = sql.value(`SELECT MAX(CAST(id AS INTEGER)) FROM ${table} WHERE id GLOB '[0-9]*'`).get() as number | null
  return (n ?? 0) + 1
}
