import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/logger'
import { createServices } from '../../../src/main/services'
import { radiosAtRest, type HardwareProbe } from '../../../src/main/services/hardwareService'
import { nodeSettingsStore } from '../../../src/main/settings/settingsStore'
import { pcscLibraryInstalled } from '../../../src/main/hardware/nfc'

// `lintel info` reports the radios at rest without opening the services: it must say exactly what
// the services say before anything starts, for every machine it can meet.
describe('radiosAtRest', () => {
  const probes: [string, HardwareProbe][] = [
    ['no adapter, no pcscd', { bleAdapter: () => false, pcscd: () => false }],
    ['an adapter, no pcscd', { bleAdapter: () => true, pcscd: () => false }],
    ['no adapter, pcscd running', { bleAdapter: () => false, pcscd: () => true }],
    ['an adapter and pcscd', { bleAdapter: () => true, pcscd: () => true }]
  ]

  for (const [name, probe] of probes) {
    it(`matches the services' status: ${name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lintel-radios-'))
      try {
        const settings = await nodeSettingsStore(dir, silentLogger)
        const services = await createServices({ runtime: 'test', userDataDir: dir, settings, log: silentLogger, probe })
        try {
          const atRest = radiosAtRest(settings.read(), probe, silentLogger)
          expect(atRest).toEqual({ ble: services.hardware.bleStatus(), nfc: services.hardware.nfcStatus() })
          expect(atRest.ble.mode).toBe(probe.bleAdapter() ? 'real' : 'simulated')
          expect(atRest.nfc.mode).toBe(probe.pcscd() && pcscLibraryInstalled() ? 'real' : 'simulated')
          // A UART dongle chosen in Settings is real whatever the probe says.
          services.updateSettings({ bleAdapter: { kind: 'uart', port: '/dev/ttyUSB0', baudRate: 1_000_000 } })
          expect(radiosAtRest(settings.read(), probe, silentLogger).ble).toEqual(services.hardware.bleStatus())
          expect(services.hardware.bleStatus()).toMatchObject({ mode: 'real', adapter: 'HCI UART dongle on /dev/ttyUSB0' })
        } finally {
          await services.close()
        }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  }
})
