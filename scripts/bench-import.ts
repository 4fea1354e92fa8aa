/**
 * Import benchmark: `npm run bench:import [-- --rows N --stream-rows N]`.
 * Writes generated CSV files to a temporary folder, imports them into new databases through the
 * same code as `lintel import`, and prints a table: time and peak RSS for `rows` (default 100k),
 * then RSS samples while streaming `stream-rows` (default 1M) to show memory stays flat.
 * Each row is a person with a phone credential and a PIN: three records and three outbox operations.
 */
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { importPeople } from '../src/main/provisioning/importPeople'
import { Store } from '../src/main/store/store'
import { peopleCsvChunks } from '../test/fixtures/csv/peopleCsv'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number`)
  return n
}
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10
const log = (message: string): void => void process.stderr.write(`${message}\n`)

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path)
  for (const chunk of peopleCsvChunks(rows)) if (!out.write(chunk)) await once(out, 'drain')
  out.end()
  await once(out, 'finish')
}

async function* fileChunks(path: string): AsyncGenerator<string> {
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) yield chunk as string
}

async function timedImport(dir: string, rows: number, onRows?: (rows: number) => void) {
  const csv = join(dir, `people-${rows}.csv`)
  await writeCsv(csv, rows)
  const store = Store.open(join(dir, `import-${rows}.db`), { kind: 'standard', name: 'Benchmark' })
  const rssBefore = process.memoryUsage().rss
  const cpu = process.cpuUsage()
  const started = performance.now()
  const report = await importPeople(store, fileChunks(csv), { onProgress: (p) => onRows?.(p.rows) })
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  store.close()
  if (report.imported !== rows) throw new Error(`expected ${rows} imported, got ${report.imported} (${report.rejected[0]?.message ?? ''})`)
  return { ms, cpuMs: (used.user + used.system) / 1000, bytes: statSync(csv).size, rssBefore, peakRss: process.resourceUsage().maxRSS * 1024 }
}

async function main(): Promise<void> {
  const rows = arg('rows', 100_000)
  const streamRows = arg('stream-rows', 1_000_000)
  const dir = mkdtempSync(join(tmpdir(), 'lintel-bench-import-'))
  try {
    log(`importing ${rows} rows…`)
    const small = await timedImport(dir, rows)
    log(`streaming ${streamRows} rows…`)
    const samples: { rows: number; rss: number }[] = []
    const every = Math.ceil(streamRows / 10)
    let next = every
    const big = await timedImport(dir, streamRows, (n) => {
      if (n < next && n !== streamRows) return
      samples.push({ rows: n, rss: process.memoryUsage().rss })
      next += every
    })
    const machine = `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
    const table = [
      `Import benchmark (${machine})`,
      '',
      '| rows | file MB | time s | CPU s | rows/s | peak RSS MB | budget |',
      '|---:|---:|---:|---:|---:|---:|---|',
      `| ${rows.toLocaleString('en')} | ${mb(small.bytes)} | ${(small.ms / 1000).toFixed(2)} | ${(small.cpuMs / 1000).toFixed(2)} | ${Math.round(rows / (small.ms / 1000)).toLocaleString('en')} | ${mb(small.peakRss)} | ≤ 2 s, ≤ 300 MB |`,
      `| ${streamRows.toLocaleString('en')} | ${mb(big.bytes)} | ${(big.ms / 1000).toFixed(2)} | ${(big.cpuMs / 1000).toFixed(2)} | ${Math.round(streamRows / (big.ms / 1000)).toLocaleString('en')} | ${mb(big.peakRss)} | flat memory |`,
      '',
      `RSS while streaming ${streamRows.toLocaleString('en')} rows (MB): ${samples.map((s) => `${(s.rows / 1000).toFixed(0)}k ${mb(s.rss)}`).join(' · ')}`
    ]
    process.stdout.write(`${table.join('\n')}\n`)
    mkdirSync('bench-results', { recursive: true })
    writeFileSync('bench-results/import.json', JSON.stringify({ machine, rows, small, streamRows, big, samples }, null, 2))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
