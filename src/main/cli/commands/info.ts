import type { CliCommand } from '../command'
import { withServices } from '../services'

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'What Lintel is running on: version, data folder, and which radios are simulated',
  usage: '',
  options: {},
  async run(_values, _positionals, io) {
    const { info, ble, nfc, site } = await withServices({}, io, (services) => ({
      info: services.info(),
      ble: services.hardware.bleStatus(),
      nfc: services.hardware.nfcStatus(),
      site: services.site.summary()
    }), { lenient: true })
    if (io.json) return void io.out(JSON.stringify({ ...info, ble, nfc }))
    io.out(
      [
        `Lintel ${info.version} (${info.platform})`,
        `Data folder: ${info.userDataDir}`,
        `Site: ${site.name} (${site.source === 'database' ? 'the app\'s database' : site.source})`,
        `BLE: ${ble.mode.toUpperCase()} — ${ble.advice}`,
        `NFC: ${nfc.mode.toUpperCase()} — ${nfc.advice}`
      ].join('\n')
    )
  }
}
