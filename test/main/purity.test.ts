import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function problems(code: string, filePath = 'src/shared/domain/probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)
}

describe('the src/shared purity rule', () => {
  it.each([
    ["import { app } from 'electron'", 'no electron'],
    ["import { readFileSync } from 'node:fs'", 'no node:* modules'],
    ["import { join } from 'path'", 'no Node built-ins'],
    ["import { createHash } from 'crypto'", 'no Node built-ins'],
    ["import { useState } from 'react'", 'no React'],
    ["import { createRoot } from 'react-dom/client'", 'no React'],
    ["import Database from 'better-sqlite3'", 'no native or platform modules'],
    ["import { NFC } from 'nfc-pcsc'", 'no native or platform modules'],
    ["import { services } from '../../main/services'", 'must not import from main']
  ])('rejects %s', async (statement, why) => {
    const found = await problems(`${statement}\nexport const used = [${statement.match(/import \{? ?(\w+)/)?.[1]}]\n`)
    expect(found.some((p) => p.startsWith('no-restricted-imports') && p.includes(why))).toBe(true)
  })

  it('rejects DOM and Node globals', async () => {
    expect(await problems('export const w = window.innerWidth\n')).toEqual([expect.stringContaining('no DOM')])
    expect(await problems('export const e = process.env.HOME\n')).toEqual([expect.stringContaining('no Node globals')])
  })

  it('accepts zod and relative shared imports', async () => {
    expect(await problems("import { z } from 'zod'\nimport { SiteSchema } from './site'\nexport const s = [z, SiteSchema]\n")).toEqual([])
  })

  it('does not apply to main, where Node modules belong', async () => {
    expect(await problems("import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n", 'src/main/services/probe.ts')).toEqual([])
  })

  it('keeps electron out of services and the renderer', async () => {
    const code = "import { app } from 'electron'\nexport const a = app\n"
    expect(await problems(code, 'src/main/services/probe.ts')).toEqual([expect.stringContaining('Only the shell files')])
    expect(await problems(code, 'src/renderer/src/probe.ts')).toEqual([expect.stringContaining('Only the shell files')])
    expect(await problems(code, 'src/main/window.ts')).toEqual([])
  })
})
