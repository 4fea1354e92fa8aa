import type { BleReader } from '../../../shared/domain/hardware'
import { createRandom, MATERIALS, OPEN_ROOM, PHONE_SCANNER, type Material, type Point, type RadioEnvironment, type VirtualScanner, type VirtualWall } from '../../../shared/rf'

/** One device advertising on the virtual site: a door reader, a phone or a beacon. */
export interface VirtualAdvertiser {
  address: string
  name: string | null
  txPower: number | null
  serviceUuids: string[]
  manufacturerData: Buffer | null
  /** 20–10,240 ms; each event adds the controller's random 0–10 ms. */
  advIntervalMs: number
  position: Point
  rssiAt1m_dBm: number
  metalMount: boolean
  connectable: boolean
  /** For a door reader: the unit vector from the reader into the approach (`in`) side. */
  facing?: Point
}

/** The virtual RF site: advertisers, walls and the radio environment the simulated scanner moves through. */
export interface VirtualRfSite {
  advertisers: VirtualAdvertiser[]
  walls: VirtualWall[]
  environment: RadioEnvironment
  scanner: VirtualScanner
  /** The corridor the idle surveyor walks along, back and forth. */
  corridor: { from: Point; to: Point }
}

/** The service every simulated Lintel door reader advertises (a random 128-bit UUID, not a vendor's). */
export const VIRTUAL_READER_SERVICE = '6C1E7A00B1E54D0F9A3C4C494E54454C'
/** Bluetooth SIG company identifier 0xFFFF is reserved for tests: simulated readers use it. */
const TEST_COMPANY_ID = 0xffff
const APPLE_COMPANY_ID = 0x004c
/** A reader's RSSI at 1 m: TX power, less 40 dB of free-space loss at 2.4 GHz and ~15 dB of antenna and body loss. */
const LOSS_AT_1M_DB = 55
const DOOR_SPACING_M = 7
/** The wall each demo door sits in, by door order: ordinary, concrete, a metal door, glass, brick. */
const DOOR_WALLS: readonly { material: Material; metalMount: boolean }[] = [
  { material: 'wood_door', metalMount: false },
  { material: 'concrete', metalMount: false },
  { material: 'metal_door', metalMount: true },
  { material: 'glass', metalMount: false },
  { material: 'brick', metalMount: false }
]

export interface VirtualSiteOptions {
  /** Phones and beacons besides the door readers (default 12). */
  crowd?: number
  /** The crowd's advertising interval (default: a mix of 100 ms to 1 s). */
  crowdIntervalMs?: number
  seed?: number
}

/**
 * The demo site's readers placed along a corridor wall (y = 0), each in a wall of its own material,
 * facing the approach side (+y); the crowd stands in the rooms around.
 */
export function virtualRfSite(readers: readonly BleReader[], options: VirtualSiteOptions = {}): VirtualRfSite {
  const advertisers = readers.map((reader, i) => readerAdvertiser(reader, i))
  const walls = readers.map((_, i): VirtualWall => {
    const x = i * DOOR_SPACING_M
    return { from: { x: x - DOOR_SPACING_M / 2, y: 0 }, to: { x: x + DOOR_SPACING_M / 2, y: 0 }, material: wallOf(i).material }
  })
  const length = Math.max(1, readers.length) * DOOR_SPACING_M
  const random = createRandom(options.seed ?? 7)
  for (let i = 0; i < (options.crowd ?? 12); i++) advertisers.push(crowdAdvertiser(i, length, random.next, options.crowdIntervalMs))
  return {
    advertisers,
    walls,
    environment: OPEN_ROOM,
    scanner: PHONE_SCANNER,
    corridor: { from: { x: -2, y: 1.5 }, to: { x: length - DOOR_SPACING_M + 2, y: 1.5 } }
  }
}

function wallOf(index: number): { material: Material; metalMount: boolean } {
  return DOOR_WALLS[index % DOOR_WALLS.length]!
}

function readerAdvertiser(reader: BleReader, index: number): VirtualAdvertiser {
  const wall = wallOf(index)
  const doorByte = index & 0xff
  return {
    address: reader.address,
    name: reader.name,
    txPower: reader.txPowerDbm,
    serviceUuids: [VIRTUAL_READER_SERVICE.toLowerCase()],
    manufacturerData: Buffer.from([TEST_COMPANY_ID & 0xff, TEST_COMPANY_ID >> 8, 0x4c, 0x54, doorByte]),
    advIntervalMs: reader.advIntervalMs,
    position: { x: index * DOOR_SPACING_M, y: 0.05 },
    rssiAt1m_dBm: reader.txPowerDbm - LOSS_AT_1M_DB,
    metalMount: wall.metalMount && MATERIALS[wall.material].metal,
    connectable: true,
    facing: { x: 0, y: 1 }
  }
}

function crowdAdvertiser(index: number, length: number, next: () => number, intervalMs?: number): VirtualAdvertiser {
  const phone = index % 3 !== 2
  const bytes = [0xc0 | (index >> 8 & 0x3f), index & 0xff, 0x5a, 0x17, Math.floor(next() * 256), Math.floor(next() * 256)]
  return {
    address: bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':'),
    name: phone ? null : `Beacon ${index + 1}`,
    txPower: phone ? null : -12,
    serviceUuids: phone ? [] : ['feaa'],
    manufacturerData: phone ? Buffer.from([APPLE_COMPANY_ID, 0x00, 0x10, 0x05, 0x01, 0x18, Math.floor(next() * 256)]) : null,
    advIntervalMs: intervalMs ?? (phone ? 180 + Math.floor(next() * 800) : 100 * (1 + Math.floor(next() * 9))),
    position: { x: next() * length - 2, y: 1 + next() * 8 * (next() < 0.3 ? -1 : 1) },
    rssiAt1m_dBm: phone ? -60 - Math.floor(next() * 8) : -67,
    metalMount: false,
    connectable: phone
  }
}
