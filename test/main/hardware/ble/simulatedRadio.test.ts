import { describe, expect, it } from 'vitest'
import { AdvertSchema, type Advert } from '../../../../src/shared/domain/ble'
import { copyAdvert } from '../../../../src/main/hardware/ble/nobleRadio'
import { simulatedRadio } from '../../../../src/main/hardware/ble/radios'
import { VirtualRadioBindings } from '../../../../src/main/hardware/ble/virtualBindings'
import { virtualReaders } from '../../../../src/main/hardware/ble/virtualReaders'
import { virtualRfSite } from '../../../../src/main/hardware/ble/virtualSite'
import { nobleClass } from '../../../../src/main/hardware/ble/nobleModules'
import { loadSiteFile } from '../../../../src/main/services/siteService'
import { demoSitePath } from '../../../../src/main/paths'

const readers = virtualReaders(await loadSiteFile(demoSitePath()))

async function scan(radio: ReturnType<typeof simulatedRadio>, ms: number): Promise<Advert[]> {
  const adverts: Advert[] = []
  await radio.start({ state: () => undefined, advert: (a) => adverts.push(a) })
  await new Promise((resolve) => setTimeout(resolve, ms))
  await radio.stop()
  return adverts
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!

describe('the virtual RF site through noble’s real core', () => {
  it('hears every demo reader with its name, TX power, service and manufacturer data', async () => {
    const adverts = await scan(simulatedRadio(readers, { crowd: 4, seed: 3 }), 1500)
    for (const advert of adverts.slice(0, 50)) expect(AdvertSchema.parse(advert)).toEqual(advert)
    const front = adverts.find((a) => a.address === readers[0]!.address)
    expect(front).toMatchObject({ name: readers[0]!.name, txPower: readers[0]!.txPowerDbm, manufacturerData: 'FFFF4C5400' })
    expect(new Set(adverts.map((a) => a.address)).size).toBeGreaterThanOrEqual(readers.length)
  })

  it('is stronger at 0.5 m than at 3 m in front of a reader, and weaker again behind its wall', async () => {
    const radio = simulatedRadio(readers, { crowd: 0, seed: 5 })
    const address = readers[1]!.address
    const at = async (distance_m: number, side: 'in' | 'out') => {
      radio.surveyor!.standAt({ address, distance_m, side })
      return median((await scan(radio, 1500)).filter((a) => a.address === address).map((a) => a.rssi))
    }
    const near = await at(0.5, 'in')
    const far = await at(3, 'in')
    const behind = await at(0.5, 'out')
    expect(near - far).toBeGreaterThan(6)
    expect(near - behind).toBeGreaterThan(6)
  })

  it('advertises every interval plus 0–10 ms, heard once an event by a one-channel scanner', () => {
    let t = 0
    const site = virtualRfSite(readers.slice(0, 1), { crowd: 0 })
    const bindings = new VirtualRadioBindings(site, { seed: 2, now: () => t })
    const times: number[] = []
    bindings.on('discover', () => times.push(t))
    bindings.startScanning([], true)
    bindings.stop()
    bindings.surveyor.standAt({ address: readers[0]!.address, distance_m: 0.3, side: 'in' })
    for (t = 0; t <= 60_000; t += 5) bindings.deliver(t)
    const interval = readers[0]!.advIntervalMs
    const perSecond = times.length / 60
    expect(perSecond).toBeGreaterThan((1000 / (interval + 5)) * 0.85)
    expect(perSecond).toBeLessThan((1000 / (interval + 5)) * 1.02)
  })

  it('copies a report, so noble mutating its reused Peripheral later does not change it', () => {
    const peripheral = { id: 'aabbcc', address: 'aa:bb:cc:dd:ee:ff', rssi: -61, advertisement: { localName: 'Door', txPowerLevel: -4, serviceUuids: ['fd6f'], manufacturerData: Buffer.from([0xff, 0xff, 0x0a]) } }
    const advert = copyAdvert(peripheral as never, 1000)!
    peripheral.rssi = -90
    peripheral.advertisement.serviceUuids.push('feaa')
    peripheral.advertisement.manufacturerData[2] = 0x0b
    expect(advert).toEqual({ t: 1000, address: 'AA:BB:CC:DD:EE:FF', name: 'Door', rssi: -61, txPower: -4, serviceUuids: ['FD6F'], manufacturerData: 'FFFF0A' })
    expect(copyAdvert({ ...peripheral, rssi: 127 } as never, 1)).toBeNull()
  })

  it('loads noble’s core class lazily from lib/noble (the typed Noble export is undefined at runtime)', () => {
    expect(typeof nobleClass()).toBe('function')
  })
})

describe('an adapter outage during a scan', () => {
  it('reports the state and scans again once the adapter is back', async () => {
    const radio = simulatedRadio(readers, { crowd: 2, seed: 9 })
    const adverts: Advert[] = []
    const states: string[] = []
    await radio.start({ state: (s) => states.push(s), advert: (a) => adverts.push(a) })
    const bindings = radio.bindings()!
    bindings.emit('stateChange', 'poweredOff')
    bindings.stopScanning()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const during = adverts.length
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(adverts.length).toBe(during)
    bindings.emit('stateChange', 'poweredOn')
    await new Promise((resolve) => setTimeout(resolve, 600))
    await radio.stop()
    expect(states).toEqual(['poweredOn', 'poweredOff', 'poweredOn'])
    expect(adverts.length).toBeGreaterThan(during)
  })
})
