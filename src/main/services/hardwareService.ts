import type { BleReader, BleStatus, NfcStatus } from '../../shared/domain/hardware'
import type { Settings } from '../../shared/domain/settings'
import { bleAdapterPresent, pcscdRunning } from '../hardware/detect'
import { openNfcReaders, pcscLibraryInstalled, type NfcReaders } from '../hardware/nfc'
import { bleSimulatedAtRest, bleStatusOf, nfcStatusOf } from '../hardware/radioStatus'
import type { Logger } from '../logger'
import type { BleService } from './bleService'
import type { NfcService } from './nfcService'
import type { SiteService } from './siteService'

/** Which radios are real and which are the embedded simulation, decided once at wiring time. */
export interface HardwareProbe {
  bleAdapter(): boolean
  pcscd(): boolean
}

export const systemProbe: HardwareProbe = { bleAdapter: () => bleAdapterPresent(), pcscd: () => pcscdRunning() }

/** The NFC readers for this machine, chosen once: PC/SC when pcscd runs and nfc-pcsc is installed, else the simulation. */
export function nfcReadersFor(probe: HardwareProbe, log: Logger, nfc: { socket?: string; readTimeoutMs?: number } = {}): NfcReaders {
  return openNfcReaders({ real: probe.pcscd() && pcscLibraryInstalled(), log, ...nfc })
}

/**
 * Both radios' status at rest (not scanning, not reading), as the services would report it before
 * anything starts: what `lintel info` prints, without opening the services.
 */
export function radiosAtRest(settings: Settings, probe: HardwareProbe, log: Logger): { ble: BleStatus; nfc: NfcStatus } {
  const ble = bleStatusOf(settings.bleAdapter, bleSimulatedAtRest(settings.bleAdapter, probe.bleAdapter()))
  return { ble, nfc: nfcStatusOf(nfcReadersFor(probe, log), probe.pcscd(), null) }
}

export class HardwareService {
  constructor(
    private readonly site: Pick<SiteService, 'snapshot'>,
    private readonly probe: HardwareProbe,
    private readonly nfc: Pick<NfcService, 'status'>,
    private readonly ble: Pick<BleService, 'status' | 'readers'>
  ) {}

  /** The BLE radio as BleService reports it: a real adapter or the virtual RF site. */
  bleStatus(): BleStatus {
    return this.ble.status()
  }

  bleReaders(): BleReader[] {
    return this.ble.readers()
  }

  /** The NFC readers as NfcService reports them: real PC/SC or the simulated reader. */
  nfcStatus(): NfcStatus {
    return this.nfc.status()
  }

  simulated(): { ble: boolean; nfc: boolean } {
    return { ble: this.bleStatus().mode === 'simulated', nfc: this.nfcStatus().mode === 'simulated' }
  }
}
