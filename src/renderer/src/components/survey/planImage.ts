import { cellZones, CellZone, type ReaderCoverage } from '../../../../shared/plan'

/** RSSI at or below this is drawn transparent; the ramp runs from here to RAMP_TOP_DBM. */
const RAMP_BOTTOM_DBM = -95
const RAMP_TOP_DBM = -45
/** Heatmap ramp stops: blue (weak) → cyan → yellow → red (strong). */
const RAMP: readonly [number, number, number][] = [
  [37, 99, 235],
  [6, 182, 212],
  [250, 204, 21],
  [220, 38, 38]
]
const RELIABLE_TINT: [number, number, number] = [22, 163, 74]
const LEAK_TINT: [number, number, number] = [190, 24, 93]

/**
 * One RGBA pixel per grid cell: the RSSI heatmap; the reliable zone tinted green; the leak zone
 * magenta with diagonal stripes, so the two read apart without colour; the unlock-threshold contour
 * in black. Pure (no canvas), so it is tested in jsdom and drawn once per map, not per frame.
 */
export function coverageImage(coverage: Pick<ReaderCoverage, 'grid' | 'wrongSide' | 'threshold_dBm'>): Uint8ClampedArray<ArrayBuffer> {
  const { grid, threshold_dBm } = coverage
  const zones = cellZones(coverage)
  const pixels = new Uint8ClampedArray(grid.rows * grid.cols * 4)
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const i = r * grid.cols + c
      const rssi = grid.rssi[i]!
      const [red, green, blue, alpha] = onContour(coverage, r, c, threshold_dBm) ? [0, 0, 0, 255] : cellColour(rssi, zones[i]!, r, c)
      pixels.set([red, green, blue, alpha], i * 4)
    }
  }
  return pixels
}

function cellColour(rssi: number, zone: number, r: number, c: number): [number, number, number, number] {
  if (zone === CellZone.leak) return (r + c) % 4 < 2 ? [...LEAK_TINT, 210] : [...LEAK_TINT, 120]
  if (zone === CellZone.reliable) return [...RELIABLE_TINT, 150]
  if (rssi <= RAMP_BOTTOM_DBM) return [0, 0, 0, 0]
  const t = Math.min(1, (rssi - RAMP_BOTTOM_DBM) / (RAMP_TOP_DBM - RAMP_BOTTOM_DBM)) * (RAMP.length - 1)
  const k = Math.min(RAMP.length - 2, Math.floor(t))
  const f = t - k
  const [a, b] = [RAMP[k]!, RAMP[k + 1]!]
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f, 110]
}

/** A cell whose RSSI is on the other side of the threshold from its right or lower neighbour. */
function onContour(coverage: Pick<ReaderCoverage, 'grid'>, r: number, c: number, threshold: number): boolean {
  const { grid } = coverage
  const here = grid.rssi[r * grid.cols + c]! >= threshold
  if (c + 1 < grid.cols && (grid.rssi[r * grid.cols + c + 1]! >= threshold) !== here) return true
  return r + 1 < grid.rows && (grid.rssi[(r + 1) * grid.cols + c]! >= threshold) !== here
}

/** A label's box on the canvas, in any one unit. */
export interface LabelBox {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Which labels to draw, in order, so that none overlaps one drawn before it: dense marks would
 * otherwise print their values over each other ("-7370"). Zooming in spreads them apart, and the
 * skipped ones appear.
 */
export function labelsThatFit(boxes: readonly LabelBox[]): boolean[] {
  const placed: LabelBox[] = []
  return boxes.map((box) => {
    const overlaps = placed.some((p) => box.x < p.x + p.width && p.x < box.x + box.width && box.y < p.y + p.height && p.y < box.y + box.height)
    if (!overlaps) placed.push(box)
    return !overlaps
  })
}
