/**
 * Import benchmark: `npm run bench:import [-- --rows N --stream-rows N]`.
 * Generates files in a temporary folder and imports each into a new database through the same
 * code as `lintel import` (decodeText + importPeople, or readWorkbook + importSheetRows), each case
 * in its own child process so its peak RSS is its own. Cases: the same `rows` (default 100k) as
 * UTF-8 CSV, Windows-1252 `;` CSV, UTF-16 tab-separated text and XLSX; then `stream-rows` (default
 * 1M) of CSV with RSS samples to show memory stays flat; then csv-parse against Lintel's CsvParser
 * on the 100k-row text (parse only). Each row is a person with a phone credential and a PIN.
 */
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { parse as csvParseSync } from 'csv-parse/sync'
import { parseCsv } from '../src/shared/csv/parse'
import { importPeople, importSheetRows, type ImportReport } from '../src/main/provisioning/importPeople'
import { decodeText, fileBytes } from '../src/main/provisioning/textSource'
import { readWorkbook } from '../src/main/provisioning/xlsxSource'
import { Store } from '../src/main/store/store'
import { peopleCsv, peopleCsvChunks } from '../test/fixtures/csv/peopleCsv'

const CASES = ['utf8', 'cp1252', 'utf16', 'xlsx', 'stream'] as const
type Case = (typeof CASES)[number]
interface Result {
  ms: number
  cpuMs: number
  bytes: number
  peakRss: number
  samples?: { rows: number; rss: number }[]
}

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number`)
  return n
}
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10
const log = (message: string): void => void process.stderr.write(`${message}\n`)
// A non-ASCII name, so the Windows-1252 file really is Windows-1252 (ASCII would be read as UTF-8).
const localised = (text: string): string => text.replaceAll('Chloe', 'Chloë')

async function writeChunks(path: string, chunks: Iterable<string>, encode: (text: string) => Buffer): Promise<void> {
  const out = createWriteStream(path)
  for (const chunk of chunks) if (!out.write(encode(chunk))) await once(out, 'drain')
  out.end()
  await once(out, 'finish')
}

/** Writes the case's file: the same rows in each dialect, or as a workbook. */
async function writeFile(dir: string, kind: Case, rows: number): Promise<string> {
  const chunks = (): Generator<string> => (function* () {
    for (const chunk of peopleCsvChunks(rows)) yield localised(chunk)
  })()
  if (kind === 'xlsx') return writeWorkbook(join(dir, 'people.xlsx'), chunks())
  const path = join(dir, `people-${kind}.csv`)
  if (kind === 'cp1252') await writeChunks(path, chunks(), (t) => iconv.encode(t.replaceAll(',', ';'), 'windows-1252'))
  else if (kind === 'utf16') await writeChunks(path, (function* () {
    yield '\uFEFF'
    yield* chunks()
  })(), (t) => iconv.encode(t.replaceAll(',', '\t'), 'utf-16le'))
  else await writeChunks(path, chunks(), (t) => Buffer.from(t))
  return path
}

async function writeWorkbook(path: string, chunks: Iterable<string>): Promise<string> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false })
  const sheet = book.addWorksheet('People')
  for (const chunk of chunks) for (const record of parseCsv(chunk)) sheet.addRow(record.fields).commit()
  sheet.commit()
  await book.commit()
  return path
}

/** One case in this process: import its file into a new database, timed. */
async function runCase(kind: Case, rows: number, path: string, dir: string): Promise<Result> {
  const store = Store.open(join(dir, `import-${kind}.db`), { kind: 'standard', name: 'Benchmark', timezone: 'UTC' })
  const samples: { rows: number; rss: number }[] = []
  let next = Math.ceil(rows / 10)
  const onProgress = (p: { rows: number }): void => {
    if (kind !== 'stream' || p.rows < next) return
    samples.push({ rows: p.rows, rss: process.memoryUsage().rss })
    next += Math.ceil(rows / 10)
  }
  const cpu = process.cpuUsage()
  const started = performance.now()
  let report: ImportReport
  if (kind === 'xlsx') report = await importSheetRows(store, (await readWorkbook(path)).batches, { onProgress })
  else report = await importPeople(store, (await decodeText(fileBytes(path), path)).chunks, { onProgress })
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  store.close()
  if (report.imported !== rows) throw new Error(`${kind}: expected ${rows} imported, got ${report.imported} (${report.rejected[0]?.message ?? ''})`)
  return { ms, cpuMs: (used.user + used.system) / 1000, bytes: statSync(path).size, peakRss: process.resourceUsage().maxRSS * 1024, samples }
}

/** Runs a case in a child process (its own peak RSS) and reads its result. */
function childCase(kind: Case, rows: number, dir: string): Result {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', kind, '--rows', String(rows), '--dir', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 })
  if (child.status !== 0) throw new Error(`case ${kind} failed (exit ${String(child.status)})`)
  return JSON.parse(child.stdout) as Result
}

/** csv-parse against CsvParser on the same text: best of 3 runs each, parse only. */
function parsers(rows: number): { ours: number; csvParse: number; csvParseInfo: number } {
  const text = localised(peopleCsv(rows))
  const best = (work: () => unknown): number => {
    let fastest = Number.POSITIVE_INFINITY
    for (let i = 0; i < 3; i++) {
      const started = performance.now()
      work()
      fastest = Math.min(fastest, performance.now() - started)
    }
    return fastest
  }
  return {
    ours: best(() => parseCsv(text)),
    csvParse: best(() => csvParseSync(text, { relax_column_count: true })),
    // info: true gives each record's line, which the import report needs.
    csvParseInfo: best(() => csvParseSync(text, { relax_column_count: true, info: true }))
  }
}

async function child(): Promise<void> {
  const i = process.argv.indexOf('--case')
  const kind = process.argv[i + 1] as Case
  const dir = process.argv[process.argv.indexOf('--dir') + 1] ?? tmpdir()
  const rows = arg('rows', 100_000)
  const path = await writeFile(dir, kind, rows)
  process.stdout.write(JSON.stringify(await runCase(kind, rows, path, dir)))
}

function row(label: string, rows: number, r: Result, budget: string): string {
  return `| ${label} | ${rows.toLocaleString('en')} | ${mb(r.bytes)} | ${(r.ms / 1000).toFixed(2)} | ${(r.cpuMs / 1000).toFixed(2)} | ${Math.round(rows / (r.ms / 1000)).toLocaleString('en')} | ${mb(r.peakRss)} | ${budget} |`
}

async function main(): Promise<void> {
  const rows = arg('rows', 100_000)
  const streamRows = arg('stream-rows', 1_000_000)
  const dir = mkdtempSync(join(tmpdir(), 'lintel-bench-import-'))
  try {
    const results = {} as Record<Case, Result>
    for (const kind of CASES) {
      log(`${kind}: importing ${(kind === 'stream' ? streamRows : rows).toLocaleString('en')} rows…`)
      results[kind] = childCase(kind, kind === 'stream' ? streamRows : rows, dir)
    }
    log('parsers: csv-parse against CsvParser…')
    const parse = parsers(rows)
    const machine = `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
    const ratio = (kind: Case): string => `${Math.round((results[kind].ms / results.utf8.ms - 1) * 100)}% vs UTF-8`
    const table = [
      `Import benchmark (${machine})`,
      '',
      '| file | rows | file MB | time s | CPU s | rows/s | peak RSS MB | budget |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      row('UTF-8 CSV `,`', rows, results.utf8, '≤ 2 s'),
      row('Windows-1252 CSV `;`', rows, results.cp1252, `within 20% of UTF-8 (${ratio('cp1252')})`),
      row('UTF-16 LE text, tab', rows, results.utf16, `within 20% of UTF-8 (${ratio('utf16')})`),
      row('XLSX', rows, results.xlsx, '≤ 5 s, ≤ 400 MB'),
      row('UTF-8 CSV `,`', streamRows, results.stream, 'flat memory'),
      '',
      `RSS while streaming ${streamRows.toLocaleString('en')} rows (MB): ${(results.stream.samples ?? []).map((s) => `${(s.rows / 1000).toFixed(0)}k ${mb(s.rss)}`).join(' · ')}`,
      '',
      `Parse only, ${rows.toLocaleString('en')} rows (best of 3): CsvParser ${parse.ours.toFixed(0)} ms · csv-parse ${parse.csvParse.toFixed(0)} ms · csv-parse with line info ${parse.csvParseInfo.toFixed(0)} ms`
    ]
    process.stdout.write(`${table.join('\n')}\n`)
    mkdirSync('bench-results', { recursive: true })
    writeFileSync('bench-results/import.json', JSON.stringify({ machine, rows, streamRows, results, parse }, null, 2))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await (process.argv.includes('--case') ? child() : main())
