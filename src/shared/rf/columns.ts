import type { Sample, Side } from './schema'

/** A distance mark: rows `[start, end)` of the survey columns, in time order. */
export interface MarkSlice {
  distance_m: number
  side: Side
  start: number
  end: number
}

/**
 * The samples as typed columns grouped by mark — in-side marks first, each side by ascending
 * distance — and in time order within a mark.
 */
export interface SurveyColumns {
  t: Float64Array
  rssi: Float64Array
  /** 37, 38 or 39; 0 when the sample has no channel. */
  channel: Uint8Array
  marks: MarkSlice[]
  hasChannels: boolean
}

/** Groups samples by (distance_m, side) into columns; `offset_dB` is added to every RSSI. */
export function groupByMark(samples: readonly Sample[], offset_dB = 0): SurveyColumns {
  const { markOf, found } = assignMarks(samples)
  const order = found.map((_, i) => i).sort((a, b) => compareMarks(found[a]!, found[b]!))
  const cursor = new Float64Array(found.length)
  const marks: MarkSlice[] = []
  let position = 0
  for (const m of order) {
    const mark = found[m]!
    cursor[m] = position
    marks.push({ distance_m: mark.distance_m, side: mark.side, start: position, end: position + mark.count })
    position += mark.count
  }
  const n = samples.length
  const columns: SurveyColumns = { t: new Float64Array(n), rssi: new Float64Array(n), channel: new Uint8Array(n), marks, hasChannels: false }
  for (let i = 0; i < n; i++) {
    const sample = samples[i]!
    const m = markOf[i]!
    const row = cursor[m]!++
    columns.t[row] = sample.t
    columns.rssi[row] = sample.rssi + offset_dB
    if (sample.channel !== undefined) {
      columns.channel[row] = sample.channel
      columns.hasChannels = true
    }
  }
  for (const mark of marks) if (!isTimeOrdered(columns.t, mark)) sortByTime(columns, mark)
  return columns
}

interface FoundMark {
  distance_m: number
  side: Side
  count: number
}

function assignMarks(samples: readonly Sample[]): { markOf: Uint32Array; found: FoundMark[] } {
  const bySide = { in: new Map<number, number>(), out: new Map<number, number>() }
  const markOf = new Uint32Array(samples.length)
  const found: FoundMark[] = []
  let last: FoundMark | undefined
  let lastIndex = 0
  for (let i = 0; i < samples.length; i++) {
    const { distance_m, side } = samples[i]!
    if (last?.distance_m !== distance_m || last.side !== side) {
      const index = bySide[side]
      let m = index.get(distance_m)
      if (m === undefined) {
        m = found.length
        index.set(distance_m, m)
        found.push({ distance_m, side, count: 0 })
      }
      last = found[m]!
      lastIndex = m
    }
    last.count++
    markOf[i] = lastIndex
  }
  return { markOf, found }
}

function compareMarks(a: FoundMark, b: FoundMark): number {
  if (a.side !== b.side) return a.side === 'in' ? -1 : 1
  return a.distance_m - b.distance_m
}

function isTimeOrdered(t: Float64Array, mark: MarkSlice): boolean {
  for (let i = mark.start + 1; i < mark.end; i++) if (t[i]! < t[i - 1]!) return false
  return true
}

function sortByTime(columns: SurveyColumns, mark: MarkSlice): void {
  const { start, end } = mark
  const rows = Array.from({ length: end - start }, (_, i) => start + i).sort((a, b) => columns.t[a]! - columns.t[b]!)
  const t = rows.map((r) => columns.t[r]!)
  const rssi = rows.map((r) => columns.rssi[r]!)
  const channel = rows.map((r) => columns.channel[r]!)
  columns.t.set(t, start)
  columns.rssi.set(rssi, start)
  columns.channel.set(channel, start)
}
