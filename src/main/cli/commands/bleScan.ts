import type { Advert } from '../../../shared/domain/ble'
import { adapterRadio, simulatedRadio } from '../../hardware/ble/radios'
import type { BleRadio } from '../../hardware/ble/port'
import { virtualReaders } from '../../hardware/ble/virtualReaders'
import { stderrLogger } from '../../logger'
import { demoSitePath, nodeUserDataDir } from '../../paths'
import { loadSiteFile } from '../../services/siteService'
import { nodeSettingsStore } from '../../settings/settingsStore'
import type { CliCommand } from '../command'
import { stringOption } from '../args'
import { UsageError, type CliIo } from '../io'

const FLUSH_LINES = 2048

export const bleScanCommand: CliCommand = {
  name: 'ble scan',
  summary: 'Scan for BLE advertisers (JSONL of every advert with --json)',
  usage: '[--seconds N] [--simulate]',
  options: { seconds: { type: 'string' }, simulate: { type: 'boolean' } },
  details: [
    '--seconds N   how long to scan (default 10; Ctrl-C stops early and still prints the summary)',
    '--simulate    scan the virtual RF site of the demo site instead of the Bluetooth adapter',
    'The adapter is the one chosen in settings (bleAdapter: default, or an HCI UART dongle).',
    '--json prints one advert per line {t, address, name, rssi, txPower, serviceUuids, manufacturerData},',
    'then one {"summary": …} line. Exit 1 when the adapter cannot scan (the message says what to do).'
  ],
  async run(values, _positionals, io) {
    const seconds = secondsOption(stringOption(values, 'seconds'))
    const simulate = values.simulate === true
    const radio = simulate ? simulatedRadio(virtualReaders(await loadSiteFile(demoSitePath()))) : await configuredRadio()
    const result = await scanFor(radio, seconds, io)
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

async function configuredRadio(): Promise<BleRadio> {
  const store = await nodeSettingsStore(nodeUserDataDir(), stderrLogger())
  return adapterRadio(store.read().bleAdapter)
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

async function scanFor(radio: BleRadio, seconds: number, io: CliIo): Promise<ScanResult> {
  const tallies = new Map<string, AdvertiserTally>()
  let lines: string[] = []
  let adverts = 0
  const flush = (): void => {
    if (lines.length) io.out(lines.join('\n'))
    lines = []
  }
  const started = Date.now()
  await radio.start({
    state: (state) => io.err(`lintel ble scan: adapter ${state}`),
    advert: (advert) => {
      adverts++
      tally(tallies, advert)
      if (io.json) lines.push(JSON.stringify(advert))
      if (lines.length >= FLUSH_LINES) flush()
    }
  })
  if (!io.json) io.err(`Scanning ${radio.label} for ${seconds} s…`)
  const flusher = setInterval(flush, 200)
  await untilDoneOrInterrupted(seconds * 1000)
  clearInterval(flusher)
  await radio.stop()
  flush()
  const elapsed = Math.round((Date.now() - started) / 100) / 10
  return { summary: { seconds: elapsed, adverts, advertisers: tallies.size, simulated: radio.simulated, adapter: radio.label }, tallies: [...tallies.values()] }
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
