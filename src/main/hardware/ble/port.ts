import type { Advert } from '../../../shared/domain/ble'
import type { BleStatus } from '../../../shared/domain/hardware'
import type { Settings } from '../../../shared/domain/settings'
import type { Side } from '../../../shared/rf'
import { LintelError } from '../../../shared/contract/result'

export type BleAdapterSetting = Settings['bleAdapter']

/** noble's adapter states (BleStatus.state without 'simulated'). */
export type AdapterState = Exclude<BleStatus['state'], 'simulated'>

/** What a running scan reports: adapter state changes and every advertising report, already copied. */
export interface RadioListener {
  state(state: AdapterState): void
  advert(advert: Advert): void
}

/** A mark in front of (`in`) or behind (`out`) a reader. */
export interface SurveyorMark {
  address: string
  distance_m: number
  side: Side
}

/** Only the simulation has it: where the virtual surveyor stands. */
export interface SurveyorControl {
  /** Stand at a mark, swaying a few centimetres as a hand does; null walks the corridor again. */
  standAt(mark: SurveyorMark | null): void
}

/**
 * The BLE radio port: scans with duplicates allowed and reports every advertising report.
 * Adapters: noble with the platform's bindings or an HCI UART dongle, and noble driving the virtual RF site.
 */
export interface BleRadio {
  readonly simulated: boolean
  /** For people: "virtual RF site", "default adapter", "HCI UART dongle on /dev/ttyACM0". */
  readonly label: string
  /** Identifies the scanning device for calibration. */
  readonly deviceId: string
  /** Resolves once scanning; rejects with a BleError when the adapter is not usable. */
  start(listener: RadioListener): Promise<void>
  stop(): Promise<void>
  readonly surveyor?: SurveyorControl
}

/** Stable codes of BLE failures; each message says what to do. */
export const BleErrorCode = {
  unsupported: 'ble_unsupported',
  poweredOff: 'ble_powered_off',
  unauthorized: 'ble_unauthorized',
  timeout: 'ble_timeout',
  busy: 'ble_busy',
  portMissing: 'ble_port_missing',
  failed: 'ble_failed'
} as const
export type BleErrorCode = (typeof BleErrorCode)[keyof typeof BleErrorCode]

export class BleError extends LintelError {
  constructor(code: BleErrorCode, message: string) {
    super(code, message)
    this.name = 'BleError'
  }
}

/** What to tell the user about a state that stops a scan, or null when the state is fine. */
export function stateAdvice(state: AdapterState): { code: BleErrorCode; message: string } | null {
  switch (state) {
    case 'unsupported':
      return { code: BleErrorCode.unsupported, message: 'This Bluetooth adapter cannot scan for BLE (or none was found). Plug in a BLE dongle, choose it in Settings, or scan with --simulate.' }
    case 'unauthorized':
      return { code: BleErrorCode.unauthorized, message: 'Lintel may not use the Bluetooth adapter. On Linux run: sudo setcap cap_net_raw,cap_net_admin+eip $(readlink -f $(which node)); on macOS allow Bluetooth for Lintel in System Settings › Privacy.' }
    case 'poweredOff':
      return { code: BleErrorCode.poweredOff, message: 'Bluetooth is switched off. Turn it on (bluetoothctl power on, or the system menu) and scan again.' }
    default:
      return null
  }
}
