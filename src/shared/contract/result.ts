import { z } from 'zod'

/** Stable error codes that cross the contract boundary. The UI and CLI map each to a sentence. */
export const ErrorCode = {
  badRequest: 'bad_request',
  unknownChannel: 'unknown_channel',
  forbidden: 'forbidden',
  notFound: 'not_found',
  unavailable: 'unavailable',
  conflict: 'conflict',
  timeout: 'timeout',
  internal: 'internal'
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/** The error half of every result. `code` is stable; `message` is one sentence for people. */
export const ContractErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** Field name → one sentence, for errors a form shows next to its fields (optional). */
  fields: z.record(z.string(), z.string()).optional()
})
export type ContractError = z.infer<typeof ContractErrorSchema>

/** What every command returns across a transport: never a thrown error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: string, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message }
})

/** Thrown by services; the dispatcher turns it into `{ ok: false, error }`. */
export class LintelError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Field name → one sentence, when the error belongs to fields of a form. */
    readonly fields?: Record<string, string>
  ) {
    super(message)
    this.name = 'LintelError'
  }
}

/** One line naming the JSON path and the problem, for the first zod issue. */
export function describeZodError(error: z.ZodError, root = '$'): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid input'
  return `${jsonPath(issue.path, root)}: ${issue.message}`
}

export function jsonPath(path: readonly PropertyKey[], root = '$'): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    root
  )
}
