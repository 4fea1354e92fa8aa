import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)
}

const boundary = expect.stringContaining('only src/main/store may use better-sqlite3')

describe('the store boundary rule: better-sqlite3 only inside src/main/store', () => {
  it.each([
    ["import Database from 'better-sqlite3'\nexport const d = Database\n", 'a value import'],
    ["import type Database from 'better-sqlite3'\nexport type D = Database.Database\n", 'a type import'],
    ["import { type Statement } from 'better-sqlite3'\nexport type S = Statement\n", 'an inline type import'],
    ["export { default } from 'better-sqlite3'\n", 'a re-export'],
    ["export type D = import('better-sqlite3').Database\n", 'an import() type'],
    ["export const d = await import('better-sqlite3')\n", 'a dynamic import'],
    ["import Database = require('better-sqlite3')\nexport const d = Database\n", 'import = require'],
    ["export const d: unknown = require('better-sqlite3')\n", 'require()']
  ])('fires on %s (%s) in a service', async (code) => {
    expect(await problems(code, 'src/main/services/probe.ts')).toContainEqual(boundary)
  })

  it.each(['src/main/provisioning/probe.ts', 'src/main/sync/probe.ts', 'src/main/cli/commands/probe.ts', 'src/main/probe.ts', 'src/renderer/src/probe.ts', 'scripts/probe.ts', 'test/main/provisioning/probe.test.ts'])(
    'fires in %s',
    async (filePath) => {
      expect(await problems("import type Database from 'better-sqlite3'\nexport type D = Database.Database\n", filePath)).toContainEqual(boundary)
    }
  )

  it('fires in src/shared too, where the purity rule names it', async () => {
    const found = await problems("export type D = import('better-sqlite3').Database\nimport type Database from 'better-sqlite3'\nexport type E = Database.Database\n", 'src/shared/probe.ts')
    expect(found).toContainEqual(boundary)
    expect(found).toContainEqual(expect.stringContaining('src/shared must stay pure: no native or platform modules'))
  })

  it('stays quiet inside src/main/store and its own tests', async () => {
    const code = "import Database from 'better-sqlite3'\nexport const d = Database\n"
    expect(await problems(code, 'src/main/store/probe.ts')).toEqual([])
    expect(await problems(code, 'test/main/store/probe.test.ts')).toEqual([])
  })

  it('keeps the electron rule beside it in main, and inside the store', async () => {
    const code = "import { app } from 'electron'\nexport const a = app\n"
    expect(await problems(code, 'src/main/services/probe.ts')).toEqual([expect.stringContaining('Only the shell files')])
    expect(await problems(code, 'src/main/store/probe.ts')).toEqual([expect.stringContaining('Only the shell files')])
  })
})
