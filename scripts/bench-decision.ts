/**
 * Decision-engine benchmark:
 *   npm run bench:decision [-- --requests N --people N --cedar-requests N --zones A,B --seed N]
 * Generates a seeded site (100k people, 300k credentials, 2k doors, 1k groups, 200 schedules)
 * and 1M requests, measures the engine (compile, throughput, latency, memory) and Cedar on the
 * same workload, and checks that both agree on `granted`. A site has one time zone, so "several
 * time zones" means the same site run under each of --zones: Cedar decides every request under
 * the first and up to 20,000 under the others. Prints tables on stdout, progress on stderr, and
 * writes bench-results/decision.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { compileSite, decide, type CompiledSite, type DecisionRequest } from '../src/shared/decision'
import { parseSite, type Site } from '../src/shared/domain/site'
import { cedarCall, cedarGranted, encodeSiteForCedar, localContext, type LocalContext } from '../test/shared/decision/support/cedar'
import { randomRequests } from '../test/shared/decision/support/randomRequests'
import { randomSite } from '../test/shared/decision/support/randomSite'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

interface Options {
  requests: number
  people: number
  cedarRequests: number
  seed: number
  zones: string[]
}

function parseArgs(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const int = (name: string, fallback: number): number => {
    const text = value(name)
    const n = text === undefined ? fallback : Number(text)
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, got ${text}`)
    return n
  }
  const requests = int('requests', 1_000_000)
  const zones = (value('zones') ?? 'Europe/London,America/New_York,Australia/Sydney,Asia/Kolkata').split(',')
  return { requests, people: int('people', 100_000), cedarRequests: Math.min(int('cedar-requests', requests), requests), seed: int('seed', 20_261_225), zones }
}

const log = (message: string): void => void process.stderr.write(`${message}\n`)
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10

function memory(): { heap: number; rss: number } {
  gc()
  const m = process.memoryUsage()
  return { heap: m.heapUsed, rss: m.rss }
}

function generate(options: Options, timezone: string): { site: Site; requests: DecisionRequest[] } {
  const t0 = process.hrtime.bigint()
  const site = randomSite({
    seed: options.seed, timezone, people: options.people, credentialsPerPerson: 3,
    doors: 2000, groups: 1000, schedules: 200, holidays: 16, messy: true
  })
  log(`generated site: ${site.people.length} people, ${site.credentials.length} credentials in ${ms(t0).toFixed(0)} ms`)
  const parsed = parseSite(site)
  if (!parsed.ok) throw new Error(`generated site is invalid at ${parsed.path}: ${parsed.message}`)
  const t1 = process.hrtime.bigint()
  const requests = randomRequests(site, options.requests, options.seed + 1)
  log(`generated ${requests.length} requests in ${ms(t1).toFixed(0)} ms`)
  return { site, requests }
}

/** Compile time from cold: the first zone's run includes JIT warm-up and building the zone table. */
function measureCompile(site: Site): { compiled: CompiledSite; compileMs: number; heapMb: number; rssMb: number } {
  const before = memory()
  const t0 = process.hrtime.bigint()
  const compiled = compileSite(site)
  const compileMs = ms(t0)
  const after = memory()
  return { compiled, compileMs, heapMb: mb(after.heap - before.heap), rssMb: mb(after.rss) }
}

/** Best and median of several timed passes over all requests, after a warm-up pass. */
function measureThroughput(compiled: CompiledSite, requests: DecisionRequest[], passes = 3) {
  let granted = 0
  for (const r of requests) if (decide(compiled, r).granted) granted++
  const rates: number[] = []
  for (let p = 0; p < passes; p++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < requests.length; i++) decide(compiled, requests[i]!)
    rates.push(requests.length / (ms(t0) / 1000))
  }
  rates.sort((a, b) => a - b)
  return { granted, best: rates[rates.length - 1]!, median: rates[Math.floor(rates.length / 2)]! }
}

/**
 * Per-decision latency on a sample: each call timed alone with hrtime.bigint, minus the median
 * cost of reading the clock twice (which is about as large as a decision).
 */
function measureLatency(compiled: CompiledSite, requests: DecisionRequest[], sample = 200_000) {
  const overheads: number[] = []
  for (let i = 0; i < 10_000; i++) {
    const t0 = process.hrtime.bigint()
    overheads.push(Number(process.hrtime.bigint() - t0))
  }
  const timer = percentile(overheads, 0.5)
  const times: number[] = []
  const step = Math.max(1, Math.floor(requests.length / sample))
  for (let i = 0; i < requests.length && times.length < sample; i += step) {
    const t0 = process.hrtime.bigint()
    decide(compiled, requests[i]!)
    times.push(Number(process.hrtime.bigint() - t0) - timer)
  }
  return { timerNs: timer, p50Ns: Math.max(0, percentile(times, 0.5)), p99Ns: Math.max(0, percentile(times, 0.99)), samples: times.length }
}

function percentile(values: number[], p: number): number {
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN
}

function codeMix(compiled: CompiledSite, requests: DecisionRequest[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of requests) {
    const code = decide(compiled, r).code
    counts[code] = (counts[code] ?? 0) + 1
  }
  return counts
}

interface CedarResult {
  encodeMs: number
  requests: number
  decisionsPerSec: number
  agreement: number
  disagreements: { request: DecisionRequest; engine: string; cedar: boolean }[]
}

/** Cedar on the first `count` requests; the Intl local-time context is prepared outside the timing. */
function measureCedar(site: Site, compiled: CompiledSite, requests: DecisionRequest[], count: number, label: string): CedarResult {
  const t0 = process.hrtime.bigint()
  const cs = encodeSiteForCedar(site)
  const encodeMs = ms(t0)
  log(`${label}: Cedar encoding ${encodeMs.toFixed(0)} ms; deciding ${count} requests…`)
  const chunk = 10_000
  let agreed = 0
  let cedarNs = 0n
  const disagreements: CedarResult['disagreements'] = []
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk)
    const contexts: LocalContext[] = []
    for (let i = start; i < end; i++) contexts.push(localContext(cs, requests[i]!.at))
    const verdicts: boolean[] = []
    const t1 = process.hrtime.bigint()
    for (let i = start; i < end; i++) verdicts.push(cedarGranted(cedarCall(cs, requests[i]!, contexts[i - start]!)))
    cedarNs += process.hrtime.bigint() - t1
    for (let i = start; i < end; i++) {
      const decision = decide(compiled, requests[i]!)
      if (decision.granted === verdicts[i - start]) agreed++
      else if (disagreements.length < 10) disagreements.push({ request: requests[i]!, engine: decision.code, cedar: verdicts[i - start]! })
    }
    if ((end / chunk) % 10 === 0 || end === count) log(`  ${label}: Cedar ${end}/${count}, ${(end / (Number(cedarNs) / 1e9)).toFixed(0)}/s, disagreements ${end - agreed}`)
  }
  return { encodeMs, requests: count, decisionsPerSec: count / (Number(cedarNs) / 1e9), agreement: count === 0 ? 1 : agreed / count, disagreements }
}

interface ZoneResult {
  zone: string
  compileMs: number
  compiledHeapMb: number
  compiledRssMb: number
  decisionsPerSec: number
  medianDecisionsPerSec: number
  granted: number
  latency: ReturnType<typeof measureLatency>
  cedar: CedarResult
}

function runZone(site: Site, requests: DecisionRequest[], zone: string, cedarCount: number, full: boolean): ZoneResult {
  const zoned: Site = { ...site, site: { ...site.site, timezone: zone } }
  const { compiled, compileMs, heapMb, rssMb } = measureCompile(zoned)
  log(`${zone}: compiled in ${compileMs.toFixed(0)} ms`)
  const throughput = measureThroughput(compiled, requests, full ? 5 : 2)
  log(`${zone}: ${Math.round(throughput.best)} decisions/s`)
  const latency = measureLatency(compiled, requests, full ? 200_000 : 50_000)
  const cedar = measureCedar(zoned, compiled, requests, cedarCount, zone)
  return {
    zone, compileMs, compiledHeapMb: heapMb, compiledRssMb: rssMb, decisionsPerSec: throughput.best,
    medianDecisionsPerSec: throughput.median, granted: throughput.granted, latency, cedar
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`
  return [line(rows[0]!), `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|')}|`, ...rows.slice(1).map(line)].join('\n')
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

function cedarCells(r: ZoneResult): string[] {
  const { requests, decisionsPerSec, agreement } = r.cedar
  if (requests === 0) return ['0', '—', '—', '—']
  const differ = requests - Math.round(agreement * requests)
  return [fmt(requests), fmt(decisionsPerSec), `${fmt(r.decisionsPerSec / decisionsPerSec)}x`, `${(agreement * 100).toFixed(3)}% (${differ} differ)`]
}

function report(options: Options, results: ZoneResult[], mix: Record<string, number>, siteCounts: Record<string, number>): void {
  const rows = [['zone', 'compile ms', 'decisions/s', 'p50 ns', 'p99 ns', 'heap MB', 'Cedar req', 'Cedar/s', 'ratio', 'agreement']]
  for (const r of results) {
    rows.push([
      r.zone, r.compileMs.toFixed(0), fmt(r.decisionsPerSec), fmt(r.latency.p50Ns), fmt(r.latency.p99Ns), r.compiledHeapMb.toFixed(1),
      ...cedarCells(r)
    ])
  }
  const total = Object.values(mix).reduce((a, b) => a + b, 0)
  console.log(`Decision engine benchmark — ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`)
  console.log(`site: ${Object.entries(siteCounts).map(([k, v]) => `${fmt(v)} ${k}`).join(', ')}; ${fmt(options.requests)} requests, seed ${options.seed}\n`)
  console.log(table(rows))
  console.log(`\nthe same site under each zone; Cedar decided all requests in the first zone, at most 20,000 in the others`)
  console.log(`latency: ${results[0]?.latency.samples ?? 0} decisions timed one by one; ${results[0]?.latency.timerNs ?? 0} ns per hrtime.bigint pair subtracted`)
  console.log(`heap MB: what the compiled site adds to the heap (after GC); process RSS after compiling: ${results[0]?.compiledRssMb.toFixed(0)} MB (site, requests and compiled site)\n`)
  console.log(table([['code', 'requests', 'share'], ...Object.entries(mix).sort((a, b) => b[1] - a[1]).map(([c, n]) => [c, fmt(n), `${((n / total) * 100).toFixed(1)}%`])]))
  for (const r of results) for (const d of r.cedar.disagreements) console.log(`DISAGREEMENT ${r.zone}: engine ${d.engine}, Cedar ${d.cedar ? 'allow' : 'deny'}: ${JSON.stringify(d.request)}`)
}

function main(): void {
  const options = parseArgs(process.argv.slice(2))
  const [mainZone, ...otherZones] = options.zones
  if (!mainZone) throw new Error('--zones needs at least one zone')
  const { site, requests } = generate(options, mainZone)
  const results = [runZone(site, requests, mainZone, options.cedarRequests, true)]
  for (const zone of otherZones) results.push(runZone(site, requests, zone, Math.min(options.cedarRequests, 20_000), false))
  const mix = codeMix(compileSite(site), requests)
  const siteCounts = { people: site.people.length, credentials: site.credentials.length, doors: site.doors.length, groups: site.groups.length, schedules: site.schedules.length }
  report(options, results, mix, siteCounts)
  mkdirSync('bench-results', { recursive: true })
  const machine = { cpu: cpus()[0]?.model, cores: cpus().length, memoryGb: Math.round(totalmem() / 1e9), node: process.version }
  writeFileSync('bench-results/decision.json', `${JSON.stringify({ date: new Date().toISOString(), machine, options, site: siteCounts, results, mix }, null, 2)}\n`)
  log('wrote bench-results/decision.json')
}

main()
