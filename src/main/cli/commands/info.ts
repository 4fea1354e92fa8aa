import type { CliCommand } from '../command'
import { openCliServices } from '../services'

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'What Lintel is running on: version, data folder, and which radios are simulated',
  usage: '',
  options: {},
  async run(_values, _positionals, io) {
    const services = await openCliServices({}, io)
    const info = services.info()
    const ble = services.hardware.bleStatus()
    const nfc = services.hardware.nfcStatus()
    if (io.json) return void io.out(JSON.stringify({ ...info, ble, nfc }))
    io.out(
      [
        `Lintel ${info.version} (${info.platform})`,
        `Data folder: ${info.userDataDir}`,
        `Site: ${services.site.summary().name}`,
        `BLE: ${ble.mode.toUpperCase()} — ${ble.advice}`,
        `NFC: ${nfc.mode.toUpperCase()} — ${nfc.advice}`
      ].join('\n')
    )
  }
}
