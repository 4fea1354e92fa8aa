import { LintelError } from '../../../shared/contract/result'
import type { NfcReader, NfcState } from '../../../shared/domain/hardware'
import { bytesToHex } from '../../../shared/formats'
import { readCard } from '../../../shared/nfc'
import type { SimulatedCard } from '../../../shared/nfc/simulated'
import { ReaderEvents, type NfcReaderEvent, type NfcReaders, type ReadConfig } from './port'
import { SimulatedCardResponder } from './simulatedCard'
import { epochMs } from './workerProtocol'

export const SIMULATED_READER = 'Lintel Virtual Reader (simulated)'

/** The embedded demo's reader: one virtual reader, tapped on request, read by Lintel's real APDU code. */
export class SimulatedReaders implements NfcReaders {
  readonly mode = 'simulated' as const
  private readonly events = new ReaderEvents()
  private running = false
  private cardPresent = false
  private config: ReadConfig = { aids: [] }

  start(config: ReadConfig): void {
    this.config = config
    if (this.running) return
    this.running = true
    this.events.emit({ type: 'state', ...this.state() })
    this.events.emit({ type: 'readers', readers: this.readers() })
  }

  configure(config: ReadConfig): void {
    this.config = config
  }

  async stop(): Promise<void> {
    if (!this.running) return
    this.running = false
    this.events.emit({ type: 'state', ...this.state() })
  }

  state(): { state: NfcState; detail: string } {
    return this.running
      ? { state: 'ready', detail: 'Ready: the simulated reader is tapped from the Verify page.' }
      : { state: 'idle', detail: 'Not reading.' }
  }

  readers(): NfcReader[] {
    return [{ name: SIMULATED_READER, simulated: true, cardPresent: this.cardPresent }]
  }

  onEvent(listener: (event: NfcReaderEvent) => void): () => void {
    return this.events.on(listener)
  }

  /** A card or phone enters the field, is read like a real one, and leaves. */
  async tap(card: SimulatedCard): Promise<void> {
    if (!this.running) throw new LintelError('not_reading', 'Start reading before tapping the simulated reader.')
    if (this.cardPresent) throw new LintelError('reader_busy', 'The simulated reader is still reading the previous tap.')
    const responder = new SimulatedCardResponder(card)
    this.setCard(true)
    const cardEventMs = epochMs()
    let transportMs = 0
    const reading = await readCard(responder.atr, async (command) => {
      const started = epochMs()
      const response = responder.respond(command)
      transportMs += epochMs() - started
      return response
    }, this.config.aids)
    const tap = { reader: SIMULATED_READER, atr: bytesToHex(responder.atr), reading, cardEventMs, latencyMs: epochMs() - cardEventMs, transportMs }
    this.events.emit({ type: 'tap', tap })
    this.setCard(false)
  }

  private setCard(present: boolean): void {
    this.cardPresent = present
    this.events.emit({ type: 'readers', readers: this.readers() })
  }
}
