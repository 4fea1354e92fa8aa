import { describe, expect, it } from 'vitest'
import { SCAN_LIMITS, type Advert } from '../../../src/shared/domain/ble'
import { AdvertiserTable, RssiRing } from '../../../src/main/survey/advertiserTable'
import { readerDirectory } from '../../../src/main/survey/readerDirectory'
import { VIRTUAL_READER_SERVICE } from '../../../src/main/hardware/ble/virtualSite'

const advert = (address: string, rssi: number, t: number, extra: Partial<Advert> = {}): Advert => ({ t, address, name: null, rssi, txPower: null, serviceUuids: [], manufacturerData: null, ...extra })
const noReaders = readerDirectory([])

describe('RssiRing', () => {
  it('keeps only the latest values, oldest first', () => {
    const ring = new RssiRing(4)
    for (const v of [-50, -51, -52, -53, -54, -55]) ring.push(v)
    expect(ring.toArray()).toEqual([-52, -53, -54, -55])
    expect(ring.size).toBe(4)
  })
})

describe('AdvertiserTable', () => {
  it('bounds memory: at most the configured advertisers, evicting the stalest', () => {
    const table = new AdvertiserTable(noReaders, { advertisers: 100 })
    for (let i = 0; i < 1000; i++) table.record(advert(`AA:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`, -60, i))
    expect(table.size).toBeLessThanOrEqual(100)
    expect(table.rows(1000).every((r) => r.lastSeen > 800)).toBe(true)
  })

  it('caps each row’s history at SCAN_LIMITS.history and the rows at SCAN_LIMITS.rows', () => {
    const table = new AdvertiserTable(noReaders)
    for (let i = 0; i < 500; i++) for (let k = 0; k < 3; k++) table.record(advert(`B${i}`, -40 - (i % 60), i))
    for (let k = 0; k < 100; k++) table.record(advert('B1', -41, 600 + k))
    const rows = table.rows(700)
    expect(rows.length).toBe(SCAN_LIMITS.rows)
    expect(rows.find((r) => r.address === 'B1')?.history.length).toBe(SCAN_LIMITS.history)
    expect(rows.find((r) => r.address === 'B1')?.count).toBe(103)
  })

  it('lists known readers first, then by recent RSSI, and leaves out advertisers unseen for 30 s', () => {
    const table = new AdvertiserTable(noReaders)
    table.record(advert('PHONE', -40, 1000))
    table.record(advert('READER', -80, 1000, { serviceUuids: [VIRTUAL_READER_SERVICE] }))
    table.record(advert('WEAK', -90, 1000))
    table.record(advert('GONE', -30, 0))
    expect(table.rows(30_500).map((r) => r.address)).toEqual(['READER', 'PHONE', 'WEAK'])
    expect(table.rows(30_500)[0]?.readerType).toBe('Lintel simulated reader')
  })

  it('recognises the site’s readers by address with their credential technology', () => {
    const directory = readerDirectory([{ id: 'sim-1', doorId: 1, name: 'Reader · Front', address: 'C0:11:22:33:4C:7E', technology: 'PassFlow', txPowerDbm: -8, advIntervalMs: 100, simulated: true }])
    expect(directory.identify(advert('C0:11:22:33:4C:7E', -60, 0))).toEqual({ readerId: 'sim-1', readerType: 'PassFlow' })
    expect(directory.identify(advert('C0:11:22:33:4C:7F', -60, 0))).toBeNull()
  })
})
