import type { NfcStatus } from '../../../shared/domain/hardware'
import { canonicalHex } from '../../../shared/formats'
import type { TapEvent, TapRecord } from '../../../shared/nfc'
import type { Services } from '../../services'
import type { CliCommand, OptionValues } from '../command'
import { stringOption } from '../args'
import { ExitCode, UsageError, type CliIo } from '../io'
import { openCliServices } from '../services'

/**
 * Waits until the reader process has settled: ready with its reader list unchanged for `quietMs`
 * (the child reports readers one by one), pcscd down, or unavailable.
 */
export async function settled(services: Services, ms = 5000, quietMs = 300): Promise<NfcStatus> {
  const deadline = Date.now() + ms
  let readyAt: number | undefined
  let listed = { names: '', since: 0 }
  for (;;) {
    const status = services.nfc.status()
    if (status.state === 'pcscd_down' || status.state === 'unavailable' || Date.now() > deadline) return status
    if (status.state === 'ready') {
      const now = Date.now()
      readyAt ??= now
      const names = status.readers.map((r) => r.name).join('\n')
      if (names !== listed.names) listed = { names, since: now }
      if (status.mode === 'simulated' || (status.readers.length > 0 && now - listed.since >= quietMs) || (status.readers.length === 0 && now - readyAt > 1000)) return status
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** `--timeout S`: seconds from 1 to 120; default from settings. */
export function timeoutOption(values: OptionValues, fallbackSeconds: number): number {
  const raw = stringOption(values, 'timeout')
  if (raw === undefined) return fallbackSeconds
  const seconds = Number(raw)
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new UsageError(`--timeout ${raw}: expected seconds from 0.1 to 3600`)
  return seconds
}

export function aidOptions(values: OptionValues): string[] | undefined {
  const raw = values.aid
  if (raw === undefined) return undefined
  return (Array.isArray(raw) ? raw : [raw]).map((text) => {
    const aid = typeof text === 'string' ? canonicalHex(text) : undefined
    if (!aid || aid.length < 10 || aid.length > 32) throw new UsageError(`--aid ${String(text)}: expected 5 to 16 bytes of hex, e.g. A0000004400001010001`)
    return aid
  })
}

export function describeTap(tap: TapRecord): string {
  const lines = [
    `${tap.error ? 'FAILED' : 'READ'}  ${tap.reader}  ${tap.latency_ms.toFixed(1)} ms`,
    `  ATR         ${tap.atr} (ISO/IEC ${tap.standard})`,
    `  UID         ${tap.uid ?? '—'}`,
    `  AID         ${tap.aid ?? '—'}`,
    `  credential  ${tap.credential ?? '—'}`
  ]
  if (tap.error) lines.push(`  error       ${tap.error.code}: ${tap.error.message}`)
  return lines.join('\n')
}

export const nfcReadersCommand: CliCommand = {
  name: 'nfc readers',
  summary: 'PC/SC readers (or the simulated one), whether a card is on each, and the reader state',
  usage: '',
  options: {},
  async run(_values, _positionals, io) {
    const services = await openCliServices({}, io, { lenient: true })
    try {
      services.nfc.startReading()
      const status = await settled(services)
      if (io.json) return void io.out(JSON.stringify(status))
      io.out([`NFC: ${status.mode.toUpperCase()}, ${status.state} — ${status.advice}`, ...status.readers.map((r) => `  ${r.name}${r.cardPresent ? '  (card present)' : ''}`)].join('\n'))
    } finally {
      await services.nfc.close()
    }
  }
}

export const nfcReadCommand: CliCommand = {
  name: 'nfc read',
  summary: 'Wait for one tap and print its record: reader, ATR, standard, UID, AID, credential, latency',
  usage: '[--reader NAME] [--aid HEX ...] [--timeout S]',
  options: { reader: { type: 'string' }, aid: { type: 'string', multiple: true }, timeout: { type: 'string' } },
  details: [
    '--reader NAME   only taps on this reader (its full PC/SC name, see `lintel nfc readers`)',
    '--aid HEX       select these AIDs on phones instead of the built-in and settings list (repeatable)',
    '--timeout S     seconds to wait for the tap, counted from the command\'s start; default: the tap timeout in settings',
    'Exit 1 when no tap comes in time or the read fails (the reason is printed).'
  ],
  async run(values, _positionals, io) {
    const aids = aidOptions(values)
    const services = await openCliServices({}, io, { lenient: true })
    try {
      const seconds = timeoutOption(values, services.settings().nfcTimeoutSeconds)
      services.nfc.useAids(aids)
      const reader = stringOption(values, 'reader')
      const event = await services.nfc.nextTap({ timeoutMs: seconds * 1000, countFrom: io.startedAt, ...(reader ? { reader } : {}) })
      return printTap(event, io)
    } finally {
      await services.nfc.close()
    }
  }
}

function printTap(event: TapEvent, io: CliIo): ExitCode {
  const { tap } = event
  if (io.json) io.out(JSON.stringify(tap.error ? { ok: false, error: tap.error, tap } : tap))
  else io.out(describeTap(tap))
  if (tap.error) {
    io.err(`lintel nfc read: ${tap.error.message}`)
    return ExitCode.failed
  }
  return ExitCode.ok
}

