import { existsSync, readdirSync } from 'node:fs'

/** Linux lists HCI adapters here; no entries (or no folder) means no Bluetooth adapter to scan with. */
export function bleAdapterPresent(sysfs = '/sys/class/bluetooth'): boolean {
  try {
    return readdirSync(sysfs).some((name) => name.startsWith('hci'))
  } catch {
    return false
  }
}

export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm'

/** pcscd's socket must exist before nfc-pcsc is created, or it busy-loops the main thread. */
export const pcscdRunning = (socket = PCSCD_SOCKET): boolean => existsSync(socket)
