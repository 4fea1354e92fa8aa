import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileTokenStore, TOKEN_FILE } from '../../../src/main/sync/tokens'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-tokens-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('fileTokenStore', () => {
  it('writes the tokens only its owner can read, warning once that they are not encrypted', () => {
    const warnings: string[] = []
    const store = fileTokenStore(dir, { info: () => {}, error: () => {}, warn: (m) => warnings.push(m) })
    expect(store.read()).toBeUndefined()
    store.write({ access_token: 'a1', refresh_token: 'r1' })
    store.write({ access_token: 'a2', refresh_token: 'r2' })
    const path = join(dir, TOKEN_FILE)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(store.read()).toEqual({ access_token: 'a2', refresh_token: 'r2' })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/unencrypted .*0600/)
    expect(warnings[0]).not.toContain('a2')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ access_token: 'a2' })
  })

  it('creates a user-data directory that does not exist yet, and ignores an unreadable file', () => {
    const nested = join(dir, 'fresh', 'lintel')
    const warnings: string[] = []
    const store = fileTokenStore(nested, { info: () => {}, error: () => {}, warn: (m) => warnings.push(m) })
    store.write({ access_token: 'a1' })
    expect(statSync(join(nested, TOKEN_FILE)).mode & 0o777).toBe(0o600)
    expect(store.read()).toEqual({ access_token: 'a1' })
    writeFileSync(join(nested, TOKEN_FILE), '{not json')
    expect(store.read()).toBeUndefined()
  })
})
