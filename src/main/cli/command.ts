import type { ParseArgsConfig } from 'node:util'
import type { CliIo, ExitCode } from './io'

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>

/** One CLI command. `name` may be two words (`ble scan`). Every command also accepts --json and --help. */
export interface CliCommand {
  readonly name: string
  readonly summary: string
  /** Argument synopsis after the command name, e.g. `--site <file> --door <id>`. */
  readonly usage: string
  readonly options: OptionSpecs
  readonly positionals?: boolean
  /** Longer help: one line per option or example. */
  readonly details?: readonly string[]
  run(values: OptionValues, positionals: string[], io: CliIo): Promise<ExitCode | void>
}
