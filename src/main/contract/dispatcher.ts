import {
  commandChannel,
  describeZodError,
  ErrorCode,
  fail,
  LintelError,
  ok,
  type ContractSpec,
  type Handlers,
  type Result
} from '../../shared/contract'
import type { Logger } from '../logger'

/** Routes a channel and raw input to its handler; every outcome is a Result, never a throw. */
export interface Dispatcher {
  readonly channels: ReadonlySet<string>
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
}

interface Route {
  validateInput(input: unknown): Result<unknown>
  validateOutput(output: unknown): Result<unknown>
  handle(input: unknown): unknown
}

export function createDispatcher<C extends ContractSpec>(contract: C, handlers: Handlers<C>, log: Logger): Dispatcher {
  const routes = new Map<string, Route>()
  for (const [capability, spec] of Object.entries(contract)) {
    const group = (handlers as Record<string, Record<string, (input: unknown) => unknown>>)[capability] ?? {}
    for (const [name, cmd] of Object.entries(spec.commands)) {
      const handle = group[name]
      if (!handle) throw new Error(`no handler for ${capability}.${name}`)
      routes.set(commandChannel(capability, name), {
        validateInput: (input) => {
          const parsed = cmd.input.safeParse(input)
          return parsed.success ? ok(parsed.data) : fail(ErrorCode.badRequest, describeZodError(parsed.error, 'input'))
        },
        validateOutput: (output) => {
          const parsed = cmd.output.safeParse(output)
          return parsed.success ? ok(parsed.data) : fail(ErrorCode.internal, `response ${describeZodError(parsed.error)}`)
        },
        handle
      })
    }
  }
  return {
    channels: new Set(routes.keys()),
    async invoke(channel, input) {
      const route = typeof channel === 'string' ? routes.get(channel) : undefined
      if (!route) return fail(ErrorCode.unknownChannel, `There is no command called ${String(channel).slice(0, 80)}.`)
      const checked = route.validateInput(input)
      if (!checked.ok) return checked
      try {
        const result = route.validateOutput(await route.handle(checked.value))
        if (!result.ok) log.error(`${channel}: ${result.error.message}`)
        return result
      } catch (error) {
        return toFailure(channel, error, log)
      }
    }
  }
}

function toFailure(channel: string, error: unknown, log: Logger): Result<never> {
  if (error instanceof LintelError) return fail(error.code, error.message, error.fields)
  log.error(`${channel} failed`, error)
  return fail(ErrorCode.internal, 'Something went wrong inside Lintel; the log has the details.')
}
