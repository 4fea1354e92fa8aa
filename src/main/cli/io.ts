import { LintelError } from '../../shared/contract/result'

/** Exit codes of every command (CONVENTIONS.md). */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** Bad usage or bad input: exit 2 with one line naming the argument, file:line or JSON path. */
export class UsageError extends LintelError {
  constructor(message: string, code = 'bad_usage') {
    super(code, message)
    this.name = 'UsageError'
  }
}

/** Error codes that mean the input was wrong (exit 2) rather than the operation failing (exit 1). */
export const INPUT_ERROR_CODES: ReadonlySet<string> = new Set([
  'bad_usage',
  'bad_request',
  'name_ambiguous',
  'name_unknown',
  'site_invalid',
  'site_unreadable',
  'requests_invalid',
  'requests_unreadable',
  'samples_invalid',
  'samples_unreadable',
  'project_invalid',
  'project_newer',
  'project_scale',
  'project_mark_off_plan',
  'project_unreadable',
  'import_unreadable',
  'import_mapping',
  'import_syntax',
  'import_no_header',
  'import_mixed_encoding',
  'import_xlsx_unreadable',
  'import_no_sheet',
  'group_exists',
  'invalid_record',
  'db_unreadable',
  'sync_no_token',
  'sync_bad_api'
])

/** Where a command writes: results to stdout, everything else to stderr. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  readonly json: boolean
  readonly interactive: boolean
  /** When the command started (epoch ms): `--timeout S` counts from here. */
  readonly startedAt?: number
  /** Asks the user a question on the terminal; absent when stdin or stderr is not a terminal. */
  readonly ask?: (question: string) => Promise<string>
}

export const processIo = (json: boolean): CliIo => ({
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  json,
  interactive: Boolean(process.stdout.isTTY && process.stderr.isTTY),
  ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: askOnTerminal } : {})
})

async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises')
  const terminal = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return await terminal.question(question)
  } finally {
    terminal.close()
  }
}
