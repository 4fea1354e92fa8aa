import type { BleReader } from '../../../shared/domain/hardware'
import type { Site } from '../../../shared/domain/site'

const BLE_TECHNOLOGIES = new Set(['ble', 'ble+nfc'])

/** A stable, locally administered static address per door, so the same door keeps its reader across runs. */
export function virtualAddress(doorId: string | number): string {
  let hash = 2166136261
  for (const ch of `${typeof doorId}:${doorId}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0
  const bytes = [0xc0 | ((hash >>> 24) & 0x3f), (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff, 0x4c, 0x7e]
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':')
}

/** The embedded demo's readers: one per door whose reader accepts a BLE credential type. */
export function virtualReaders(site: Site): BleReader[] {
  const bleTypes = new Set(site.credential_types.filter((t) => BLE_TECHNOLOGIES.has(t.technology)).map((t) => t.id))
  return site.doors
    .filter((door) => door.accepts.some((id) => bleTypes.has(id)))
    .map((door, index) => ({
      id: `sim-${String(door.id)}`,
      doorId: door.id,
      name: `Reader · ${door.name}`,
      address: virtualAddress(door.id),
      technology: site.credential_types
        .filter((t) => door.accepts.includes(t.id) && BLE_TECHNOLOGIES.has(t.technology))
        .map((t) => t.label)
        .join(', '),
      txPowerDbm: index % 2 === 0 ? -8 : -4,
      advIntervalMs: [100, 152.5, 211.25, 318.75][index % 4] ?? 100,
      simulated: true
    }))
}
