/**
 * The PC/SC child process: the only code that loads nfc-pcsc. main forks it, talks to it over IPC
 * (workerProtocol.ts) and kills it when a read overruns its timeout, because a transmit stuck in
 * the native library cannot be cancelled and even process.exit() waits for it.
 */
import { createRequire } from 'node:module'
import type { Card, NFC, Reader } from 'nfc-pcsc'
// Direct imports, not the barrels: the child loads only what a read needs (no zod), so it is ready sooner.
import { bytesToHex } from '../../../shared/formats/hex'
import { readCard } from '../../../shared/nfc/readCard'
import type { Transmit } from '../../../shared/nfc/exchange'
import { epochMs, type FromWorker, type ToWorker } from './workerProtocol'

let aids: string[] = []
const skip = new Set<string>()
const readers = new Set<Reader>()
let nfc: NFC | undefined

const send = (message: FromWorker): void => void process.send?.(message)

function loadNfc(): (new () => NFC) | undefined {
  try {
    return (createRequire(import.meta.url)('nfc-pcsc') as { NFC: new () => NFC }).NFC
  } catch (error) {
    send({ type: 'unavailable', message: error instanceof Error ? error.message : String(error) })
    return undefined
  }
}

function start(): void {
  const Nfc = loadNfc()
  if (!Nfc) return
  nfc = new Nfc()
  nfc.on('error', (error) => send({ type: 'fatal', message: error.message }))
  nfc.on('reader', attach)
  send({ type: 'ready' })
}

function attach(reader: Reader): void {
  readers.add(reader)
  reader.autoProcessing = false
  reader.on('error', (error) => send({ type: 'reader_error', name: reader.name, message: error.message }))
  reader.reader.once('status', (status: { state: number }) => {
    if (!(status.state & reader.reader.SCARD_STATE_PRESENT)) skip.delete(reader.name)
  })
  reader.on('card', (card) => void onCard(reader, card))
  reader.on('card.off', () => {
    skip.delete(reader.name)
    send({ type: 'card_off', reader: reader.name })
  })
  reader.on('end', () => {
    readers.delete(reader)
    send({ type: 'reader_end', name: reader.name })
  })
  send({ type: 'reader', name: reader.name })
}

async function onCard(reader: Reader, card: Card): Promise<void> {
  const cardEventMs = epochMs()
  const atr = card.atr ?? Buffer.alloc(0)
  const read = !skip.has(reader.name)
  send({ type: 'card', reader: reader.name, atr: bytesToHex(atr), cardEventMs, read })
  if (!read) return
  let transportMs = 0
  const transmit: Transmit = async (command, maxResponse) => {
    const started = epochMs()
    try {
      return new Uint8Array(await reader.transmit(Buffer.from(command), maxResponse))
    } finally {
      transportMs += epochMs() - started
    }
  }
  const reading = await readCard(atr, transmit, aids)
  send({ type: 'tap', reader: reader.name, atr: bytesToHex(atr), reading, cardEventMs, latencyMs: epochMs() - cardEventMs, transportMs })
}

/** Every reader is closed as well as the NFC instance, or the process stays alive. */
function shutdown(): void {
  for (const reader of readers) reader.close()
  nfc?.close()
  process.exit(0)
}

process.on('message', (message: ToWorker) => {
  if (message.type === 'close') return shutdown()
  aids = message.aids
  for (const name of message.skip) skip.add(name)
  if (!nfc) start()
})
process.on('disconnect', shutdown)
process.on('uncaughtException', (error) => {
  send({ type: 'fatal', message: error.message })
  process.exit(1)
})
