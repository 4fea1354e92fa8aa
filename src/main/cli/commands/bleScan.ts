import type { Advert } from '../../../shared/domain/ble'
import { eventChannel } from '../../../shared/contract/define'
import type { BleStatus } from '../../../shared/domain/hardware'
import type { Services } from '../../services'
import type { CliCommand } from '../command'
import { stringOption } from '../args'
import { UsageError, type CliIo } from '../io'
import { SITE_OPTION_HELP, SITE_OPTIONS, withServices } from '../services'

const FLUSH_LINES = 2048

export const bleScanCommand: CliCommand = {
  name: 'ble scan',
  summary: 'Scan for BLE advertisers (JSONL of every advert with --json)',
  usage: '[--seconds N] [--simulate [--db <path> | --site <file>]]',
  options: { seconds: { type: 'string' }, simulate: { type: 'boolean' }, ...SITE_OPTIONS },
  details: [
    '--seconds N   how long to scan (default 10; Ctrl-C stops early and still prints the summary)',
    "--simulate    scan the virtual RF site of the site's doors instead of the Bluetooth adapter",
    ...SITE_OPTION_HELP,
    'The adapter is the one chosen in settings (bleAdapter: default, or an HCI UART dongle).',
    '--json prints one advert per line {t, address, name, rssi, txPower, serviceUuids, manufacturerData},',
    'then one {"summary": …} line. Exit 1 when the adapter cannot scan (the message says what to do).'
  ],
  async run(values, _positionals, io) {
    const seconds = secondsOption(stringOption(values, 'seconds'))
    const simulate = values.simulate === true
    const result = await withServices(values, io, (services) => scanFor(services, simulate, seconds, io))
    if (io.json) io.out(JSON.stringify({ summary: result.summary }))
    else io.out(describeScan(result))
  }
}

function secondsOption(raw: string | undefined): number {
  if (raw === undefined) return 10
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0 || n > 86_400) throw new UsageError(`--seconds ${raw}: expected a number of seconds from 0.1 to 86400`)
  return n
}

interface AdvertiserTally {
  address: string
  name: string | null
  count: number
  rssi: number[]
  txPower: number | null
  manufacturerData: string | null
}

interface ScanResult {
  summary: { seconds: number; adverts: number; advertisers: number; simulated: boolean; adapter: string }
  tallies: AdvertiserTally[]
}

/** Scans through the app's BLE service: the virtual RF site, or the adapter chosen in settings. */
async function scanFor(services: Services, simulate: boolean, seconds: number, io: CliIo): Promise<ScanResult> {
  const { ble, hub } = services
  const tallies = new Map<string, AdvertiserTally>()
  let lines: string[] = []
  let adverts = 0
  const flush = (): void => {
    if (lines.length) io.out(lines.join('\n'))
    lines = []
  }
  const started = Date.now()
  let state: string | undefined
  const stopStates = hub.subscribe(eventChannel('ble', 'status'), (payload) => {
    const status = payload as BleStatus
    if (status.mode === 'real' && status.state !== state) io.err(`lintel ble scan: adapter ${(state = status.state)}`)
  })
  const stopAdverts = ble.onAdvert((advert) => {
    adverts++
    tally(tallies, advert)
    if (io.json) lines.push(JSON.stringify(advert))
    if (lines.length >= FLUSH_LINES) flush()
  })
  try {
    const scan = await ble.startScan(simulate ? { simulate: true } : { adapter: true })
    const device = ble.device()
    if (!io.json) io.err(`Scanning ${device.label} for ${seconds} s…`)
    const flusher = setInterval(flush, 200)
    await untilDoneOrInterrupted(seconds * 1000)
    clearInterval(flusher)
    await ble.stopScan()
    flush()
    const elapsed = Math.round((Date.now() - started) / 100) / 10
    return { summary: { seconds: elapsed, adverts, advertisers: tallies.size, simulated: scan.simulated, adapter: device.label }, tallies: [...tallies.values()] }
  } finally {
    stopAdverts()
    stopStates()
  }
}

function tally(tallies: Map<string, AdvertiserTally>, advert: Advert): void {
  let t = tallies.get(advert.address)
  if (!t) tallies.set(advert.address, (t = { address: advert.address, name: null, count: 0, rssi: [], txPower: null, manufacturerData: null }))
  t.count++
  if (t.rssi.length < 10_000) t.rssi.push(advert.rssi)
  t.name = advert.name ?? t.name
  t.txPower = advert.txPower ?? t.txPower
  t.manufacturerData = advert.manufacturerData ?? t.manufacturerData
}

/** Resolves after `ms`, or at the first Ctrl-C / SIGTERM (registered after noble's own handlers, so ours runs last). */
function untilDoneOrInterrupted(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      process.removeListener('SIGINT', done)
      process.removeListener('SIGTERM', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })
}

function describeScan({ summary, tallies }: ScanResult): string {
  const rows = tallies
    .map((t) => ({ ...t, median: median(t.rssi) }))
    .sort((a, b) => b.median - a.median)
    .map((t) => `${t.address}  ${String(t.median).padStart(4)}  ${String(t.count).padStart(6)}  ${String(t.txPower ?? '').padStart(5)}  ${(t.name ?? '').padEnd(28).slice(0, 28)}  ${t.manufacturerData ?? ''}`)
  const head = `address            RSSI  adverts     TX  name                          manufacturer data`
  const foot = `${summary.adverts} adverts from ${summary.advertisers} advertisers in ${summary.seconds} s (${summary.simulated ? 'SIMULATED: ' : ''}${summary.adapter})`
  return [head, ...rows, foot].join('\n')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1] ?? -127
}
