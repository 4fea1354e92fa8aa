/**
 * CLI start-up and throughput, each the median of 10 runs of the real `bin/lintel.js` (built
 * JavaScript), side by side in one run, with the same commands through tsx (how the CLI ran
 * before it was built) as the peer. The PC/SC rows run against Debian's pcscd with the vpcd
 * virtual reader and no card on it.
 *
 * Budgets: info ≤ 300 ms; decide (one) ≤ 400 ms; decide --requests 100k ≥ 100k/s end to end;
 * PC/SC worker ready after fork ≤ 500 ms; nfc read --timeout 2 with no tap ≤ 2.5 s, exit 1.
 * Run: npm run bench:cli [-- --runs 10]
 */
import { spawnSync } from 'node:child_process'
import { fork } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBuilt, root } from './cli-build.mjs'
import { startPcscd } from '../test/fixtures/vpcd/pcscd'
import { quantiles } from './nfcRig'

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10
const home = mkdtempSync(join(tmpdir(), 'lintel-bench-cli-'))
const env = { ...process.env, LINTEL_HOME: home }
const bin = join(root, 'bin', 'lintel.js')
const viaTsx = ['--import', 'tsx', join(root, 'src', 'main', 'cli', 'main.ts')]

interface Timed {
  ms: number
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the command; stdout goes to a file (as a script redirecting it would), so the harness's own reading is not timed. */
function timed(args: string[]): Timed {
  const outPath = join(home, 'stdout')
  const out = openSync(outPath, 'w')
  const started = performance.now()
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', out, 'pipe'] })
  const ms = performance.now() - started
  closeSync(out)
  return { ms, status: result.status, stdout: readFileSync(outPath, 'utf8'), stderr: result.stderr }
}

function median(values: number[]): number {
  return quantiles(values).p50
}

function repeat(args: string[]): { median: number; last: Timed } {
  const times: number[] = []
  let last: Timed | undefined
  for (let i = 0; i < runs; i++) {
    last = timed(args)
    if (last.status !== 0 && last.status !== 1) throw new Error(`${args.join(' ')} exited ${last.status}: ${last.stderr}`)
    times.push(last.ms)
  }
  return { median: median(times), last: last! }
}

/** 100k decision requests over the demo site's doors and credentials, at times across a day. */
function requestsFile(count: number): string {
  const site = JSON.parse(readFileSync(join(root, 'resources', 'demo-site.json'), 'utf8')) as {
    doors: { id: unknown }[]
    credentials: { credential_type_id: unknown; value: string }[]
  }
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    const credential = site.credentials[i % site.credentials.length]!
    const at = new Date(Date.UTC(2026, 10, 2, 6 + (i % 14), i % 60)).toISOString()
    lines.push(JSON.stringify({ door_id: site.doors[i % site.doors.length]!.id, credential_type_id: credential.credential_type_id, value: credential.value, at }))
  }
  const path = join(home, 'requests.jsonl')
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

/** Time from fork to the child's `ready` (nfc-pcsc loaded, PC/SC context open). */
async function workerReady(worker: string): Promise<number> {
  const started = performance.now()
  const child = fork(worker, [], { cwd: root, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'json' })
  const ms = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { type: string }) => (m.type === 'ready' ? resolve(performance.now() - started) : m.type === 'unavailable' ? reject(new Error('nfc-pcsc unavailable')) : undefined))
    child.send({ type: 'configure', aids: [], skip: [] })
  })
  child.kill('SIGKILL')
  await new Promise((resolve) => child.once('exit', resolve))
  return ms
}

type Row = [what: string, budget: string, built: string, tsx: string, verdict: string]

async function main(): Promise<void> {
  const { worker } = await ensureBuilt()
  timed([bin, 'info']) // seeds the data folder's database, once
  const rows: Row[] = []
  const ms = (value: number): string => `${value.toFixed(0)} ms`
  const within = (value: number, limit: number): string => (value <= limit ? 'within' : 'OVER')

  const info = repeat([bin, 'info'])
  const infoTsx = repeat([...viaTsx, 'info'])
  rows.push(['lintel info', '≤ 300 ms', ms(info.median), ms(infoTsx.median), within(info.median, 300)])

  const one = ['decide', '--door', '1', '--credential', '8:HID-0001-C28595', '--at', '2026-11-02T09:00:00Z']
  const decideOne = repeat([bin, ...one])
  const decideOneTsx = repeat([...viaTsx, ...one])
  rows.push(['lintel decide (one request)', '≤ 400 ms', ms(decideOne.median), ms(decideOneTsx.median), within(decideOne.median, 400)])

  const requests = requestsFile(100_000)
  for (const json of [false, true]) {
    const args = ['decide', '--requests', requests, ...(json ? ['--json'] : [])]
    const batch = repeat([bin, ...args])
    const lines = batch.last.stdout.split('\n').filter(Boolean).length
    if (lines !== 100_000) throw new Error(`decide --requests printed ${lines} lines, not 100000`)
    const rate = 100_000 / (batch.median / 1000)
    const tsx = timed([...viaTsx, ...args])
    // Issue 12 budgets the batch as `decide --requests` prints it; --json (111 MB: every check with its sentence) is shown beside it, unbudgeted.
    const verdict = json ? '(no budget)' : rate >= 100_000 ? 'within' : 'OVER'
    rows.push([`decide --requests, 100k lines${json ? ' --json (full checks)' : ''}`, json ? '—' : '≥ 100k/s', `${Math.round(rate / 1000)}k/s (${ms(batch.median)})`, `${Math.round(100_000 / (tsx.ms / 1000) / 1000)}k/s (1 run)`, verdict])
  }

  const pcscd = await startPcscd()
  try {
    const ready: number[] = []
    for (let i = 0; i < runs; i++) ready.push(await workerReady(worker))
    rows.push(['PC/SC worker ready after fork', '≤ 500 ms', ms(median(ready)), '—', within(median(ready), 500)])
    const read = repeat([bin, 'nfc', 'read', '--timeout', '2'])
    if (read.last.status !== 1 || !/No card or phone was presented/.test(read.last.stderr)) throw new Error(`nfc read without a tap: exit ${read.last.status}, ${read.last.stderr}`)
    rows.push(['nfc read --timeout 2, no tap (exit 1)', '≤ 2.5 s', ms(read.median), ms(timed([...viaTsx, 'nfc', 'read', '--timeout', '2']).ms) + ' (1 run)', within(read.median, 2500)])
  } finally {
    await pcscd.stop()
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.versions.node}`
  console.log(`\nCLI start-up and throughput: median of ${runs} runs each (${machine})\n`)
  console.log('| what | budget | built CLI | through tsx (before) | |')
  console.log('|---|---|---|---|---|')
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
  mkdirSync(join(root, 'bench-results'), { recursive: true })
  writeFileSync(join(root, 'bench-results', 'cli.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, command: 'npm run bench:cli', runs, rows }, null, 2)}\n`)
}

try {
  await main()
} finally {
  rmSync(home, { recursive: true, force: true })
}
