/**
 * BLE pipeline benchmark: 500 simulated advertisers at 10 Hz (~5,000 adverts/s) through noble's real
 * core (virtual RF site bindings), the advertiser table, batching and the contract's event hub, with
 * every event serialised as a transport would. Goal: ≤ 25% of one core in main, flat memory.
 * Then the same load with the Survey page open in Debian's Chromium over the browser host: frames per second.
 *
 *   npx tsx scripts/bench-ble.ts [--seconds 60] [--minutes 30] [--no-renderer]
 *
 * Prints tables and writes bench-results/ble.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { contract } from '../src/shared/contract'
import { EventHub } from '../src/main/contract/eventHub'
import { simulatedRadio } from '../src/main/hardware/ble/radios'
import { virtualReaders } from '../src/main/hardware/ble/virtualReaders'
import { VirtualRadioBindings } from '../src/main/hardware/ble/virtualBindings'
import { virtualRfSite } from '../src/main/hardware/ble/virtualSite'
import { silentLogger } from '../src/main/logger'
import { demoSitePath } from '../src/main/paths'
import { BleService, type RadioFactory } from '../src/main/services/bleService'
import { createServices } from '../src/main/services'
import { loadSiteFile } from '../src/main/services/siteService'
import { nodeSettingsStore } from '../src/main/settings/settingsStore'
import { defaultSettings } from '../src/shared/domain/settings'
import { startBrowserHost } from '../src/main/host/browserHost'
import { rendererDir } from '../src/main/host/run'
import { launchChromium } from '../test/helpers/chromium'

const CROWD = 500
/**
 * 75 ms + the 0–10 ms advDelay (mean 5) = 12.5 events/s each, 6,250/s in all: about a fifth is lost in the
 * virtual building (walls, sensitivity, 2% collisions), so ~5,000 adverts/s reach noble.
 */
const CROWD_INTERVAL_MS = 75
const { values } = parseArgs({ options: { seconds: { type: 'string' }, minutes: { type: 'string' }, 'no-renderer': { type: 'boolean' } } })
const SECONDS = values.minutes ? Number(values.minutes) * 60 : Number(values.seconds ?? 60)
const SAMPLE_EVERY_S = Math.max(5, Math.round(SECONDS / 12))

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10
const pct = (cpuMicros: number, wallMs: number) => Math.round((cpuMicros / 1000 / wallMs) * 1000) / 10

const readers = virtualReaders(await loadSiteFile(demoSitePath()))
const radios: RadioFactory = {
  real: () => {
    throw new Error('the benchmark uses the virtual RF site only')
  },
  simulated: (list) => simulatedRadio(list, { crowd: CROWD, crowdIntervalMs: CROWD_INTERVAL_MS })
}

/** What the virtual radio alone costs (no noble, no pipeline): subtracted to show the pipeline's share. */
function radioOnlyCpu(seconds: number): { adverts_per_s: number; cpu_pct: number } {
  const bindings = new VirtualRadioBindings(virtualRfSite(readers, { crowd: CROWD, crowdIntervalMs: CROWD_INTERVAL_MS }))
  let count = 0
  bindings.on('discover', () => count++)
  bindings.startScanning([], true)
  bindings.stop()
  const start = process.cpuUsage()
  const t0 = Date.now()
  for (let t = t0; t < t0 + seconds * 1000; t += 25) bindings.deliver(t)
  const cpu = process.cpuUsage(start)
  return { adverts_per_s: Math.round(count / seconds), cpu_pct: pct(cpu.user + cpu.system, seconds * 1000) }
}

async function pipeline(seconds: number) {
  const hub = new EventHub(contract, silentLogger)
  let bytes = 0
  let events = 0
  hub.forwardAll((channel, payload) => {
    bytes += JSON.stringify({ channel, payload }).length
    events++
  })
  const ble = new BleService({ readers: () => readers, settings: defaultSettings, adapterPresent: () => false, hub, log: silentLogger, radios })
  await ble.startScan({ simulate: true })
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const memory: { t_s: number; rss_MB: number; heap_MB: number; adverts: number }[] = []
  const adverts0 = ble.advertsReceived
  const cpu0 = process.cpuUsage()
  const t0 = Date.now()
  while (Date.now() - t0 < seconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_S * 1000))
    const m = process.memoryUsage()
    memory.push({ t_s: Math.round((Date.now() - t0) / 1000), rss_MB: mb(m.rss), heap_MB: mb(m.heapUsed), adverts: ble.advertsReceived - adverts0 })
  }
  const wall = Date.now() - t0
  const cpu = process.cpuUsage(cpu0)
  await ble.stopScan()
  return {
    adverts_per_s: Math.round(((ble.advertsReceived - adverts0) / wall) * 1000),
    cpu_pct_of_one_core: pct(cpu.user + cpu.system, wall),
    events_per_s: Math.round((events / wall) * 1000),
    event_KB_per_s: Math.round(bytes / wall),
    memory
  }
}

/** Counts animation frames in the page; a string, so no bundler helper leaks into the page. */
const FPS_SCRIPT = `new Promise((resolve) => {
  let frames = 0, worst = 0, last = performance.now()
  const end = last + MS
  const tick = (now) => { frames++; worst = Math.max(worst, now - last); last = now; if (now < end) requestAnimationFrame(tick); else resolve({ frames, worst_ms: Math.round(worst) }) }
  requestAnimationFrame(tick)
})`

/** The Survey page in Chromium over the browser host while main scans 500 advertisers: fps and main's CPU. */
async function renderer(seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'lintel-bench-ble-'))
  const services = await createServices({ runtime: 'test', userDataDir: dir, settings: await nodeSettingsStore(dir, silentLogger), log: silentLogger, probe: { bleAdapter: () => false, pcscd: () => false }, radios })
  const host = await startBrowserHost({ services, staticDir: rendererDir() })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } })
    await page.goto(`${host.url}#/survey`)
    await page.getByRole('button', { name: 'Start scan' }).waitFor()
    const idle = (await page.evaluate(FPS_SCRIPT.replace('MS', '5000'))) as { frames: number }
    await page.getByRole('button', { name: 'Start scan' }).click()
    await page.getByRole('button', { name: 'Stop scan' }).waitFor()
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const cpu0 = process.cpuUsage()
    const t0 = Date.now()
    const fps = (await page.evaluate(FPS_SCRIPT.replace('MS', String(seconds * 1000)))) as { frames: number; worst_ms: number }
    const cpu = process.cpuUsage(cpu0)
    const rows = await page.getByRole('table', { name: /^Advertisers heard/ }).locator('tbody tr').count()
    return { fps_idle_page: Math.round((idle.frames / 5) * 10) / 10, fps: Math.round((fps.frames / seconds) * 10) / 10, worst_frame_ms: fps.worst_ms, table_rows: rows, main_cpu_pct_with_transport: pct(cpu.user + cpu.system, Date.now() - t0) }
  } finally {
    await browser.close()
    await host.close()
    await services.ble.stopScan()
    rmSync(dir, { recursive: true, force: true })
  }
}

const radioOnly = radioOnlyCpu(10)
const run = await pipeline(SECONDS)
const rss = run.memory.map((m) => m.rss_MB)
const summary = {
  advertisers: CROWD + readers.length,
  transmitted_per_s: Math.round(CROWD * (1000 / (CROWD_INTERVAL_MS + 5))),
  seconds: SECONDS,
  adverts_per_s: run.adverts_per_s,
  main_cpu_pct_of_one_core: run.cpu_pct_of_one_core,
  of_which_virtual_radio_pct: radioOnly.cpu_pct,
  noble_pipeline_contract_pct: Math.round((run.cpu_pct_of_one_core - radioOnly.cpu_pct) * 10) / 10,
  goal_pct: 25,
  events_per_s: run.events_per_s,
  event_KB_per_s: run.event_KB_per_s,
  rss_first_MB: rss[0],
  rss_last_MB: rss.at(-1),
  rss_max_MB: Math.max(...rss)
}
console.table(Object.entries(summary).map(([figure, value]) => ({ figure, value })))
console.table(run.memory)
const ui = values['no-renderer'] ? null : await renderer(15)
if (ui) console.table(Object.entries(ui).map(([figure, value]) => ({ figure, value })))
const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, platform: process.platform }
mkdirSync('bench-results', { recursive: true })
writeFileSync('bench-results/ble.json', `${JSON.stringify({ machine, summary, memory: run.memory, renderer: ui, at: new Date().toISOString() }, null, 2)}\n`)
process.exit(0)
