import { describe, expect, it, vi } from 'vitest'
import type { NfcReaderEvent } from '../../../../src/main/hardware/nfc'
import type { WorkerHandle } from '../../../../src/main/hardware/nfc/workerProcess'
import type { FromWorker } from '../../../../src/main/hardware/nfc/workerProtocol'
import { silentLogger } from '../../../../src/main/logger'

/** A stand-in for the forked PC/SC child: the test speaks its side of the protocol. */
const child = vi.hoisted(() => {
  const state = { listeners: [] as ((message: unknown) => void)[], exits: [] as (() => void)[], killed: 0 }
  return {
    state,
    say: (message: unknown) => state.listeners.forEach((l) => l(message)),
    handle: () => ({
      pid: 1,
      send: () => undefined,
      onMessage: (l: (message: unknown) => void) => void state.listeners.push(l),
      onExit: (l: () => void) => void state.exits.push(l),
      close: async () => state.exits.forEach((l) => l()),
      kill: () => {
        state.killed++
        state.exits.forEach((l) => l())
      }
    })
  }
})
vi.mock('../../../../src/main/hardware/nfc/workerProcess', () => ({ spawnWorker: (): WorkerHandle => child.handle() as unknown as WorkerHandle }))
vi.mock('../../../../src/main/hardware/nfc/pcscd', () => ({ PCSCD_SOCKET: '/test/pcscd.comm', pcscdReachable: async () => true }))

const { PcscReaders } = await import('../../../../src/main/hardware/nfc/pcscReaders')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the PC/SC supervisor', () => {
  it('reports nothing for a read in flight once reading has stopped (no late timeout, no kill)', async () => {
    const readers = new PcscReaders({ socket: '/test/pcscd.comm', readTimeoutMs: 150, log: silentLogger })
    const taps: NfcReaderEvent[] = []
    readers.onEvent((e) => e.type === 'tap' && taps.push(e))
    readers.start({ aids: [] })
    await vi.waitFor(() => expect(child.state.listeners.length).toBe(1))
    const say = (message: FromWorker) => child.say(message)
    say({ type: 'ready' })
    say({ type: 'reader', name: 'R' })
    say({ type: 'card', reader: 'R', atr: '3B8080010101', cardEventMs: Date.now(), read: true })
    await readers.stop()
    await sleep(300)
    expect(taps).toEqual([])
    expect(readers.state().state).toBe('idle')
  })
})
