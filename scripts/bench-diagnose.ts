/**
 * Helpdesk diagnosis benchmark:
 *   npm run bench:diagnose [-- --people N --runs N --events N]
 * Times `diagnose` (every check for one person at one door) on the embedded demo site and on a
 * seeded large site (default 100k people, 3 credentials each, 2k doors), over random
 * person/door/time triples, with N door events (default 1M) in memory bucketed by door and time as
 * the replica's index would serve them: each diagnosis gets its door's 15-minute window. The site is compiled once, as the app does per revision. Prints a
 * table on stdout and writes bench-results/diagnose.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { compileSite } from '../src/shared/decision'
import { diagnose } from '../src/shared/diagnose'
import { SiteSchema, type Site } from '../src/shared/domain/site'
import type { DoorEvent } from '../src/shared/events/model'
import { randomSite } from '../test/shared/decision/support/randomSite'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive whole number`)
  return n
}
const people = arg('people', 100_000)
const runs = arg('runs', 2_000)
const eventCount = arg('events', 1_000_000)

const WINDOW_MS = 15 * 60_000
const BASE = Date.parse('2026-12-07T00:00:00Z')

/** N events over the bench week, per door sorted by time: what an indexed replica query returns. */
function eventsByDoor(site: Site, n: number): Map<DoorEvent['door_id'], { ms: number[]; events: DoorEvent[] }> {
  let seed = 99
  const next = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % k)
  const byDoor = new Map<DoorEvent['door_id'], { ms: number; event: DoorEvent }[]>()
  for (let i = 0; i < n; i++) {
    const door = site.doors[next(site.doors.length)]!
    const person = site.people[next(site.people.length)]!
    const ms = BASE + next(7 * 24 * 60) * 60_000
    const code = next(10) < 8 ? 10 + next(9) : 20 + next(10)
    const list = byDoor.get(door.id) ?? []
    list.push({ ms, event: { code, label: code < 20 ? 'admitted' : 'rejected', person_id: person.id, door_id: door.id, credential_number: null, at: new Date(ms).toISOString() } })
    byDoor.set(door.id, list)
  }
  const sorted = new Map<DoorEvent['door_id'], { ms: number[]; events: DoorEvent[] }>()
  for (const [door, list] of byDoor) {
    list.sort((a, b) => a.ms - b.ms)
    sorted.set(door, { ms: list.map((e) => e.ms), events: list.map((e) => e.event) })
  }
  return sorted
}

/** The door's events in [at − 15 min, at], by binary search (the replica's range scan). */
function windowOf(bucket: { ms: number[]; events: DoorEvent[] } | undefined, at: number): DoorEvent[] {
  if (!bucket) return []
  const lower = (x: number) => {
    let lo = 0
    let hi = bucket.ms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (bucket.ms[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return bucket.events.slice(lower(at - WINDOW_MS), lower(at + 1))
}

interface Row {
  site: string
  people: number
  credentials: number
  compile_ms: number
  /** The first diagnosis on a snapshot also builds its person and value index. */
  first_ms: number
  runs: number
  p50_ms: number
  p95_ms: number
  max_ms: number
  per_second: number
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

function measure(label: string, site: Site, events?: Map<DoorEvent['door_id'], { ms: number[]; events: DoorEvent[] }>): Row {
  let t = performance.now()
  const compiled = compileSite(site)
  const compileMs = performance.now() - t
  let seed = 12345
  const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n)
  const base = BASE
  t = performance.now()
  diagnose(site, compiled, { person: site.people[0]!.id, door_id: site.doors[0]!.id, at: new Date(base).toISOString(), sync: [] })
  const firstMs = performance.now() - t
  const times: number[] = []
  const started = performance.now()
  for (let i = 0; i < runs; i++) {
    const person = site.people[next(site.people.length)]!
    const door = site.doors[next(site.doors.length)]!
    const at = new Date(base + next(7 * 24 * 60) * 60_000).toISOString()
    const atMs = Date.parse(at)
    t = performance.now()
    const evidence = events ? { events: windowOf(events.get(door.id), atMs), status: null, window_minutes: 15 } : undefined
    diagnose(site, compiled, { person: person.id, door_id: door.id, at, platform: i % 2 ? 'ios' : 'android', sync: [], events: evidence })
    times.push(performance.now() - t)
  }
  const total = performance.now() - started
  times.sort((a, b) => a - b)
  const round = (x: number) => Math.round(x * 1000) / 1000
  return {
    site: label,
    people: site.people.length,
    credentials: site.credentials.length,
    compile_ms: Math.round(compileMs),
    first_ms: Math.round(firstMs),
    runs,
    p50_ms: round(quantile(times, 0.5)),
    p95_ms: round(quantile(times, 0.95)),
    max_ms: round(times.at(-1)!),
    per_second: Math.round((runs / total) * 1000)
  }
}

const demo = SiteSchema.parse(JSON.parse(readFileSync(new URL('../resources/demo-site.json', import.meta.url), 'utf8')))
process.stderr.write(`generating a site with ${people} people…\n`)
const large = randomSite({ seed: 7, timezone: 'Europe/London', people, credentialsPerPerson: 3, doors: 2_000, groups: 1_000, schedules: 200, holidays: 10, messy: false })
process.stderr.write(`generating ${eventCount} events…\n`)
const largeEvents = eventsByDoor(large, eventCount)
const rows = [measure('demo', demo), measure(`random ${people}`, large), measure(`random ${people} + ${eventCount} events`, large, largeEvents)]

const header = ['site', 'people', 'credentials', 'compile ms', 'first diagnosis ms', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'diagnoses/s']
const lines = rows.map((r) => [r.site, r.people, r.credentials, r.compile_ms, r.first_ms, r.runs, r.p50_ms, r.p95_ms, r.max_ms, r.per_second].map(String))
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${lines.map((l) => `| ${l.join(' | ')} |`).join('\n')}`)
console.log(`\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`)
mkdirSync('bench-results', { recursive: true })
writeFileSync('bench-results/diagnose.json', JSON.stringify({ at: new Date().toISOString(), rows }, null, 2))
