import { groupByMark } from './columns'
import { selectQuantile } from './quantiles'
import type { Sample, Side } from './schema'

/** One mark measured by both the device and the reference phone. */
export interface PairedMark {
  distance_m: number
  side: Side
  device_dB: number
  reference_dB: number
}

/** How many dB to add to this device's RSSI to read like the reference phone. */
export interface DeviceOffset {
  offset_dB: number
  marks: PairedMark[]
}

/**
 * Device offset calibration: this laptop or dongle against a reference phone at the same marks.
 * The offset is the median over shared marks of (reference median − device median); the medians
 * make it robust to fades, and the median of differences to a mark where one of the two sat in a
 * null. Null when no mark (same distance and side) is in both.
 */
export function deviceOffset(device: readonly Sample[], reference: readonly Sample[]): DeviceOffset | null {
  const ours = markMedians(device)
  const theirs = markMedians(reference)
  const marks: PairedMark[] = []
  for (const [key, mark] of ours) {
    const other = theirs.get(key)
    if (other) marks.push({ distance_m: mark.distance_m, side: mark.side, device_dB: mark.median, reference_dB: other.median })
  }
  if (marks.length === 0) return null
  const differences = Float64Array.from(marks, (p) => p.reference_dB - p.device_dB)
  return { offset_dB: selectQuantile(differences, 0.5), marks }
}

/** The samples with `offset_dB` added to every RSSI (the analysis does this itself with `calibrationOffsetDb`). */
export function applyOffset(samples: readonly Sample[], offset_dB: number): Sample[] {
  return samples.map((s) => ({ ...s, rssi: s.rssi + offset_dB }))
}

function markMedians(samples: readonly Sample[]): Map<string, { distance_m: number; side: Side; median: number }> {
  const columns = groupByMark(samples)
  const medians = new Map<string, { distance_m: number; side: Side; median: number }>()
  for (const mark of columns.marks) {
    const median = selectQuantile(columns.rssi.slice(mark.start, mark.end), 0.5)
    medians.set(`${mark.side}:${mark.distance_m}`, { distance_m: mark.distance_m, side: mark.side, median })
  }
  return medians
}
