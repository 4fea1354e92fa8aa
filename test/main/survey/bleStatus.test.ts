import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BleStatus } from '../../../src/shared/domain/hardware'
import { eventChannel } from '../../../src/shared/contract'
import { openTestServices, type TestServices } from '../../helpers/services'

let t: TestServices
beforeAll(async () => {
  t = await openTestServices()
})
afterAll(() => t.dispose())

describe('the BLE status', () => {
  it('is the virtual RF site without an adapter, and follows a change to a UART dongle in settings', () => {
    expect(t.services.ble.status()).toMatchObject({ mode: 'simulated', adapter: 'virtual RF site' })
    const seen: BleStatus[] = []
    const stop = t.services.hub.subscribe(eventChannel('ble', 'status'), (s) => seen.push(s as BleStatus))
    t.services.updateSettings({ bleAdapter: { kind: 'uart', port: '/dev/ttyLINTEL-NONE', baudRate: 1_000_000 } })
    stop()
    expect(seen.at(-1)).toMatchObject({ mode: 'real', state: 'unknown', adapter: 'HCI UART dongle on /dev/ttyLINTEL-NONE' })
    expect(t.services.info().simulated.ble).toBe(false)
  })

  it('refuses to scan a dongle port that does not exist, saying what to do, and reports it in the status', async () => {
    await expect(t.services.ble.startScan()).rejects.toMatchObject({ code: 'ble_port_missing', message: expect.stringContaining('Plug in the dongle') })
    expect(t.services.ble.status().advice).toContain('/dev/ttyLINTEL-NONE does not exist')
    expect(t.services.ble.scanState()).toMatchObject({ scanning: false })
  })
})
