import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// A sandboxed renderer loads no ESM preload, and its preload's require() loads only electron
// (and events, timers, url). `npm test` builds first; this reads what electron-vite produced.
const built = join(process.cwd(), 'out', 'preload', 'index.cjs')

describe('the built preload', () => {
  it('exists as one CommonJS file', () => {
    expect(existsSync(built), `${built} is missing: run npm run build`).toBe(true)
  })

  it('has no import or export statements', () => {
    const code = readFileSync(built, 'utf8')
    expect(code.match(/^\s*(import\s[^(]|import\{|export\s|export\{)/m)).toBeNull()
  })

  it('requires nothing but electron', () => {
    const code = readFileSync(built, 'utf8')
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(required.length).toBeGreaterThan(0)
    expect([...new Set(required)]).toEqual(['electron'])
  })

  it('loads no other file at run time', () => {
    const code = readFileSync(built, 'utf8')
    expect(code).not.toMatch(/\bimport\(/)
    expect(code).not.toMatch(/\brequire\(\s*[^"'`\s)]/)
  })
})
