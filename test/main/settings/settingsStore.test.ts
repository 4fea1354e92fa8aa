import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/logger'
import { nodeSettingsStore } from '../../../src/main/settings/settingsStore'
import { defaultSettings } from '../../../src/shared/domain/settings'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-settings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('settings under plain Node (settings.json, as electron-store writes it)', () => {
  it('starts from the defaults', async () => {
    expect((await nodeSettingsStore(dir, silentLogger)).read()).toEqual(defaultSettings())
  })

  it('persists a change to settings.json and reads it back in a new store', async () => {
    const store = await nodeSettingsStore(dir, silentLogger)
    store.write({ ...store.read(), unlockThresholdDbm: -66, bleAdapter: { kind: 'uart', port: '/dev/ttyACM0', baudRate: 1000000 } })
    expect(store.path).toBe(join(dir, 'settings.json'))
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toMatchObject({ unlockThresholdDbm: -66 })
    expect((await nodeSettingsStore(dir, silentLogger)).read().bleAdapter).toEqual({ kind: 'uart', port: '/dev/ttyACM0', baudRate: 1000000 })
  })

  it('refuses to write invalid settings', async () => {
    const store = await nodeSettingsStore(dir, silentLogger)
    expect(() => store.write({ ...store.read(), unlockThresholdDbm: 12 })).toThrow()
    expect(store.read().unlockThresholdDbm).toBe(-70)
  })

  it('keeps an unreadable file aside and starts from defaults', async () => {
    writeFileSync(join(dir, 'settings.json'), '{ this is not json')
    const store = await nodeSettingsStore(dir, silentLogger)
    expect(store.read()).toEqual(defaultSettings())
    const aside = readdirSync(dir).filter((f) => f.startsWith('settings.json.invalid-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{ this is not json')
  })

  it('writes tab-indented JSON, as electron-store does, and sets aside a file that holds no object', async () => {
    const store = await nodeSettingsStore(dir, silentLogger)
    store.write(store.read())
    expect(readFileSync(store.path, 'utf8')).toMatch(/^\{\n\t"/)
    writeFileSync(store.path, '[1, 2]')
    expect((await nodeSettingsStore(dir, silentLogger)).read()).toEqual(defaultSettings())
    expect(readdirSync(dir).filter((f) => f.startsWith('settings.json.invalid-'))).toHaveLength(1)
  })

  it('falls back to defaults when the values are out of range, without losing the file', async () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ unlockThresholdDbm: 'loud' }))
    const store = await nodeSettingsStore(dir, silentLogger)
    expect(store.read().unlockThresholdDbm).toBe(-70)
    expect(existsSync(join(dir, 'settings.json'))).toBe(true)
  })
})
