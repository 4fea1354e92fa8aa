/**
 * RF analysis benchmark: one million simulated samples, parsed from CSV text and analysed.
 * Goal: analysis ≤ 1 s. Run: npx tsx scripts/bench-rf.ts [samples]
 * Prints a table and writes bench-results/rf.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { analyzeSurvey, parseSamplesText, rangeWalk, simulateWalk, OPEN_ROOM, type Sample, type VirtualSite } from '../src/shared/rf'

const SAMPLES = Number(process.argv[2] ?? 1_000_000)
const RUNS = 5
const GOAL_MS = 1000

function simulatedSamples(count: number): Sample[] {
  const site: VirtualSite = {
    reader: { position: { x: 0.05, y: 0 }, rssiAt1m_dBm: -59, advIntervalMs: 20 },
    walls: [{ from: { x: 0, y: -10 }, to: { x: 0, y: 10 }, material: 'concrete' }],
    environment: OPEN_ROOM,
    scanner: { reportsAllChannels: true, scanWindowMs: 300, reportsChannel: true, offset_dB: 0 }
  }
  const distances = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6]
  const walk = [...rangeWalk(distances, 'in', 1), ...rangeWalk([0.5, 1, 2, 3], 'out', 1)]
  const perMark = Math.ceil(count / walk.length)
  const dwell_s = Math.ceil(perMark / 90)
  const kept = new Map<string, number>()
  const keep = (s: Sample) => {
    const key = `${s.side}:${s.distance_m}`
    const n = kept.get(key) ?? 0
    kept.set(key, n + 1)
    return n < perMark
  }
  return simulateWalk(site, walk.map((m) => ({ ...m, dwell_s })), 42).filter(keep).slice(0, count)
}

function toCsv(samples: readonly Sample[]): string {
  const lines = ['time,rssi,distance,channel,side']
  for (const s of samples) lines.push(`${s.t},${s.rssi},${s.distance_m},${s.channel ?? ''},${s.side}`)
  return lines.join('\n')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]!
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10

function main(): void {
  const generated = simulatedSamples(SAMPLES)
  const text = toCsv(generated)
  const parseStart = performance.now()
  const parsed = parseSamplesText(text)
  const parse_ms = performance.now() - parseStart
  if (!parsed.ok) throw new Error(`line ${parsed.error.line}: ${parsed.error.message}`)
  analyzeSurvey(parsed.samples.slice(0, 100_000))
  const times: number[] = []
  let result = analyzeSurvey(parsed.samples)
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    result = analyzeSurvey(parsed.samples)
    times.push(performance.now() - start)
  }
  const memory = process.memoryUsage()
  const figures = {
    samples: parsed.samples.length,
    marks: result.marks.length,
    csv_MB: mb(text.length),
    parse_ms: Math.round(parse_ms),
    parse_samples_per_s: Math.round(parsed.samples.length / (parse_ms / 1000)),
    analysis_ms_median: Math.round(median(times)),
    analysis_ms_min: Math.round(Math.min(...times)),
    analysis_runs: RUNS,
    goal_ms: GOAL_MS,
    within_goal: median(times) <= GOAL_MS,
    analysis_typed_arrays_MB: mb(parsed.samples.length * 41),
    heap_used_MB: mb(memory.heapUsed),
    rss_MB: mb(memory.rss)
  }
  console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value })))
  const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, platform: process.platform }
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/rf.json', `${JSON.stringify({ date: new Date().toISOString(), machine, command: 'npx tsx scripts/bench-rf.ts', ...figures }, null, 2)}\n`)
  console.log(`class ${result.interference.class} (${result.interference.confidence}); wrote bench-results/rf.json`)
}

main()
