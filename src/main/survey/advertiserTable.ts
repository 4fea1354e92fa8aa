import { SCAN_LIMITS, type Advert, type AdvertiserRow } from '../../shared/domain/ble'

/** The last `capacity` RSSI readings of one advertiser; fixed memory whatever the scan's length. */
export class RssiRing {
  private readonly values: Int8Array
  private next = 0
  private filled = 0

  constructor(readonly capacity: number) {
    this.values = new Int8Array(capacity)
  }

  push(rssi: number): void {
    this.values[this.next] = rssi
    this.next = (this.next + 1) % this.capacity
    if (this.filled < this.capacity) this.filled++
  }

  get size(): number {
    return this.filled
  }

  /** Oldest first. */
  toArray(): number[] {
    const out: number[] = new Array<number>(this.filled)
    const start = (this.next - this.filled + this.capacity) % this.capacity
    for (let i = 0; i < this.filled; i++) out[i] = this.values[(start + i) % this.capacity]!
    return out
  }
}

/** How a known door reader is recognised: the site's readers by address, reader types by advertised service. */
export interface ReaderDirectory {
  identify(advert: Advert): { readerId: string | null; readerType: string } | null
}

interface Entry {
  row: Omit<AdvertiserRow, 'history'>
  ring: RssiRing
}

export interface AdvertiserTableLimits {
  /** Advertisers tracked at once; the least recently seen go first (default 2,000). */
  advertisers?: number
  /** Advertisers unseen for this long are left out of rows (default 30 s). */
  staleMs?: number
}

/**
 * Every advertiser heard in a scan with its latest values and a ring of recent RSSI. Memory is
 * bounded: at most `advertisers` entries, each with a fixed ring; overflow evicts the stalest tenth.
 */
export class AdvertiserTable {
  private readonly entries = new Map<string, Entry>()
  private readonly max: number
  private readonly staleMs: number

  constructor(
    private readonly directory: ReaderDirectory,
    limits: AdvertiserTableLimits = {}
  ) {
    this.max = limits.advertisers ?? 2000
    this.staleMs = limits.staleMs ?? 30_000
  }

  get size(): number {
    return this.entries.size
  }

  record(advert: Advert): void {
    let entry = this.entries.get(advert.address)
    if (!entry) {
      if (this.entries.size >= this.max) this.evict()
      entry = this.create(advert)
      this.entries.set(advert.address, entry)
    }
    const row = entry.row
    row.rssi = advert.rssi
    row.lastSeen = advert.t
    row.count++
    if (advert.name !== null) row.name = advert.name
    if (advert.txPower !== null) row.txPower = advert.txPower
    if (advert.manufacturerData !== null) row.manufacturerData = clip(advert.manufacturerData)
    if (advert.serviceUuids.length > 0 && advert.serviceUuids !== row.serviceUuids) row.serviceUuids = advert.serviceUuids.slice(0, SCAN_LIMITS.serviceUuids)
    entry.ring.push(advert.rssi)
  }

  /** Known readers first, then by recent RSSI (median of the last 5), at most `limit` rows seen within the stale window. */
  rows(now: number, limit: number = SCAN_LIMITS.rows): AdvertiserRow[] {
    const fresh: { entry: Entry; strength: number }[] = []
    for (const entry of this.entries.values()) {
      if (now - entry.row.lastSeen <= this.staleMs) fresh.push({ entry, strength: recentStrength(entry.ring) + (entry.row.readerType ? 1000 : 0) })
    }
    fresh.sort((a, b) => b.strength - a.strength)
    return fresh.slice(0, limit).map(({ entry }) => ({ ...entry.row, serviceUuids: [...entry.row.serviceUuids], history: entry.ring.toArray() }))
  }

  clear(): void {
    this.entries.clear()
  }

  private create(advert: Advert): Entry {
    const known = this.directory.identify(advert)
    return {
      row: {
        address: advert.address,
        name: advert.name,
        rssi: advert.rssi,
        txPower: advert.txPower,
        serviceUuids: advert.serviceUuids.slice(0, SCAN_LIMITS.serviceUuids),
        manufacturerData: advert.manufacturerData === null ? null : clip(advert.manufacturerData),
        readerType: known?.readerType ?? null,
        readerId: known?.readerId ?? null,
        lastSeen: advert.t,
        count: 0
      },
      ring: new RssiRing(SCAN_LIMITS.history)
    }
  }

  private evict(): void {
    const byAge = [...this.entries.values()].sort((a, b) => a.row.lastSeen - b.row.lastSeen)
    for (const entry of byAge.slice(0, Math.max(1, Math.floor(this.max / 10)))) this.entries.delete(entry.row.address)
  }
}

function recentStrength(ring: RssiRing): number {
  const recent = ring.toArray().slice(-5).sort((a, b) => a - b)
  return recent[recent.length >> 1] ?? -127
}

/** Manufacturer data beyond the limit is cut and marked with a trailing `…`. */
function clip(hex: string): string {
  return hex.length <= SCAN_LIMITS.manufacturerHexChars ? hex : `${hex.slice(0, SCAN_LIMITS.manufacturerHexChars)}…`
}
