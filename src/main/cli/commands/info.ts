import type { CliCommand } from '../command'
import { ioLogger, withSite } from '../services'
import { radiosAtRest, systemProbe } from '../../services/hardwareService'
import { appInfo } from '../../services/siteSession'

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'What Lintel is running on: version, data folder, and which radios are simulated',
  usage: '',
  options: {},
  async run(_values, _positionals, io) {
    // The site and the radios at rest, as the app's services report them, without opening those services.
    const { info, ble, nfc, site } = await withSite({}, io, ({ options, site }) => {
      const { ble, nfc } = radiosAtRest(options.settings.read(), options.probe ?? systemProbe, ioLogger(io))
      const info = appInfo(options.runtime, options.userDataDir, { ble: ble.mode === 'simulated', nfc: nfc.mode === 'simulated' })
      return { info, ble, nfc, site: site.summary() }
    }, { lenient: true })
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
