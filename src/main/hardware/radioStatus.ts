import type { BleStatus, NfcStatus } from '../../shared/domain/hardware'
import type { Settings } from '../../shared/domain/settings'
import type { Id } from '../../shared/domain/site'
import type { AdapterState } from './ble/port'
import type { NfcReaders } from './nfc/port'

/**
 * What the radios' status says, in one place: BleService and NfcService report through these, and
 * `lintel info` reports the radios at rest through them without starting either service.
 */

/** The virtual RF site stands in when the default adapter is chosen and none is present. */
export const bleSimulatedAtRest = (adapter: Settings['bleAdapter'], adapterPresent: boolean): boolean => adapter.kind === 'default' && !adapterPresent

/** The BLE radio's status: the simulation, or a real adapter in `state` (with the last problem, if any). */
export function bleStatusOf(adapter: Settings['bleAdapter'], simulated: boolean, state: AdapterState | 'simulated' = 'unknown', problem: string | null = null): BleStatus {
  if (simulated) {
    return { mode: 'simulated', state: 'simulated', adapter: 'virtual RF site', advice: 'No Bluetooth adapter was found, so readings come from the simulated demo site. Plug in a BLE dongle (or choose one in Settings) for real readings.' }
  }
  const name = adapter.kind === 'uart' ? `HCI UART dongle on ${adapter.port}` : 'default Bluetooth adapter'
  const real = state === 'simulated' ? 'unknown' : state
  const advice = problem ?? (real === 'poweredOn' ? 'Scanning works: readings are real.' : 'The adapter is read when a scan starts.')
  return { mode: 'real', state: real, adapter: name, advice }
}

/** The NFC readers' status, with advice for the state they are in. */
export function nfcStatusOf(readers: Pick<NfcReaders, 'mode' | 'state' | 'readers'>, pcscdRunning: boolean, doorId: Id | null): NfcStatus {
  const { state, detail } = readers.state()
  const pcscd = state !== 'pcscd_down' && pcscdRunning ? 'running' : 'absent'
  const present = readers.readers()
  return { mode: readers.mode, pcscd, state, readers: present, doorId, advice: nfcAdvice(readers.mode, state, detail, pcscd, present.length) }
}

function nfcAdvice(mode: NfcReaders['mode'], state: NfcStatus['state'], detail: string, pcscd: NfcStatus['pcscd'], readerCount: number): string {
  if (mode === 'simulated') {
    return pcscd === 'running'
      ? 'The PC/SC service is running but nfc-pcsc is not installed (npm installs it when libpcsclite-dev is present), so the simulated reader is used.'
      : 'No PC/SC service was found, so the simulated reader is used. Install pcscd (sudo apt-get install pcscd) and plug in a USB NFC reader.'
  }
  if (state === 'idle') return 'The PC/SC service is running; readers open when reading starts (the Verify page, or lintel nfc read).'
  if (state === 'ready' && readerCount === 0) return 'No reader found: plug in a USB NFC reader.'
  return detail
}
