import { PlainRow, SplitRow, type CsvRow } from './csvRow'
import { parseSampleTime } from './sampleTime'
import type { Channel, Sample, Side } from './schema'

/** Stable codes for malformed sample input; the CLI maps them to exit 2 with `file:line`. */
export const SampleErrorCode = {
  missingColumn: 'missing_column',
  fieldCount: 'field_count',
  badQuote: 'bad_quote',
  badTime: 'bad_time',
  badRssi: 'bad_rssi',
  rssiOutOfRange: 'rssi_out_of_range',
  badDistance: 'bad_distance',
  badChannel: 'bad_channel',
  badSide: 'bad_side',
  badJson: 'bad_json',
  noSamples: 'no_samples'
} as const
export type SampleErrorCode = (typeof SampleErrorCode)[keyof typeof SampleErrorCode]

/** A problem in the input, at a 1-based line number (a CSV header is line 1). */
export interface SampleError {
  line: number
  code: SampleErrorCode
  message: string
}

/** Plausible RSSI bounds of the HCI LE Advertising Report (127 there means "not available"). */
export const RSSI_MIN_DBM = -127
export const RSSI_MAX_DBM = 20

export interface SampleParseOptions {
  /** Unit of the CSV `distance` column (default m). JSONL's `distance_m` is always metres. */
  distanceUnit?: 'm' | 'cm'
  /** Input format; by default the first non-blank line decides (`{` or `[` means JSONL). */
  format?: 'csv' | 'jsonl'
}

/** What one fed line yields. */
export type SampleLine = { kind: 'sample'; sample: Sample } | { kind: 'skip' } | { kind: 'error'; error: SampleError }

/** A line-at-a-time parser for streaming input: feed each line (with or without its `\r`) in order. */
export interface SampleLineParser {
  feed(line: string): SampleLine
  /** Number of lines fed so far. */
  readonly lines: number
}

const SKIP: SampleLine = { kind: 'skip' }

interface Columns {
  time: number
  rssi: number
  distance: number
  channel: number
  side: number
  /** Divisor from the distance column to metres when its name carries the unit (distance_m, distance_cm). */
  perMetre: number | undefined
  needed: number
}

/** Creates a parser for CSV (`time,rssi,distance[,channel][,side]`, any order, extra columns allowed) or JSONL. */
export function createSampleParser(options: SampleParseOptions = {}): SampleLineParser {
  const perMetre = options.distanceUnit === 'cm' ? 100 : 1
  let format = options.format
  let columns: Columns | null = null
  let lines = 0
  const plainRow = new PlainRow()
  let lastTimeText = ''
  let lastTime = NaN
  const timeOf = (text: string): number => {
    if (text !== lastTimeText) {
      lastTimeText = text
      lastTime = parseSampleTime(text)
    }
    return lastTime
  }
  const feed = (raw: string): SampleLine => {
    lines++
    let line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw
    if (lines === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
    if (line.trim() === '') return SKIP
    format ??= /^\s*[[{]/.test(line) ? 'jsonl' : 'csv'
    if (format === 'jsonl') return jsonLine(line, lines, timeOf)
    if (columns === null) {
      const header = readHeader(line, lines)
      if ('code' in header) return { kind: 'error', error: header }
      columns = header
      return SKIP
    }
    const divisor = columns.perMetre ?? perMetre
    if (!line.includes('"')) return csvLine(plainRow.reset(line), lines, columns, divisor, timeOf)
    const fields = splitCsv(line)
    if (typeof fields === 'string') return fail(lines, SampleErrorCode.badQuote, fields)
    return csvLine(new SplitRow(fields), lines, columns, divisor, timeOf)
  }
  return {
    feed,
    get lines() {
      return lines
    }
  }
}

export type SampleParseResult = { ok: true; samples: Sample[] } | { ok: false; error: SampleError }

/** Parses a whole text; stops at the first malformed line. An input without any sample is an error. */
export function parseSamplesText(text: string, options: SampleParseOptions = {}): SampleParseResult {
  const parser = createSampleParser(options)
  const samples: Sample[] = []
  let start = 0
  while (start < text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const result = parser.feed(text.slice(start, end))
    if (result.kind === 'error') return { ok: false, error: result.error }
    if (result.kind === 'sample') samples.push(result.sample)
    start = end + 1
  }
  if (samples.length === 0) {
    const message = 'no samples: the input has no data lines'
    return { ok: false, error: { line: Math.max(1, parser.lines), code: SampleErrorCode.noSamples, message } }
  }
  return { ok: true, samples }
}

function readHeader(line: string, lineNumber: number): Columns | SampleError {
  const fields = splitCsv(line)
  if (typeof fields === 'string') return error(lineNumber, SampleErrorCode.badQuote, fields)
  const names = fields.map((f) => f.trim().toLowerCase())
  const at = (...aliases: string[]) => aliases.map((name) => names.indexOf(name)).find((i) => i >= 0) ?? -1
  const columns = {
    time: at(...COLUMN_ALIASES.time),
    rssi: at(...COLUMN_ALIASES.rssi),
    distance: at(...COLUMN_ALIASES.distance),
    channel: at('channel'),
    side: at('side')
  }
  const missing = (['time', 'rssi', 'distance'] as const).filter((name) => columns[name] < 0)
  if (missing.length > 0) {
    const list = missing.map((m) => `'${m}'`).join(', ')
    return error(lineNumber, SampleErrorCode.missingColumn, `missing column ${list} in the header (need time, rssi, distance)`)
  }
  const distanceName = names[columns.distance]
  const perMetre = distanceName === 'distance_m' ? 1 : distanceName === 'distance_cm' ? 100 : undefined
  return { ...columns, perMetre, needed: Math.max(columns.time, columns.rssi, columns.distance) + 1 }
}

/**
 * Header names accepted for the required CSV columns, the first. `distance_m` and
 * `distance_cm` carry their unit, which then wins over `distanceUnit` (that option is for `distance`).
 */
export const COLUMN_ALIASES = {
  time: ['time', 't', 'timestamp'],
  rssi: ['rssi', 'rssi_dbm'],
  distance: ['distance', 'distance_m', 'distance_cm']
} as const

type TimeOf = (text: string) => number

function csvLine(row: CsvRow, lineNumber: number, columns: Columns, perMetre: number, timeOf: TimeOf): SampleLine {
  if (row.count < columns.needed) {
    return fail(lineNumber, SampleErrorCode.fieldCount, `expected at least ${columns.needed} fields, found ${row.count}`)
  }
  const epochMs = row.number(columns.time)
  const t = Number.isFinite(epochMs) ? epochMs : timeOf(row.text(columns.time))
  if (Number.isNaN(t)) {
    return fail(lineNumber, SampleErrorCode.badTime, `bad time '${row.text(columns.time)}': expected ISO 8601, "YYYY-MM-DD HH:MM:SS" or epoch ms`)
  }
  const rssi = row.number(columns.rssi)
  const rssiProblem = checkRssi(rssi, row.text(columns.rssi))
  if (rssiProblem) return { kind: 'error', error: { ...rssiProblem, line: lineNumber } }
  const distance = row.number(columns.distance)
  if (!Number.isFinite(distance)) return fail(lineNumber, SampleErrorCode.badDistance, `distance '${row.text(columns.distance)}' is not a number`)
  const channel = columns.channel < 0 ? undefined : channelOf(row, columns.channel)
  if (channel === null) return fail(lineNumber, SampleErrorCode.badChannel, `channel '${row.text(columns.channel)}' is not 37, 38 or 39`)
  const sideText = columns.side < 0 ? '' : row.text(columns.side)
  const side = readSide(sideText)
  if (side === null) return fail(lineNumber, SampleErrorCode.badSide, `side '${sideText}' is not 'in' or 'out'`)
  return { kind: 'sample', sample: { t, rssi, distance_m: distance / perMetre, channel, side } }
}

function channelOf(row: CsvRow, i: number): Channel | undefined | null {
  const value = row.number(i)
  if (value === 37 || value === 38 || value === 39) return value
  return row.text(i) === '' ? undefined : null
}

function jsonLine(line: string, lineNumber: number, timeOf: TimeOf): SampleLine {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (e) {
    return fail(lineNumber, SampleErrorCode.badJson, `not valid JSON: ${(e as Error).message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(lineNumber, SampleErrorCode.badJson, 'expected an object { t, rssi, distance_m, channel?, side? }')
  }
  const record = value as Record<string, unknown>
  const t = typeof record.t === 'number' ? record.t : typeof record.t === 'string' ? timeOf(record.t) : NaN
  if (!Number.isFinite(t)) return fail(lineNumber, SampleErrorCode.badTime, `bad or missing t ${shown(record.t)}: expected epoch ms`)
  const rssi = typeof record.rssi === 'number' ? record.rssi : NaN
  const rssiProblem = checkRssi(rssi, shown(record.rssi))
  if (rssiProblem) return { kind: 'error', error: { ...rssiProblem, line: lineNumber } }
  if (typeof record.distance_m !== 'number' || !Number.isFinite(record.distance_m)) {
    return fail(lineNumber, SampleErrorCode.badDistance, `bad or missing distance_m ${shown(record.distance_m)}`)
  }
  const channel = record.channel === undefined || record.channel === null ? undefined : readChannel(String(record.channel))
  if (channel === null) return fail(lineNumber, SampleErrorCode.badChannel, `channel ${shown(record.channel)} is not 37, 38 or 39`)
  const side = record.side === undefined || record.side === null ? 'in' : readSide(String(record.side))
  if (side === null) return fail(lineNumber, SampleErrorCode.badSide, `side ${shown(record.side)} is not 'in' or 'out'`)
  return { kind: 'sample', sample: { t, rssi, distance_m: record.distance_m, channel, side } }
}

function checkRssi(rssi: number, text: string): Omit<SampleError, 'line'> | null {
  if (!Number.isFinite(rssi)) return { code: SampleErrorCode.badRssi, message: `rssi ${quote(text)} is not a number` }
  if (rssi < RSSI_MIN_DBM || rssi > RSSI_MAX_DBM) {
    const message = `rssi ${rssi} dBm is out of the plausible range ${RSSI_MIN_DBM} to ${RSSI_MAX_DBM} dBm`
    return { code: SampleErrorCode.rssiOutOfRange, message }
  }
  return null
}

function readChannel(text: string): Channel | undefined | null {
  if (text === '') return undefined
  const value = Number(text)
  return value === 37 || value === 38 || value === 39 ? value : null
}

function readSide(text: string): Side | null {
  const side = text.toLowerCase()
  return side === '' || side === 'in' ? 'in' : side === 'out' ? 'out' : null
}

function shown(value: unknown): string {
  return value === undefined ? '(missing)' : JSON.stringify(value)
}

function quote(text: string): string {
  const trimmed = text.trim()
  return trimmed.startsWith('"') ? trimmed : `'${trimmed}'`
}

/** RFC 4180 fields of one line (quotes may wrap a field; `""` inside is a quote). A string is an error. */
export function splitCsv(line: string): string[] | string {
  const fields: string[] = []
  let i = 0
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let value = ''
      let j = i + 1
      for (;;) {
        const close = line.indexOf('"', j)
        if (close === -1) return 'unterminated quoted field (a field cannot span lines)'
        value += line.slice(j, close)
        if (line.charCodeAt(close + 1) !== 34) {
          j = close + 1
          break
        }
        value += '"'
        j = close + 2
      }
      if (j < line.length && line.charCodeAt(j) !== 44) return `unexpected text after a closing quote at column ${j + 1}`
      fields.push(value)
      i = j + 1
      if (j >= line.length) return fields
    } else {
      const comma = line.indexOf(',', i)
      fields.push(comma === -1 ? line.slice(i) : line.slice(i, comma))
      if (comma === -1) return fields
      i = comma + 1
    }
  }
}

function error(line: number, code: SampleErrorCode, message: string): SampleError {
  return { line, code, message }
}

function fail(line: number, code: SampleErrorCode, message: string): SampleLine {
  return { kind: 'error', error: { line, code, message } }
}
