import { parseArgs } from 'node:util'
import { LintelError } from '../../shared/contract/result'
import type { CliCommand } from './command'
import { commandLoaders, loadCommands } from './commands'
import { ExitCode, INPUT_ERROR_CODES, processIo, UsageError, type CliIo } from './io'

/**
 * Runs one CLI invocation and returns its exit code (0 done, 1 failed, 2 bad usage or input).
 * `startedAt` is when the command started (the process's start, for the real CLI; default now).
 */
export async function runCli(argv: string[], makeIo: (json: boolean) => CliIo = processIo, startedAt = Date.now()): Promise<ExitCode> {
  const json = argv.includes('--json')
  const io: CliIo = { ...makeIo(json), startedAt }
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(generalHelp(await loadCommands()))
    return ExitCode.ok
  }
  const found = await findCommand(argv)
  if (!found) return report(io, new UsageError(`unknown command "${argv[0]}"; run lintel --help`), 'lintel')
  const { command, rest } = found
  try {
    const parsed = parseArgs({
      args: negativeValues(rest, command.options),
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.positionals ?? false,
      strict: true
    })
    if (parsed.values.help) {
      io.out(commandHelp(command))
      return ExitCode.ok
    }
    return (await command.run(parsed.values, parsed.positionals, io)) ?? ExitCode.ok
  } catch (error) {
    return report(io, asCliError(error), `lintel ${command.name}`)
  }
}

/** `--threshold -70`: parseArgs would call a value starting with a dash ambiguous, so a negative number is joined to its option. */
function negativeValues(args: string[], options: CliCommand['options']): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const next = args[i + 1]
    const name = arg.startsWith('--') ? arg.slice(2) : undefined
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d+(\.\d+)?$/.test(next)) {
      out.push(`${arg}=${next}`)
      i++
    } else out.push(arg)
  }
  return out
}

/** The command named by the first two words or the first word, loaded; only its own code is loaded. */
async function findCommand(argv: string[]): Promise<{ command: CliCommand; rest: string[] } | undefined> {
  const two = `${argv[0]} ${argv[1] ?? ''}`
  const byTwo = commandLoaders.find(([name]) => name === two)
  if (byTwo) return { command: await byTwo[1](), rest: argv.slice(2) }
  const byOne = commandLoaders.find(([name]) => name === argv[0])
  return byOne ? { command: await byOne[1](), rest: argv.slice(1) } : undefined
}

function asCliError(error: unknown): LintelError {
  if (error instanceof LintelError) return error
  const code = (error as { code?: unknown })?.code
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return new UsageError((error as Error).message)
  return new LintelError('internal', error instanceof Error ? error.message : String(error))
}

function report(io: CliIo, error: LintelError, prefix: string): ExitCode {
  const exit = INPUT_ERROR_CODES.has(error.code) ? ExitCode.usage : ExitCode.failed
  io.err(`${prefix}: ${error.message.split('\n')[0]}`)
  if (io.json) io.out(JSON.stringify({ ok: false, error: { code: error.code, message: error.message } }))
  return exit
}

function generalHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'lintel — commission and diagnose mobile access credentials (BLE and NFC)',
    '',
    'Usage: lintel <command> [options] [--json]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --json (machine-readable output on stdout) and --help.',
    'Exit codes: 0 done (whatever the verdict), 1 the operation failed, 2 bad usage or bad input.'
  ].join('\n')
}

function commandHelp(command: CliCommand): string {
  return [`Usage: lintel ${command.name} ${command.usage} [--json]`, '', command.summary, ...(command.details ?? []).map((d) => `  ${d}`)].join('\n')
}
