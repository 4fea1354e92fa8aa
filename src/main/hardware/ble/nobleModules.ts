import type { EventEmitter } from 'node:events'
import { createRequire } from 'node:module'
import type { Noble } from '@stoprocent/noble'
import type { BleAdapterSetting } from './port'

/**
 * The bindings interface noble's core drives (lib/noble.js): it calls these and listens for
 * 'stateChange', 'addressChange', 'scanStart', 'scanStop' and
 * 'discover' (uuid, address, addressType, connectable, advertisement, rssi, scannable).
 */
export interface NobleBindings extends EventEmitter {
  start(): void
  stop(): void
  startScanning(serviceUuids: string[] | undefined, allowDuplicates: boolean): void
  stopScanning(): void
}

type BindingsClass = new (options: object) => NobleBindings & { onStateChange?: (state: string) => void }
type NobleClass = new (bindings: NobleBindings) => Noble

const load = createRequire(import.meta.url)

/**
 * noble's core class. The package's typed `Noble` export is undefined at runtime, and its index
 * creates default bindings on import, so Lintel loads lib/noble directly and only when a scan starts.
 */
export function nobleClass(): NobleClass {
  return load('@stoprocent/noble/lib/noble') as NobleClass
}

/** The platform's bindings, or HCI over a UART dongle, as `withBindings` would choose them. */
export function platformBindings(adapter: BleAdapterSetting, platform = process.platform): NobleBindings {
  if (adapter.kind === 'uart') {
    const Hci = load('@stoprocent/noble/lib/hci-socket/bindings') as BindingsClass
    const uart = { port: adapter.port, baudRate: adapter.baudRate }
    return quietStateWarnings(new Hci({ hciDriver: 'uart', bindParams: { uart } }))
  }
  if (platform === 'darwin') return new (load('@stoprocent/noble/lib/mac/bindings') as BindingsClass)({})
  if (platform === 'win32') return new (load('@stoprocent/noble/lib/win/bindings') as BindingsClass)({})
  return quietStateWarnings(new (load('@stoprocent/noble/lib/hci-socket/bindings') as BindingsClass)({}))
}

const NOBLE_STATE_LINES = /^(noble warning:| {10,})/

/**
 * The HCI bindings print a 3-line console.log for 'unsupported' and 'unauthorized' — on stdout,
 * where the CLI writes results. Lintel reports those states itself, so the lines are dropped.
 */
function quietStateWarnings(bindings: NobleBindings & { onStateChange?: (state: string) => void }): NobleBindings {
  const original = bindings.onStateChange
  if (typeof original !== 'function') return bindings
  bindings.onStateChange = (state: string) => {
    const log = console.log
    console.log = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && NOBLE_STATE_LINES.test(args[0]))) log(...args)
    }
    try {
      original.call(bindings, state)
    } finally {
      console.log = log
    }
  }
  return bindings
}
