import { beforeAll, describe, expect, it, vi } from 'vitest'
import { channelsOf, commandChannel, contract, eventChannel } from '../../src/shared/contract'

// Electron cannot run here; this test alone stands in for it, at the edge: contextBridge and ipcRenderer.
const exposed = new Map<string, unknown>()
const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)?.add(fn)
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => listeners.get(channel)?.delete(fn)
  }
}))

type Api = Record<string, Record<string, unknown> & { on: Record<string, (fn: (p: unknown) => void) => () => void> }>
let api: Api
beforeAll(async () => {
  await import('../../src/preload/index')
  api = exposed.get('lintel') as Api
})

describe('the preload', () => {
  it('exposes one object, window.lintel, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['lintel'])
  })

  it('exposes exactly the contract: each capability, its commands and its event subscriptions', () => {
    for (const [capability, spec] of Object.entries(contract)) {
      const group = api[capability]
      expect(group, capability).toBeDefined()
      expect(Object.keys(group ?? {}).sort()).toEqual([...Object.keys(spec.commands), 'on'].sort())
      expect(Object.keys(group?.on ?? {}).sort()).toEqual(Object.keys(spec.events).sort())
    }
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort())
  })

  it('never exposes ipcRenderer or its methods', () => {
    const text = JSON.stringify(Object.keys(api)) + JSON.stringify(Object.values(api).map((g) => Object.keys(g)))
    expect(text).not.toMatch(/ipcRenderer|send|invoke\b/)
  })

  it('invokes each command on its derived channel', async () => {
    for (const { capability, name } of channelsOf(contract).commands) {
      const fn = api[capability]?.[name] as (input: unknown) => Promise<unknown>
      await expect(fn({ probe: 1 })).resolves.toMatchObject({ ok: true, value: { channel: commandChannel(capability, name) } })
    }
    expect(invoke).toHaveBeenCalledTimes(channelsOf(contract).commands.length)
  })

  it('returns an unsubscribe function that removes the very listener it added', () => {
    const channel = eventChannel('app', 'settingsChanged')
    const received: unknown[] = []
    const stop = api.app?.on.settingsChanged?.((p) => received.push(p))
    expect(listeners.get(channel)?.size).toBe(1)
    for (const fn of listeners.get(channel) ?? []) fn({ sender: 'main' }, { theme: 'dark' })
    expect(received).toEqual([{ theme: 'dark' }])
    stop?.()
    expect(listeners.get(channel)?.size).toBe(0)
  })
})
