import type { NfcReader, NfcState } from '../../../shared/domain/hardware'
import { describeTapError, standardOfAtr, TapError } from '../../../shared/nfc'
import { hexToBytes } from '../../../shared/formats'
import type { Logger } from '../../logger'
import { pcscdReachable, probePcscd } from './pcscd'
import { ReaderEvents, type CardTap, type NfcReaderEvent, type NfcReaders, type ReadConfig } from './port'
import { spawnWorker, type WorkerHandle } from './workerProcess'
import { epochMs, type FromWorker } from './workerProtocol'

export interface PcscOptions {
  /** pcscd's socket, checked before every start: nfc-pcsc busy-loops when nobody answers it. */
  readonly socket: string
  /** One tap's whole read must finish within this, or the child is killed and restarted. */
  readonly readTimeoutMs: number
  readonly log: Logger
  /** Waits before each restart after a failure; the last one repeats. */
  readonly backoffMs?: readonly number[]
  readonly pollMs?: number
  readonly readyTimeoutMs?: number
  /** How often main checks that pcscd still answers while the child is ready. */
  readonly watchdogMs?: number
}

interface PendingRead {
  readonly atr: string
  readonly cardEventMs: number
  readonly timer: NodeJS.Timeout
}

const STATE_DETAIL: Record<NfcState, string> = {
  idle: 'Not reading.',
  starting: 'Starting the PC/SC reader process.',
  ready: 'Ready: tap a card or phone on a reader.',
  restarting: 'The PC/SC reader process stopped; restarting it.',
  pcscd_down: 'The PC/SC service (pcscd) is not answering; waiting for it. Start it with: sudo systemctl start pcscd',
  unavailable: 'The nfc-pcsc library could not load, so real readers cannot be used.'
}

/** Supervises the PC/SC child: checks pcscd first, restarts with backoff, and kills overrunning reads. */
export class PcscReaders implements NfcReaders {
  readonly mode = 'real' as const
  private readonly events = new ReaderEvents()
  private child: WorkerHandle | undefined
  private running = false
  private current: { state: NfcState; detail: string } = { state: 'idle', detail: STATE_DETAIL.idle }
  private config: ReadConfig = { aids: [] }
  private readonly present = new Map<string, boolean>()
  private readonly pending = new Map<string, PendingRead>()
  /** Readers whose card was already read (or timed out) when the child went; not read again. */
  private carry: string[] = []
  private failures = 0
  private retry: NodeJS.Timeout | undefined
  private watchdog: NodeJS.Timeout | undefined

  constructor(private readonly options: PcscOptions) {}

  start(config: ReadConfig): void {
    this.config = config
    if (this.running) return
    this.running = true
    this.failures = 0
    void this.launch()
  }

  configure(config: ReadConfig): void {
    this.config = config
    this.child?.send({ type: 'configure', aids: [...config.aids], skip: [] })
  }

  async stop(): Promise<void> {
    this.running = false
    clearTimeout(this.retry)
    clearInterval(this.watchdog)
    const child = this.child
    this.child = undefined
    // Reads in flight end with the child: no late timeout tap, and no timer holding the process open.
    for (const reader of [...this.pending.keys()]) this.settle(reader)
    await child?.close()
    this.dropReaders()
    this.setState('idle')
  }

  state(): { state: NfcState; detail: string } {
    return this.current
  }

  readers(): NfcReader[] {
    return [...this.present].map(([name, cardPresent]) => ({ name, simulated: false, cardPresent }))
  }

  onEvent(listener: (event: NfcReaderEvent) => void): () => void {
    return this.events.on(listener)
  }

  private async launch(): Promise<void> {
    this.retry = undefined
    if (!this.running || this.child) return
    if (!(await pcscdReachable(this.options.socket))) return this.waitFor('pcscd_down', this.options.pollMs ?? 200)
    if (!this.running || this.child) return
    this.setState('starting')
    let child: WorkerHandle
    try {
      child = spawnWorker(this.options.log)
    } catch (error) {
      this.options.log.error((error as Error).message)
      return this.setState('unavailable', `${STATE_DETAIL.unavailable} (${(error as Error).message})`)
    }
    this.child = child
    child.onMessage((message) => this.handle(child, message))
    child.onExit(() => this.exited(child))
    child.send({ type: 'configure', aids: [...this.config.aids], skip: this.carry })
    this.carry = []
    const readyTimer = setTimeout(() => this.current.state === 'starting' && child.kill(), this.options.readyTimeoutMs ?? 15_000)
    child.onExit(() => clearTimeout(readyTimer))
  }

  private handle(child: WorkerHandle, message: FromWorker): void {
    if (child !== this.child) return
    switch (message.type) {
      case 'ready':
        return this.ready()
      case 'unavailable':
        this.options.log.error(`nfc-pcsc could not load: ${message.message}`)
        this.setState('unavailable', `${STATE_DETAIL.unavailable} (${message.message})`)
        return child.kill()
      case 'fatal':
        this.options.log.warn(`PC/SC failed: ${message.message}; restarting the reader process`)
        return child.kill()
      case 'reader_error':
        return this.options.log.warn(`reader ${message.name}: ${message.message}`)
      default:
        return this.readerMessage(message)
    }
  }

  private readerMessage(message: Extract<FromWorker, { type: 'reader' | 'reader_end' | 'card' | 'tap' | 'card_off' }>): void {
    if (message.type === 'reader') this.present.set(message.name, false)
    if (message.type === 'reader_end') {
      this.present.delete(message.name)
      this.settle(message.name)
    }
    if (message.type === 'card') {
      this.present.set(message.reader, true)
      if (message.read) this.watch(message.reader, message.atr, message.cardEventMs)
    }
    if (message.type === 'card_off') this.present.set(message.reader, false)
    if (message.type === 'tap') {
      if (!this.settle(message.reader)) return
      const { type: _type, ...tap } = message
      return this.events.emit({ type: 'tap', tap })
    }
    this.events.emit({ type: 'readers', readers: this.readers() })
  }

  private ready(): void {
    this.setState('ready')
    const child = this.child
    this.watchPcscd(child)
    setTimeout(() => {
      if (this.child === child && this.current.state === 'ready') this.failures = 0
    }, 10_000).unref()
  }

  /**
   * The child may miss pcscd's death (nfc-pcsc then waits forever); main checks the socket itself.
   * A refused connection means pcscd is gone; a probe that timed out may only mean this process
   * was busy, so that takes two in a row.
   */
  private watchPcscd(child: WorkerHandle | undefined): void {
    clearInterval(this.watchdog)
    let timeouts = 0
    this.watchdog = setInterval(() => {
      if (this.child !== child) return clearInterval(this.watchdog)
      void probePcscd(this.options.socket).then((outcome) => {
        if (this.child !== child) return
        timeouts = outcome === 'timeout' ? timeouts + 1 : 0
        if (outcome === 'up' || (outcome === 'timeout' && timeouts < 2)) return
        this.options.log.warn('pcscd stopped answering; restarting the reader process')
        child?.kill()
      })
    }, this.options.watchdogMs ?? 1000).unref()
  }

  private watch(reader: string, atr: string, cardEventMs: number): void {
    this.settle(reader)
    const timer = setTimeout(() => this.timedOut(reader), this.options.readTimeoutMs)
    this.pending.set(reader, { atr, cardEventMs, timer })
  }

  /** Clears a reader's pending read; false when there was none (the tap was already reported). */
  private settle(reader: string): PendingRead | undefined {
    const read = this.pending.get(reader)
    if (read) clearTimeout(read.timer)
    this.pending.delete(reader)
    return read
  }

  private timedOut(reader: string): void {
    const read = this.settle(reader)
    if (!read) return
    this.options.log.warn(`reader ${reader}: the card stopped answering; killing the PC/SC process`)
    this.emitFailed(reader, read, TapError.timeout)
    this.child?.kill()
  }

  private exited(child: WorkerHandle): void {
    if (child !== this.child) return
    this.child = undefined
    this.carry = [...this.present].filter(([, card]) => card).map(([name]) => name)
    for (const [reader, read] of [...this.pending]) {
      this.settle(reader)
      this.emitFailed(reader, read, TapError.readerRestarted)
    }
    this.dropReaders()
    if (!this.running || this.current.state === 'unavailable') return
    void this.restartAfterExit()
  }

  /** pcscd gone: wait for it (launch polls). pcscd up: the child itself failed, so back off. */
  private async restartAfterExit(): Promise<void> {
    this.setState('restarting')
    if (!(await pcscdReachable(this.options.socket))) return this.waitFor('pcscd_down', this.options.pollMs ?? 200)
    const backoff = this.options.backoffMs ?? [100, 500, 1000, 2000, 5000]
    const delay = backoff[Math.min(this.failures, backoff.length - 1)] ?? 1000
    this.failures++
    this.waitFor('restarting', delay)
  }

  private waitFor(state: NfcState, delayMs: number): void {
    this.setState(state)
    if (this.running) this.retry = setTimeout(() => void this.launch(), delayMs).unref()
  }

  private emitFailed(reader: string, read: PendingRead, code: TapError): void {
    const atr = hexToBytes(read.atr) ?? new Uint8Array()
    const reading = { standard: standardOfAtr(atr), uid: null, aid: null, credential: null, error: { code, message: describeTapError(code) } }
    const tap: CardTap = { reader, atr: read.atr, reading, cardEventMs: read.cardEventMs, latencyMs: epochMs() - read.cardEventMs, transportMs: 0 }
    this.events.emit({ type: 'tap', tap })
  }

  private dropReaders(): void {
    if (this.present.size === 0) return
    this.present.clear()
    this.events.emit({ type: 'readers', readers: [] })
  }

  private setState(state: NfcState, detail = STATE_DETAIL[state]): void {
    if (this.current.state === state && this.current.detail === detail) return
    this.current = { state, detail }
    this.events.emit({ type: 'state', state, detail })
  }
}
