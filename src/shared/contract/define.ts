import type { z } from 'zod'
import type { Result } from './result'

/** A request/response pair. Both sides are validated: input in main, output before it leaves main. */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
  readonly summary: string
}

/** One capability: its commands and its event streams (payload schemas). */
export interface CapabilitySpec {
  readonly commands: Readonly<Record<string, CommandSpec>>
  readonly events: Readonly<Record<string, z.ZodType>>
}

export type ContractSpec = Readonly<Record<string, CapabilitySpec>>

export const command = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O
): CommandSpec<I, O> => ({ summary, input, output })

/** Channel names are derived here and nowhere else. */
export const commandChannel = (capability: string, name: string): string => `lintel:${capability}.${name}`
export const eventChannel = (capability: string, name: string): string => `lintel:${capability}.on.${name}`

export type Unsubscribe = () => void

type CommandFn<S> = S extends CommandSpec<infer I, infer O>
  ? (input: z.input<I>) => Promise<Result<z.output<O>>>
  : never

type EventFns<E> = { readonly [K in keyof E]: E[K] extends z.ZodType ? (listener: (payload: z.output<E[K]>) => void) => Unsubscribe : never }

/** The client API derived from a contract: `api.cap.command(input)` and `api.cap.on.event(listener)`. */
export type ClientApi<C extends ContractSpec> = {
  readonly [Cap in keyof C]: { readonly [K in keyof C[Cap]['commands']]: CommandFn<C[Cap]['commands'][K]> } & {
    readonly on: EventFns<C[Cap]['events']>
  }
}

/** What main implements: one async function per command, taking validated input. */
export type Handlers<C extends ContractSpec> = {
  readonly [Cap in keyof C]: {
    readonly [K in keyof C[Cap]['commands']]: C[Cap]['commands'][K] extends CommandSpec<infer I, infer O>
      ? (input: z.output<I>) => Promise<z.input<O>> | z.input<O>
      : never
  }
}

export type EventPayload<C extends ContractSpec, Cap extends keyof C, E extends keyof C[Cap]['events']> = z.input<
  C[Cap]['events'][E] extends z.ZodType ? C[Cap]['events'][E] : never
>

/** The two primitives every transport provides. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  subscribe(channel: string, listener: (payload: unknown) => void): Unsubscribe
}

/** Every command and event of a contract with its derived channel name. */
export function channelsOf(contract: ContractSpec): { commands: { capability: string; name: string; channel: string }[]; events: { capability: string; name: string; channel: string }[] } {
  const commands = []
  const events = []
  for (const [capability, spec] of Object.entries(contract)) {
    for (const name of Object.keys(spec.commands)) commands.push({ capability, name, channel: commandChannel(capability, name) })
    for (const name of Object.keys(spec.events)) events.push({ capability, name, channel: eventChannel(capability, name) })
  }
  return { commands, events }
}

/** Builds the client API over any transport (Electron preload, WebSocket, in-process). */
export function createClient<C extends ContractSpec>(contract: C, transport: Transport): ClientApi<C> {
  const api: Record<string, Record<string, unknown>> = {}
  for (const [capability, spec] of Object.entries(contract)) {
    const group: Record<string, unknown> = {}
    for (const name of Object.keys(spec.commands)) {
      const channel = commandChannel(capability, name)
      group[name] = (input: unknown) => transport.invoke(channel, input ?? {})
    }
    const on: Record<string, unknown> = {}
    for (const name of Object.keys(spec.events)) {
      const channel = eventChannel(capability, name)
      on[name] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener)
    }
    group.on = Object.freeze(on)
    api[capability] = Object.freeze(group)
  }
  return Object.freeze(api) as unknown as ClientApi<C>
}
