import { LintelError } from '../../../shared/contract/result'
import { NO_VALUE_LABEL } from '../../../shared/domain/site'
import { tapStatistics, type TapEvent, type TapStatistics } from '../../../shared/nfc'
import { NfcErrorCode } from '../../services/nfcService'
import type { CliCommand } from '../command'
import { countOption, entityId, requireOption, stringOption } from '../args'
import { ExitCode, type CliIo } from '../io'
import { openCliServices, SITE_OPTION_HELP, SITE_OPTIONS } from '../services'
import { createProgress } from '../progress'
import { timeoutOption } from './nfc'

/** The tap test's figures plus the verdicts: the `{"summary": …}` line. */
export interface VerifySummary extends TapStatistics {
  readonly requested: number
  readonly granted: number
  readonly denied: number
  /** Denied taps by the decision's code. */
  readonly deniedByCode: Record<string, number>
}

export const nfcVerifyCommand: CliCommand = {
  name: 'nfc verify',
  summary: 'Tap N times at a door: each tap with its decision (JSONL with --json), then the tap-test summary',
  usage: '[--db <path> | --site <file>] --door <id|name> [--count N] [--timeout S] [--reader NAME]',
  options: { ...SITE_OPTIONS, door: { type: 'string' }, count: { type: 'string' }, timeout: { type: 'string' }, reader: { type: 'string' } },
  details: [
    ...SITE_OPTION_HELP,
    '--door          an id or a name (ignoring case)',
    '--count N       taps to collect (default 1); the summary has success rate, latency p50/p95 and failures by cause',
    '--timeout S     seconds to wait for each tap (default 60)',
    'Exit 0 whatever the verdicts; 1 when a tap did not come in time (the summary covers the taps read and, with --json,',
    'also carries "ok": false and the error).'
  ],
  async run(values, _positionals, io) {
    const services = await openCliServices(values, io)
    try {
      const doorId = entityId(requireOption(values, 'door'), services.site.snapshot(), 'door')
      const count = countOption(values, 'count', 1, 100_000)
      const timeoutMs = timeoutOption(values, 60) * 1000
      const reader = stringOption(values, 'reader')
      services.nfc.startReading(doorId)
      const events = await collect(count, io, () => services.nfc.nextTap({ timeoutMs, ...(reader ? { reader } : {}) }))
      const summary = verifySummary(events, count)
      const short = events.length < count ? `only ${events.length} of ${count} taps came before the timeout (${timeoutMs / 1000} s each)` : undefined
      // A short run is a failure (exit 1): the summary line then also carries {"ok":false,"error"} (CONVENTIONS.md).
      const failure = short === undefined ? {} : { ok: false, error: { code: NfcErrorCode.noTap, message: short } }
      io.out(io.json ? JSON.stringify({ summary, ...failure }) : describeSummary(summary))
      if (short !== undefined) io.err(`lintel nfc verify: ${short}`)
      return short === undefined ? ExitCode.ok : ExitCode.failed
    } finally {
      await services.close()
    }
  }
}

async function collect(count: number, io: CliIo, next: () => Promise<TapEvent>): Promise<TapEvent[]> {
  const events: TapEvent[] = []
  const progress = createProgress('Taps', count, io.interactive)
  while (events.length < count) {
    let event: TapEvent
    try {
      event = await next()
    } catch (error) {
      if (error instanceof LintelError && error.code === NfcErrorCode.noTap) break
      throw error
    }
    events.push(event)
    io.out(io.json ? JSON.stringify(event) : describeVerified(event, events.length))
    progress.update(events.length)
  }
  progress.finish()
  return events
}

export function verifySummary(events: readonly TapEvent[], requested: number): VerifySummary {
  const deniedByCode: Record<string, number> = {}
  let granted = 0
  for (const { decision } of events) {
    if (!decision) continue
    if (decision.granted) granted++
    else deniedByCode[decision.code] = (deniedByCode[decision.code] ?? 0) + 1
  }
  const denied = Object.values(deniedByCode).reduce((a, b) => a + b, 0)
  return { requested, ...tapStatistics(events.map((e) => e.tap)), granted, denied, deniedByCode }
}

function describeVerified(event: TapEvent, n: number): string {
  const { tap, decision, presented } = event
  const what = tap.error ? `FAILED ${tap.error.code}` : presented ? `type ${String(presented.credential_type_id)} ${presented.value ?? NO_VALUE_LABEL}` : event.unmatched ?? 'no credential'
  const verdict = decision ? `${decision.granted ? 'GRANTED' : 'DENIED'} (${decision.code})` : '—'
  return `${n}\t${verdict}\t${what}\t${tap.latency_ms.toFixed(1)} ms`
}

function describeSummary(s: VerifySummary): string {
  const rate = s.successRate === null ? '—' : `${(s.successRate * 100).toFixed(1)}%`
  const latency = s.latencyMs ? `p50 ${s.latencyMs.p50} ms, p95 ${s.latencyMs.p95} ms` : '—'
  const failures = Object.entries(s.failuresByCause).map(([code, n]) => `${code} ${n}`).join(', ') || 'none'
  return `${s.taps}/${s.requested} taps: ${rate} read, latency ${latency}; failures: ${failures}; ${s.granted} granted, ${s.denied} denied`
}
