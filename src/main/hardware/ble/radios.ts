import { existsSync } from 'node:fs'
import type { BleReader } from '../../../shared/domain/hardware'
import { nobleClass, platformBindings, type NobleBindings } from './nobleModules'
import { NobleRadio } from './nobleRadio'
import { BleError, BleErrorCode, type BleAdapterSetting, type BleRadio, type SurveyorMark } from './port'
import { VirtualRadioBindings, type VirtualBindingsOptions } from './virtualBindings'
import { virtualRfSite, type VirtualSiteOptions } from './virtualSite'

/** The real radio: noble with the platform's bindings, or HCI over the UART dongle chosen in Settings. */
export function adapterRadio(adapter: BleAdapterSetting, options: { poweredOnTimeoutMs?: number } = {}): BleRadio {
  const uart = adapter.kind === 'uart'
  return new NobleRadio(() => {
    if (uart && process.platform !== 'win32' && !existsSync(adapter.port)) {
      throw new BleError(BleErrorCode.portMissing, `The serial port ${adapter.port} does not exist. Plug in the dongle, or correct the port in Settings › BLE adapter.`)
    }
    return new (nobleClass())(platformBindings(adapter))
  }, {
    simulated: false,
    label: uart ? `HCI UART dongle on ${adapter.port}` : 'default Bluetooth adapter',
    deviceId: uart ? `uart:${adapter.port}` : 'default',
    // A dongle answers HCI_Reset only after the serial port opens; give it time.
    poweredOnTimeoutMs: options.poweredOnTimeoutMs ?? (uart ? 10_000 : 8_000)
  })
}

export type SimulatedRadioOptions = VirtualSiteOptions & VirtualBindingsOptions

/** The embedded demo: noble's real core driving the virtual RF site through its bindings interface. */
export function simulatedRadio(readers: readonly BleReader[], options: SimulatedRadioOptions = {}): BleRadio & { bindings(): VirtualRadioBindings | null } {
  const site = virtualRfSite(readers, options)
  let current: VirtualRadioBindings | null = null
  let mark: SurveyorMark | null = null
  const surveyor = {
    standAt(next: SurveyorMark | null) {
      mark = next
      current?.surveyor.standAt(next)
    }
  }
  const radio = new NobleRadio(
    () => {
      current = new VirtualRadioBindings(site, options)
      current.surveyor.standAt(mark)
      return new (nobleClass())(current as NobleBindings)
    },
    { simulated: true, label: 'virtual RF site', deviceId: 'simulated', surveyor, poweredOnTimeoutMs: 2000 }
  )
  return Object.assign(radio, { bindings: () => current })
}
