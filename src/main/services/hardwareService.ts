import type { BleReader, BleStatus, NfcStatus } from '../../shared/domain/hardware'
import { bleAdapterPresent, pcscdRunning } from '../hardware/detect'
import type { BleService } from './bleService'
import type { NfcService } from './nfcService'
import type { SiteService } from './siteService'

/** Which radios are real and which are the embedded simulation, decided once at wiring time. */
export interface HardwareProbe {
  bleAdapter(): boolean
  pcscd(): boolean
}

export const systemProbe: HardwareProbe = { bleAdapter: () => bleAdapterPresent(), pcscd: () => pcscdRunning() }

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
