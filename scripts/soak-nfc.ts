/**
 * NFC soak: N tap/remove cycles (default 1,000, about 10 minutes at vpcd's ~400 ms polling) through
 * pcscd + vpcd and the real services, alternating a card and an HCE phone. Fails when a tap is lost,
 * duplicated, misread or denied. Run: npm run soak:nfc [-- N]
 */
import { tapStatistics } from '../src/shared/nfc'
import { startPcscd } from '../test/fixtures/vpcd/pcscd'
import { openRealNfc, readerListed } from '../test/main/hardware/nfc/realStack'
import { cardFor, tapOnce } from './nfcRig'

const TAPS = Number(process.argv[2] ?? 1000)

async function main(): Promise<number> {
  const pcscd = await startPcscd()
  const nfc = await openRealNfc()
  const started = Date.now()
  try {
    nfc.services.nfc.startReading(2)
    await nfc.until(readerListed)
    for (let i = 0; i < TAPS; i++) {
      await tapOnce(nfc, cardFor(i))
      if ((i + 1) % 100 === 0) process.stderr.write(`${i + 1}/${TAPS} taps\n`)
    }
    return report(nfc.taps, (Date.now() - started) / 1000)
  } finally {
    await nfc.close()
    await pcscd.stop()
  }
}

function report(taps: Awaited<ReturnType<typeof openRealNfc>>['taps'], seconds: number): number {
  const stats = tapStatistics(taps.map((t) => t.tap))
  const seqs = taps.map((t) => t.seq)
  const problems = [
    taps.length !== TAPS && `${taps.length} tap events for ${TAPS} taps`,
    seqs.some((seq, i) => seq !== seqs[0]! + i) && 'sequence numbers are not consecutive',
    stats.succeeded !== TAPS && `${TAPS - stats.succeeded} failed reads ${JSON.stringify(stats.failuresByCause)}`,
    taps.some((t) => !t.decision?.granted) && 'a tap was not granted'
  ].filter(Boolean)
  console.log(`| taps | events | success | latency p50 | latency p95 | max | duration |`)
  console.log(`|---|---|---|---|---|---|---|`)
  const l = stats.latencyMs
  console.log(`| ${TAPS} | ${taps.length} | ${((stats.successRate ?? 0) * 100).toFixed(1)} % | ${l?.p50} ms | ${l?.p95} ms | ${l?.max} ms | ${seconds.toFixed(0)} s |`)
  for (const problem of problems) console.error(`soak: ${problem}`)
  return problems.length ? 1 : 0
}

process.exitCode = await main()
