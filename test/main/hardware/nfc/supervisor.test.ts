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
const probes = vi.hoisted(() => ({ outcomes: [] as string[] }))
vi.mock('../../../../src/main/hardware/nfc/pcscd', () => ({
  PCSCD_SOCKET: '/test/pcscd.comm',
  pcscdReachable: async () => true,
  /** The watchdog's probes answer from `probes.outcomes` in order, then 'up'. */
  probePcscd: async () => probes.outcomes.shift() ?? 'up'
}))

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

  it("restarts the child when pcscd refuses, but not for one probe that timed out (main was only busy)", async () => {
    const readers = new PcscReaders({ socket: '/test/pcscd.comm', readTimeoutMs: 1000, watchdogMs: 20, log: silentLogger })
    readers.start({ aids: [] })
    await vi.waitFor(() => expect(child.state.listeners.length).toBeGreaterThan(1))
    child.say({ type: 'ready' } satisfies FromWorker)
    const before = child.state.killed
    probes.outcomes.push('timeout', 'up', 'timeout', 'up')
    await sleep(200)
    expect(child.state.killed).toBe(before)
    probes.outcomes.push('timeout', 'timeout')
    await vi.waitFor(() => expect(child.state.killed).toBe(before + 1))
    await readers.stop()
  })

  it('restarts the child at once when the socket refuses connections', async () => {
    const readers = new PcscReaders({ socket: '/test/pcscd.comm', readTimeoutMs: 1000, watchdogMs: 20, log: silentLogger })
    const listeners = child.state.listeners.length
    readers.start({ aids: [] })
    await vi.waitFor(() => expect(child.state.listeners.length).toBeGreaterThan(listeners))
    child.say({ type: 'ready' } satisfies FromWorker)
    const before = child.state.killed
    probes.outcomes.push('refused')
    await vi.waitFor(() => expect(child.state.killed).toBe(before + 1))
    await readers.stop()
  })
})
