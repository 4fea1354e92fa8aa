import type { Noble, Peripheral } from '@stoprocent/noble'
import type { Advert } from '../../../shared/domain/ble'
import { bytesToHex } from '../../../shared/formats'
import { BleError, BleErrorCode, stateAdvice, type AdapterState, type BleRadio, type RadioListener, type SurveyorControl } from './port'

export interface NobleRadioOptions {
  simulated: boolean
  label: string
  deviceId: string
  /** How long to wait for 'poweredOn' (a UART dongle first reports poweredOff until it answers HCI_Reset). */
  poweredOnTimeoutMs?: number
  surveyor?: SurveyorControl
  now?: () => number
}

/** RSSI 127 in an HCI advertising report means "not available". */
const RSSI_UNAVAILABLE = 127

/**
 * The noble adapter: one Noble per scan, created only when a scan starts, scanning with duplicates
 * allowed. noble reuses and mutates one Peripheral per device, so each report is copied as it fires.
 */
export class NobleRadio implements BleRadio {
  readonly simulated: boolean
  readonly label: string
  readonly deviceId: string
  readonly surveyor?: SurveyorControl
  private noble: Noble | null = null

  constructor(
    private readonly createNoble: () => Noble,
    private readonly options: NobleRadioOptions
  ) {
    this.simulated = options.simulated
    this.label = options.label
    this.deviceId = options.deviceId
    if (options.surveyor) this.surveyor = options.surveyor
  }

  async start(listener: RadioListener): Promise<void> {
    if (this.noble) throw new BleError(BleErrorCode.busy, 'A scan is already running.')
    const noble = this.createNoble()
    this.noble = noble
    const now = this.options.now ?? Date.now
    noble.on('discover', (peripheral: Peripheral) => {
      const advert = copyAdvert(peripheral, now())
      if (advert) listener.advert(advert)
    })
    noble.on('stateChange', (state: AdapterState) => listener.state(state))
    try {
      await poweredOn(noble, this.options.poweredOnTimeoutMs ?? 8000)
      await noble.startScanningAsync([], true)
      resumeAfterOutage(noble)
    } catch (error) {
      await this.stop()
      throw error instanceof BleError ? error : new BleError(BleErrorCode.failed, `The scan could not start: ${(error as Error).message}`)
    }
  }

  async stop(): Promise<void> {
    const noble = this.noble
    if (!noble) return
    this.noble = null
    noble.removeAllListeners('discover')
    noble.removeAllListeners('stateChange')
    if (noble.state === 'poweredOn') await withTimeout(noble.stopScanningAsync(), 2000).catch(() => undefined)
    noble.stop()
  }
}

/** When the adapter comes back (dongle replugged, Bluetooth switched on again), scanning starts again. */
function resumeAfterOutage(noble: Noble): void {
  let lost = false
  noble.on('stateChange', (state: AdapterState) => {
    if (state !== 'poweredOn') lost = true
    else if (lost) {
      lost = false
      noble.startScanningAsync([], true).catch(() => undefined)
    }
  })
}

/** Copies what a report carries now; null for a report without RSSI. */
export function copyAdvert(peripheral: Peripheral, t: number): Advert | null {
  const rssi = peripheral.rssi
  if (typeof rssi !== 'number' || rssi === RSSI_UNAVAILABLE || rssi < -127) return null
  const ad = peripheral.advertisement ?? {}
  const data = ad.manufacturerData
  return {
    t,
    address: formatAddress(peripheral.address, peripheral.id),
    name: typeof ad.localName === 'string' && ad.localName !== '' ? ad.localName : null,
    rssi: Math.round(Math.min(20, rssi)),
    txPower: typeof ad.txPowerLevel === 'number' ? ad.txPowerLevel : null,
    serviceUuids: Array.isArray(ad.serviceUuids) ? ad.serviceUuids.map((u) => u.toUpperCase()) : [],
    manufacturerData: data && data.length > 0 ? bytesToHex(data) : null
  }
}

/** `AA:BB:CC:DD:EE:FF`; macOS hides addresses, so its peripheral id stands in. */
export function formatAddress(address: string | undefined, id: string): string {
  if (address && address !== 'unknown' && address !== '') return address.toUpperCase()
  return id.toUpperCase()
}

function poweredOn(noble: Noble, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let last: AdapterState = 'unknown'
    const finish = (error?: BleError): void => {
      clearTimeout(timer)
      noble.removeListener('stateChange', onState)
      if (error) reject(error)
      else resolve()
    }
    const onState = (state: AdapterState): void => {
      last = state
      if (state === 'poweredOn') return finish()
      // A UART dongle reports poweredOff until it has answered HCI_Reset: only final states stop the wait.
      const advice = state === 'poweredOff' ? null : stateAdvice(state)
      if (advice) finish(new BleError(advice.code, advice.message))
    }
    const timer = setTimeout(() => {
      const advice = stateAdvice(last)
      finish(new BleError(advice?.code ?? BleErrorCode.timeout, advice?.message ?? `The Bluetooth adapter did not become ready within ${Math.round(timeoutMs / 1000)} s (state: ${last}). Check the adapter or dongle and scan again.`))
    }, timeoutMs)
    noble.on('stateChange', onState)
    if (noble.state === 'poweredOn') finish()
  })
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms)
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error))))
    )
  })
}
