import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { LintelError } from '../../../shared/contract/result'
import { analyzeSurvey, createSampleParser, type PlatformTarget, type Sample, type SurveyAnalysis } from '../../../shared/rf'
import { platformTargets } from '../../../shared/domain/platformRules'
import { SITE_OPTIONS, withServices } from '../services'
import type { CliCommand } from '../command'
import { stringOption } from '../args'
import { UsageError } from '../io'
import { rangeText } from '../../survey/report/html'

export const SamplesInputCode = { invalid: 'samples_invalid', unreadable: 'samples_unreadable' } as const

export const surveyAnalyzeCommand: CliCommand = {
  name: 'survey analyze',
  summary: 'Analyse a range walk: per-mark RSSI, path-loss fit, reliable and leak range, interference',
  usage: '<samples.csv|samples.jsonl> [--threshold -70] [--distance-unit m|cm] [--adv-interval-ms N] [--db <path> | --site <file>]',
  options: { threshold: { type: 'string' }, 'distance-unit': { type: 'string' }, 'adv-interval-ms': { type: 'string' }, ...SITE_OPTIONS },
  positionals: true,
  details: [
    'CSV: a header with at least time,rssi,distance (optional channel, side = in|out); time as ISO, "YYYY-MM-DD HH:MM:SS" or epoch ms.',
    'JSONL: one {t (ms), rssi, distance_m, channel?, side?} per line.',
    '--threshold N          unlock threshold in dBm (default -70)',
    '--distance-unit m|cm   unit of the CSV distance column (default m); the Herald files need cm',
    '--adv-interval-ms N    the reader\'s advertising interval; inferred from the timestamps when absent (the evidence says which)',
    '--db <path> | --site <file>  judge the walk against that site\'s platform rules (radios and unlock distance per phone OS; `lintel settings site.*`):',
    '                       Bluetooth platforms get the mark at their unlock distance checked and a threshold suggested; NFC-only ones are named as not covered.',
    '                       Without either, the file alone is analysed.',
    'A malformed line exits 2 with file:line and the problem.'
  ],
  async run(values, positionals, io) {
    const path = positionals[0]
    if (!path || positionals.length > 1) throw new UsageError('give exactly one samples file (.csv or .jsonl)')
    const threshold = numberOption(values, 'threshold', -110, -20) ?? -70
    const advIntervalMs = numberOption(values, 'adv-interval-ms', 20, 10_240)
    const unit = stringOption(values, 'distance-unit') ?? 'm'
    if (unit !== 'm' && unit !== 'cm') throw new UsageError(`--distance-unit ${unit}: expected m or cm`)
    const samples = await readSamples(path, unit)
    const platforms = await sitePlatforms(values, io)
    const analysis = analyzeSurvey(samples, { threshold, ...(advIntervalMs !== undefined ? { advIntervalMs } : {}), ...(platforms ? { platforms } : {}) })
    io.out(io.json ? JSON.stringify(analysis) : describeAnalysis(analysis))
  }
}

/** The platform rules of the site `--db` or `--site` names; none without either (the file alone is analysed). */
async function sitePlatforms(values: Parameters<CliCommand['run']>[0], io: Parameters<CliCommand['run']>[2]): Promise<readonly PlatformTarget[] | undefined> {
  if (stringOption(values, 'db') === undefined && stringOption(values, 'site') === undefined) return undefined
  return withServices(values, io, (services) => platformTargets(services.platformRules.get()))
}

function numberOption(values: Parameters<CliCommand['run']>[0], name: string, min: number, max: number): number | undefined {
  const raw = stringOption(values, name)
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} ${raw}: expected a number from ${min} to ${max}`)
  return n
}

/** Streams the file line by line through the shared parser: memory holds the samples, never the text. */
async function readSamples(path: string, distanceUnit: 'm' | 'cm'): Promise<Sample[]> {
  const parser = createSampleParser({ distanceUnit })
  const samples: Sample[] = []
  try {
    for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
      const result = parser.feed(line)
      if (result.kind === 'sample') samples.push(result.sample)
      else if (result.kind === 'error') throw new LintelError(SamplesInputCode.invalid, `${path}:${result.error.line}: ${result.error.message}`)
    }
  } catch (error) {
    if (error instanceof LintelError) throw error
    throw new LintelError(SamplesInputCode.unreadable, `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  if (samples.length === 0) throw new LintelError(SamplesInputCode.invalid, `${path}:${Math.max(1, parser.lines)}: no samples: the input has no data lines`)
  return samples
}

function describeAnalysis(a: SurveyAnalysis): string {
  const m = a.model
  const lines = [
    `${a.samples} samples at ${a.marks.length} marks, threshold ${a.threshold_dBm} dBm`,
    `reliable range ${rangeText(a.reliableRange_m, a.sides.in?.reliableBeyondWalk)}, leak range ${rangeText(a.leakRange_m, a.sides.in?.leakBeyondWalk)}, wrong side: ${a.leaksToWrongSide === null ? 'not surveyed' : a.leaksToWrongSide ? 'LEAKS' : 'no leak'}`,
    m.exponent === null ? 'model: too few distances to fit' : `model: RSSI(d) = ${m.rssiAt1m} − 10·${m.exponent}·log10(d), σ ${m.sigma_dB} dB, R² ${m.r2 ?? '—'}`,
    `interference: ${a.interference.class} (confidence ${Math.round(a.interference.confidence * 100)}%)`,
    ...a.interference.evidence.map((e) => `  · ${e}`),
    '',
    'side  distance  count  median   p10   p90  fade  unlock  estimated',
    ...a.marks.map((k) => `${k.side.padEnd(4)}  ${String(k.distance_m).padStart(8)}  ${String(k.count).padStart(5)}  ${String(k.median).padStart(6)}  ${String(k.p10).padStart(4)}  ${String(k.p90).padStart(4)}  ${String(k.fadeDepth_dB).padStart(4)}  ${`${Math.round(k.pUnlock * 100)}%`.padStart(6)}  ${k.estimatedDistance_m ?? '—'}`)
  ]
  if (a.platforms?.length) lines.push('', 'phone platforms (the site\'s rules):', ...a.platforms.map((p) => `  - ${p.summary}`))
  if (a.recommendations.length) lines.push('', 'recommendations:', ...a.recommendations.map((r) => `  - ${r}`))
  return lines.join('\n')
}
