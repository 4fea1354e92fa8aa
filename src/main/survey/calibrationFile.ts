import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { DeviceCalibrationSchema, type DeviceCalibration } from '../../shared/domain/survey'

const FileSchema = z.object({ devices: z.record(z.string(), DeviceCalibrationSchema) })

/** Per-device RSSI offsets in `<user data>/ble-calibration.json`, until a store exists. */
export class CalibrationFile {
  readonly path: string

  constructor(userDataDir: string) {
    this.path = join(userDataDir, 'ble-calibration.json')
  }

  all(): DeviceCalibration[] {
    return Object.values(this.read()).sort((a, b) => a.deviceId.localeCompare(b.deviceId))
  }

  /** The device's offset in dB, 0 when it has never been calibrated. */
  offsetFor(deviceId: string): number {
    return this.read()[deviceId]?.offset_dB ?? 0
  }

  save(calibration: DeviceCalibration): DeviceCalibration {
    const devices = { ...this.read(), [calibration.deviceId]: calibration }
    mkdirSync(dirname(this.path), { recursive: true })
    writeFileSync(`${this.path}.tmp`, JSON.stringify({ devices }, null, 2))
    renameSync(`${this.path}.tmp`, this.path)
    return calibration
  }

  private read(): Record<string, DeviceCalibration> {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')))
      return parsed.success ? parsed.data.devices : {}
    } catch {
      return {}
    }
  }
}
