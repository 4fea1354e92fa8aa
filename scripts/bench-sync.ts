/**
 * Sync benchmark: `npm run bench:sync [-- --people N --latency MS --pull-people N --pull-credentials N --pull-doors N --pull-events N]`.
 * Push: imports `people` people with a phone credential and a PIN each, then syncs them to the
 * DoorFlow-compatible fixture server answering after `latency` ms (default 20), once with
 * concurrency 4 and once sequentially. One create is one POST. Prints the two side by side.
 * Pull: a first pull of an account of 10k people, 30k credentials, 50 doors and 50k events into a
 * new database, then an incremental pull with nothing new. Prints both with the records pulled.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../src/main/logger'
import { importPeople } from '../src/main/provisioning/importPeople'
import { Store } from '../src/main/store/store'
import { syncOutbox } from '../src/main/sync/syncOutbox'
import { peopleCsvChunks } from '../test/fixtures/csv/peopleCsv'
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number`)
  return n
}

interface Fixture {
  url: string
  token: string
  stats: string
  child: ChildProcess
}

/** The fixture in its own process, as a remote server would be: it does not share the client's event loop. `--no-validate`: its openapi.yaml checks (tests only) would weigh on the figure. */
async function startFixture(latencyMs: number, account?: PullSize): Promise<Fixture> {
  const extra = account ? ['--account', JSON.stringify(account)] : []
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'test', 'fixtures', 'doorflow', 'serve.ts'), '--latency', String(latencyMs), '--no-validate', ...extra], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  for await (const line of lines) return { ...(JSON.parse(line) as Omit<Fixture, 'child'>), child }
  throw new Error('the fixture server did not start')
}

async function run(dir: string, people: number, latencyMs: number, concurrency: number) {
  const server = await startFixture(latencyMs)
  const store = Store.open(join(dir, `sync-${concurrency}.db`), { kind: 'standard', name: 'Benchmark' })
  try {
    await importPeople(store, (async function* () {
      yield* peopleCsvChunks(people)
    })())
    const started = performance.now()
    const report = await syncOutbox(store, { baseUrl: server.url, tokens: { access_token: server.token }, concurrency, pull: false, log: silentLogger })
    const seconds = (performance.now() - started) / 1000
    const stats = (await (await fetch(server.stats)).json()) as { creates: number }
    if (report.failed.length || stats.creates !== people * 3) throw new Error(`sync left ${report.failed.length} open, ${stats.creates} creates`)
    return { creates: stats.creates, seconds, perSecond: stats.creates / seconds }
  } finally {
    store.close()
    server.child.kill('SIGTERM')
  }
}

interface PullSize {
  people: number
  credentials: number
  doors: number
  events: number
}

/** A first pull of the whole account into a new database, then a pull with nothing new. */
async function pull(dir: string, size: PullSize, latencyMs: number) {
  const server = await startFixture(latencyMs, size)
  const store = Store.open(join(dir, 'pull.db'), { kind: 'standard', name: 'Benchmark' })
  try {
    const timed = async () => {
      const started = performance.now()
      const report = await syncOutbox(store, { baseUrl: server.url, tokens: { access_token: server.token }, log: silentLogger })
      const pulled = report.pulled
      if (!pulled || pulled.warnings.length) throw new Error(`pull warnings: ${pulled?.warnings.join('; ')}`)
      return { seconds: (performance.now() - started) / 1000, pulled }
    }
    const first = await timed()
    const site = store.snapshot()
    if (site.people.length !== size.people || site.doors.length !== size.doors) throw new Error(`first pull: ${site.people.length} people, ${site.doors.length} doors`)
    const again = await timed()
    const requests = ((await (await fetch(server.stats)).json()) as { requests: number }).requests
    return { first, again, requests }
  } finally {
    store.close()
    server.child.kill('SIGTERM')
  }
}

async function main(): Promise<void> {
  const people = arg('people', 300)
  const latency = arg('latency', 20)
  const dir = mkdtempSync(join(tmpdir(), 'lintel-bench-sync-'))
  try {
    process.stderr.write(`syncing ${people * 3} creates at ${latency} ms latency…\n`)
    const parallel = await run(dir, people, latency, 4)
    const sequential = await run(dir, people, latency, 1)
    const row = (name: string, r: typeof parallel) => `| ${name} | ${r.creates} | ${r.seconds.toFixed(2)} | ${r.perSecond.toFixed(0)} |`
    process.stdout.write(
      [
        `Sync benchmark: ${latency} ms server latency, fixture in its own process on 127.0.0.1 (${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version})`,
        '',
        '| client | creates (POSTs) | time s | creates/s |',
        '|---|---:|---:|---:|',
        row('concurrency 4', parallel),
        row('sequential', sequential),
        '',
        `Budget: ≥ 150 creates/s at concurrency 4. Speed-up over sequential: ${(parallel.perSecond / sequential.perSecond).toFixed(1)}×`
      ].join('\n') + '\n'
    )
    const size = { people: arg('pull-people', 10_000), credentials: arg('pull-credentials', 30_000), doors: arg('pull-doors', 50), events: arg('pull-events', 50_000) }
    process.stderr.write(`pulling ${size.people} people, ${size.credentials} credentials, ${size.doors} doors, ${size.events} events at ${latency} ms latency…\n`)
    const pulled = await pull(dir, size, latency)
    const line = (name: string, r: typeof pulled.first, budget: string) =>
      `| ${name} | ${r.pulled.people} | ${r.pulled.credentials} | ${r.pulled.doors} | ${r.pulled.events} | ${r.seconds.toFixed(2)} | ${budget} |`
    process.stdout.write(
      [
        '',
        `Pull benchmark: ${latency} ms server latency, fixture in its own process (${pulled.requests} API requests in all)`,
        '',
        '| pull | people | credentials | doors | events | time s | budget s |',
        '|---|---:|---:|---:|---:|---:|---:|',
        line('first (new database)', pulled.first, '≤ 30'),
        line('incremental, nothing new', pulled.again, '≤ 2')
      ].join('\n') + '\n'
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
