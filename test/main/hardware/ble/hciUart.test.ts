import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AdvertSchema, type Advert } from '../../../../src/shared/domain/ble'
import { adapterRadio } from '../../../../src/main/hardware/ble/radios'
import type { AdapterState } from '../../../../src/main/hardware/ble/port'
import { openPtyPair, type PtyPair } from '../../../fixtures/hci/ptyPair'
import { adStructures, VirtualHciController } from '../../../fixtures/hci/virtualController'

const DOOR = {
  address: 'D4:36:39:0A:0B:0C',
  random: true,
  eventType: 0x03,
  data: adStructures([
    [0x01, Buffer.from([0x06])],
    [0x09, Buffer.from('Door 7')],
    [0x0a, Buffer.from([0xf8])],
    [0x03, Buffer.from([0x6f, 0xfd])],
    [0xff, Buffer.from([0xff, 0xff, 0x01, 0x02, 0xab])]
  ]),
  rssi: [-50, -61, -72]
}
const PHONE = { address: '5E:11:22:33:44:55', random: true, eventType: 0x00, data: adStructures([[0xff, Buffer.from([0x4c, 0x00, 0x10, 0x05])]]), rssi: [-80] }

let pty: PtyPair
let controller: VirtualHciController

beforeAll(async () => {
  pty = await openPtyPair()
  controller = new VirtualHciController(pty.controller, [DOOR, PHONE], 20)
})

afterAll(async () => {
  controller?.close()
  await pty?.stop()
})

describe('noble over HCI UART (a virtual controller on a socat pty pair)', () => {
  it('initialises the controller, scans with duplicates and copies every advertising report', async () => {
    const radio = adapterRadio({ kind: 'uart', port: pty.host, baudRate: 1_000_000 })
    const adverts: Advert[] = []
    const states: AdapterState[] = []
    await radio.start({ state: (s) => states.push(s), advert: (a) => adverts.push(a) })
    await waitUntil(() => adverts.filter((a) => a.address === DOOR.address).length >= 30, 5000)
    await radio.stop()

    expect(states).toContain('poweredOn')
    expect(controller.commands).toEqual(expect.arrayContaining([0x0c03, 0x1001, 0x1009, 0x200b, 0x200c]))
    const door = adverts.filter((a) => a.address === DOOR.address)
    for (const advert of door) expect(AdvertSchema.parse(advert)).toEqual(advert)
    expect(door[0]).toMatchObject({ name: 'Door 7', txPower: -8, serviceUuids: ['FD6F'], manufacturerData: 'FFFF0102AB' })
    // Duplicates allowed and each report copied: the RSSI sequence survives noble's reused Peripheral.
    expect(new Set(door.map((a) => a.rssi))).toEqual(new Set([-50, -61, -72]))
    expect(door.length).toBeGreaterThanOrEqual(30)
    expect(controller.scanEnabled).toBe(false)
  })

  it('reports a connectable phone after its second report (noble waits for a scan response)', async () => {
    const radio = adapterRadio({ kind: 'uart', port: pty.host, baudRate: 1_000_000 })
    const adverts: Advert[] = []
    await radio.start({ state: () => undefined, advert: (a) => adverts.push(a) })
    await waitUntil(() => adverts.some((a) => a.address === PHONE.address), 5000)
    await radio.stop()
    const phone = adverts.find((a) => a.address === PHONE.address)
    expect(phone).toMatchObject({ rssi: -80, name: null, manufacturerData: '4C001005', txPower: null })
  })

  it('says the adapter is off, and what to do, when nothing answers HCI_Reset on the port', async () => {
    const silent = await openPtyPair()
    try {
      const radio = adapterRadio({ kind: 'uart', port: silent.host, baudRate: 1_000_000 }, { poweredOnTimeoutMs: 1500 })
      await expect(radio.start({ state: () => undefined, advert: () => undefined })).rejects.toMatchObject({ code: 'ble_powered_off', message: expect.stringContaining('Bluetooth is switched off') })
    } finally {
      await silent.stop()
    }
  })
})

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for adverts')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
