import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve('src/main')

interface Import {
  file: string
  target: string
}

/** The relative imports in `text` (static, re-exports and dynamic), resolved to paths under src/main. */
function importsOf(file: string, text: string): Import[] {
  const pattern = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
  const specifiers = [...text.matchAll(pattern)].map((m) => m[1] ?? m[2]!)
  return specifiers.filter((s) => s.startsWith('.')).map((s) => ({ file, target: relative(ROOT, resolve(dirname(file), s)) }))
}

/** Every relative import of every .ts file under `dir`. */
function importsUnder(dir: string): Import[] {
  const found: Import[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
    const file = join(entry.parentPath, entry.name)
    found.push(...importsOf(file, readFileSync(file, 'utf8')))
  }
  return found
}

describe('one path in (ARCHITECTURE rule 9)', () => {
  it('the browser host never imports the CLI', () => {
    const intoCli = importsUnder(join(ROOT, 'host')).filter((i) => i.target === 'cli' || i.target.startsWith('cli/'))
    expect(intoCli.map((i) => `${relative(ROOT, i.file)} → ${i.target}`)).toEqual([])
  })

  it('the check sees an import into cli/ when there is one', () => {
    const probe = join(ROOT, 'host', 'probe.ts')
    expect(importsOf(probe, "import { openNodeServices } from '../cli/context'\n")).toEqual([{ file: probe, target: 'cli/context' }])
    expect(importsOf(probe, "const m = await import('../cli')\n")).toEqual([{ file: probe, target: 'cli' }])
    expect(importsOf(probe, "import { x } from '../services/node'\n")).toEqual([{ file: probe, target: 'services/node' }])
  })
})
