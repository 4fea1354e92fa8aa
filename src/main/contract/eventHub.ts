import { eventChannel, type ContractSpec, type EventPayload, type Unsubscribe } from '../../shared/contract/define'
import type { Logger } from '../logger'

type Listener = (payload: unknown) => void
type AnyListener = (channel: string, payload: unknown) => void

/** Validated event streams of the contract, fanned out to whichever transports are attached. */
export class EventHub<C extends ContractSpec> {
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly forwarders = new Set<AnyListener>()

  constructor(
    private readonly contract: C,
    private readonly log: Logger
  ) {}

  emit<Cap extends keyof C & string, E extends keyof C[Cap]['events'] & string>(
    capability: Cap,
    name: E,
    payload: EventPayload<C, Cap, E>
  ): void {
    const schema = this.contract[capability]?.events[name]
    const parsed = schema?.safeParse(payload)
    if (!parsed?.success) {
      this.log.error(`event ${capability}.${name} dropped: payload does not match the contract`)
      return
    }
    const channel = eventChannel(capability, name)
    for (const listener of this.listeners.get(channel) ?? []) listener(parsed.data)
    for (const forward of this.forwarders) forward(channel, parsed.data)
  }

  subscribe(channel: string, listener: Listener): Unsubscribe {
    let set = this.listeners.get(channel)
    if (!set) this.listeners.set(channel, (set = new Set()))
    set.add(listener)
    return () => void set.delete(listener)
  }

  /** Every event on every channel: how the Electron window and WebSocket clients are fed. */
  forwardAll(listener: AnyListener): Unsubscribe {
    this.forwarders.add(listener)
    return () => void this.forwarders.delete(listener)
  }
}
