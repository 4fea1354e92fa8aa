/**
 * NFC benchmark. Goals: tap-to-verdict overhead inside Lintel ≤ 5 ms p95 (card event → decision handed
 * to the UI transports, PC/SC transport excluded), and ≤ 50 ms p95 end to end on the virtual stack with
 * the TCP_NODELAY shim. Also: the same without the shim, and recovery after pcscd restarts.
 * Run: npm run bench:nfc [-- taps]   Prints a table and writes bench-results/nfc.json.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { commandChannel, eventChannel } from '../src/shared/contract'
import type { TapEvent } from '../src/shared/nfc'
import { silentLogger } from '../src/main/logger'
import { createServices } from '../src/main/services'
import { nodeSettingsStore } from '../src/main/settings/settingsStore'
import { epochMs } from '../src/main/hardware/nfc/workerProtocol'
import { startPcscd, type Pcscd } from '../test/fixtures/vpcd/pcscd'
import { openRealNfc, readerListed, type RealNfc } from '../test/main/hardware/nfc/realStack'
import { cardFor, FARHAN_CARD, quantiles, tapOnce } from './nfcRig'

const TAPS = Number(process.argv[2] ?? 100)
type Row = { what: string; taps: number; p50: number; p95: number; max: number; goal: string }
const rows: Row[] = []

function row(what: string, values: number[], goal = ''): void {
  rows.push({ what, taps: values.length, ...quantiles(values), goal })
}

/** Records, per tap, when the event reached the UI transports (EventHub forwarders). */
function deliveries(nfc: { services: RealNfc['services'] }): Map<number, number> {
  const at = new Map<number, number>()
  nfc.services.hub.forwardAll((channel, payload) => {
    if (channel === eventChannel('nfc', 'tap')) at.set((payload as TapEvent).seq, epochMs())
  })
  return at
}

async function simulated(taps: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lintel-bench-nfc-'))
  const services = await createServices({ runtime: 'test', userDataDir: dir, settings: await nodeSettingsStore(dir, silentLogger), log: silentLogger, probe: { bleAdapter: () => false, pcscd: () => false } })
  const delivered = deliveries({ services })
  services.nfc.startReading(2)
  const overhead: number[] = []
  for (let i = 0; i < taps; i++) {
    const card = i % 2 === 0 ? { kind: 'card' as const, uid: FARHAN_CARD } : { kind: 'phone' as const, aid: 'A0000004400001010001', credential: 'HID-0005-835C99' }
    const result = await services.dispatcher.invoke(commandChannel('nfc', 'simulateTap'), { card })
    if (!result.ok) throw new Error(result.error.message)
    const event = result.value as TapEvent
    overhead.push(delivered.get(event.seq)! - event.timing.card_event_ms - event.timing.transport_ms)
  }
  row('simulated reader, in process: card event → verdict to UI, minus transport', overhead.slice(100), '≤ 5 ms p95')
}

async function virtualStack(pcscd: Pcscd, label: string, taps: number): Promise<void> {
  const nfc = await openRealNfc()
  const delivered = deliveries(nfc)
  nfc.services.nfc.startReading(2)
  await nfc.until(readerListed)
  const overhead: number[] = []
  const cardToVerdict: number[] = []
  const poweredToVerdict: number[] = []
  const transport: number[] = []
  for (let i = 0; i < taps; i++) {
    const { event, poweredAt } = await tapOnce(nfc, cardFor(i))
    if (event.tap.error || !event.decision?.granted) throw new Error(`tap ${i}: ${JSON.stringify(event.tap.error ?? event.decision?.code)}`)
    const at = delivered.get(event.seq)!
    overhead.push(at - event.timing.card_event_ms - event.timing.transport_ms)
    cardToVerdict.push(at - event.timing.card_event_ms)
    poweredToVerdict.push(at - poweredAt)
    transport.push(event.timing.transport_ms)
  }
  await nfc.close()
  row(`${label}: card event → verdict to UI, minus PC/SC transport (IPC included)`, overhead, '≤ 5 ms p95')
  row(`${label}: PC/SC transport per tap (1–2 APDUs)`, transport)
  row(`${label}: card event → verdict to UI`, cardToVerdict, pcscd.nodelay ? '≤ 50 ms p95' : '')
  row(`${label}: card powered by vpcd → verdict to UI`, poweredToVerdict, pcscd.nodelay ? '≤ 50 ms p95' : '')
}

async function recovery(pcscd: Pcscd, times: number): Promise<void> {
  const nfc = await openRealNfc()
  nfc.services.nfc.startReading(2)
  await nfc.until(readerListed)
  const ms: number[] = []
  for (let i = 0; i < times; i++) {
    await pcscd.kill()
    await nfc.until((s) => s.state !== 'ready', 5000).catch((error: Error) => {
      throw new Error(`${error.message}; statuses: ${JSON.stringify(nfc.statuses.slice(-5))}`)
    })
    await pcscd.restart()
    ms.push(await nfc.until(readerListed, 10_000))
  }
  await nfc.close()
  row('pcscd killed and restarted: pcscd back → readers listed again', ms, '≤ 3000 ms')
}

async function main(): Promise<void> {
  await simulated(2000)
  let pcscd = await startPcscd({ nodelay: true })
  try {
    if (!pcscd.nodelay) throw new Error('the TCP_NODELAY shim did not build (is cc installed?)')
    await virtualStack(pcscd, 'pcscd + vpcd, TCP_NODELAY shim', TAPS)
    await recovery(pcscd, 5)
  } finally {
    await pcscd.stop()
  }
  pcscd = await startPcscd({ nodelay: false })
  try {
    await virtualStack(pcscd, 'pcscd + vpcd, no shim', Math.min(20, TAPS))
  } finally {
    await pcscd.stop()
  }
  print()
}

function print(): void {
  const f = (n: number): string => n.toFixed(2)
  console.log(`NFC benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`)
  console.log('| measure | taps | p50 ms | p95 ms | max ms | goal |')
  console.log('|---|---:|---:|---:|---:|---|')
  for (const r of rows) console.log(`| ${r.what} | ${r.taps} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} | ${r.goal} |`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync(join('bench-results', 'nfc.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2))
}

await main()
