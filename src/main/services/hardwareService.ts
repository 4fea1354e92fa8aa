import type { BleReader, BleStatus, NfcStatus } from '../../shared/domain/hardware'
import { bleAdapterPresent, pcscdRunning } from '../hardware/detect'
import { virtualReaders } from '../hardware/ble/virtualReaders'
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
    private readonly probe: HardwareProbe = systemProbe
  ) {}

  bleStatus(): BleStatus {
    if (this.probe.bleAdapter()) {
      return {
        mode: 'real',
        state: 'unknown',
        adapter: 'default',
        advice: 'A Bluetooth adapter is present; its state is read when a scan starts.'
      }
    }
    return {
      mode: 'simulated',
      state: 'simulated',
      adapter: 'virtual RF site',
      advice: 'No Bluetooth adapter was found, so readings come from the simulated demo site. Plug in a BLE dongle for real readings.'
    }
  }

  bleReaders(): BleReader[] {
    return virtualReaders(this.site.snapshot())
  }

  nfcStatus(): NfcStatus {
    const pcscd = this.probe.pcscd()
    return {
      mode: 'simulated',
      pcscd: pcscd ? 'running' : 'absent',
      readers: [{ name: 'Lintel Virtual Reader (simulated)', simulated: true, cardPresent: false }],
      advice: pcscd
        ? 'The PC/SC service is running; plugged-in readers are listed once NFC verification is enabled.'
        : 'No PC/SC service was found, so the simulated reader is used. Install pcscd (sudo apt-get install pcscd) and plug in a USB NFC reader.'
    }
  }

  simulated(): { ble: boolean; nfc: boolean } {
    return { ble: this.bleStatus().mode === 'simulated', nfc: this.nfcStatus().mode === 'simulated' }
  }
}
