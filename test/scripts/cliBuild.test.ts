import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { root, sourceStamp, type CliManifest } from '../../scripts/cli-build.mjs'

const run = promisify(execFile)
const scratch = mkdtempSync(join(tmpdir(), 'lintel-cli-build-'))
// Builds must sit inside the checkout: the bundle resolves its native packages from node_modules.
mkdirSync(join(root, 'out'), { recursive: true })
const builds = mkdtempSync(join(root, 'out', 'cli-test-'))
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  rmSync(builds, { recursive: true, force: true })
})

/** bin/lintel.js with its builds in `out` (not the checkout's out/cli, which other tests run). */
async function lintel(out: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [join(root, 'bin', 'lintel.js'), ...args], {
    cwd: root,
    env: { ...process.env, LINTEL_CLI_OUT: out, LINTEL_HOME: join(scratch, 'home') },
    timeout: 60_000
  })
}

const manifestOf = (out: string): CliManifest => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as CliManifest

describe('the built CLI', () => {
  it('builds on first use, then runs the same build while nothing changes', async () => {
    const out = join(builds, 'first')
    const first = await lintel(out, 'site', '--json')
    expect(JSON.parse(first.stdout)).toMatchObject({ counts: { doors: 6 } })
    const built = manifestOf(out)
    expect(Object.keys(built.files)).toEqual(expect.arrayContaining(['lintel.mjs', 'nfcWorker.mjs']))
    await lintel(out, 'site', '--json')
    expect(manifestOf(out).dir).toBe(built.dir)
  })

  it('never runs a truncated build: it rebuilds first and answers', async () => {
    const out = join(builds, 'damaged')
    await lintel(out, '--help')
    const damaged = manifestOf(out)
    const entry = join(out, damaged.dir, 'lintel.mjs')
    truncateSync(entry, Math.floor(statSync(entry).size / 2))
    const again = await lintel(out, 'site', '--json')
    expect(again.stderr).toMatch(/rebuilding the CLI \(.*lintel\.mjs is damaged or missing\)/)
    expect(JSON.parse(again.stdout)).toMatchObject({ counts: { doors: 6 } })
    expect(manifestOf(out).dir).not.toBe(damaged.dir)
  })

  it('rebuilds when a file of the build was altered without changing its size', async () => {
    const out = join(builds, 'altered')
    await lintel(out, '--help')
    const before = manifestOf(out)
    const worker = join(out, before.dir, 'nfcWorker.mjs')
    const text = readFileSync(worker, 'utf8')
    writeFileSync(worker, text.replace(/.$/s, text.endsWith(' ') ? '\n' : ' '))
    await lintel(out, '--help')
    expect(manifestOf(out).dir).not.toBe(before.dir)
  })

  it('ignores a half-written build that no manifest names, and one from other sources', async () => {
    const out = join(builds, 'stale')
    await lintel(out, '--help')
    const before = manifestOf(out)
    mkdirSync(join(out, '.tmp-1-dead'), { recursive: true })
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...before, stamp: 'sources-of-another-day' }))
    await lintel(out, '--help')
    const after = manifestOf(out)
    expect(after.dir).not.toBe(before.dir)
    expect(after.stamp).toBe(sourceStamp())
  })
})

/**
 * The sources (`// src/…`, `// node_modules/…` markers) a chunk and everything it imports statically
 * evaluate at start-up; with `dynamic`, also what its import() calls may load later.
 */
function startupSources(dir: string, chunk: string, { dynamic = false } = {}): Set<string> {
  const sources = new Set<string>()
  const seen = new Set<string>()
  const visit = (name: string): void => {
    if (seen.has(name)) return
    seen.add(name)
    const text = readFileSync(join(dir, name), 'utf8')
    for (const [, source] of text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)) sources.add(source!)
    // Static imports only: a dynamic import() runs when its command asks for it, not at start-up.
    for (const [, next] of text.matchAll(/^import\s[^;]*?["']\.\/([^"']+\.mjs)["'];?$/gm)) visit(next!)
    // A package left to Node (cli-build's EXTERNAL) is loaded where a chunk imports it.
    for (const [, name] of text.matchAll(/^import\s[^;]*?["']([^."'/][^"']*)["'];?$/gm)) if (!name!.startsWith('node:')) sources.add(`package:${name}`)
    if (dynamic) for (const [, name] of text.matchAll(/\bimport\(["']([^."'/][^"']*)["']\)/g)) sources.add(`package:${name}`)
    if (dynamic) for (const [, next] of text.matchAll(/\bimport\(["']\.\/([^"']+\.mjs)["']\)/g)) visit(next!)
  }
  visit(chunk)
  return sources
}

describe('what a command loads at start-up', () => {
  it('the site-only commands load neither the contract and services nor any package but SQLite; the rest load later', async () => {
    const out = join(builds, 'closure')
    await lintel(out, '--help')
    const manifest = manifestOf(out)
    const dir = join(out, manifest.dir)
    const chunkOf = (command: string): string => {
      const name = Object.keys(manifest.files).find((file) => file.startsWith(`${command}-`))
      if (!name) throw new Error(`no chunk for ${command}`)
      return name
    }
    const heavy = ['src/shared/contract/index.ts', 'src/main/services/index.ts', 'src/main/sync/http.ts']
    for (const command of ['info', 'decide', 'site', 'list']) {
      const sources = startupSources(dir, chunkOf(command))
      expect(sources, command).toContain('src/main/services/siteService.ts')
      for (const source of heavy) expect(sources, `${command} loads ${source}`).not.toContain(source)
      expect([...sources].filter((s) => s.startsWith('package:')).sort(), command).toEqual(['package:better-sqlite3'])
    }
    // The check can fail: what info may load later (the full services, for other commands) holds them all.
    const later = startupSources(dir, chunkOf('info'), { dynamic: true })
    for (const source of [...heavy, 'package:pdf-lib']) expect(later).toContain(source)
    expect([...later].some((s) => s.startsWith('src/main/onboarding/'))).toBe(true)
  })
})

describe('sourceStamp', () => {
  it('changes when a source is touched, added or removed, and only then', () => {
    const tree = join(scratch, 'tree')
    for (const dir of ['src/main', 'src/shared', 'scripts']) mkdirSync(join(tree, dir), { recursive: true })
    for (const file of ['package.json', 'package-lock.json', 'scripts/cli-build.mjs', 'src/main/a.ts', 'src/shared/b.ts']) writeFileSync(join(tree, file), 'x')
    const stamp = sourceStamp(tree)
    expect(sourceStamp(tree)).toBe(stamp)
    const later = new Date(Date.now() + 5000)
    utimesSync(join(tree, 'src/shared/b.ts'), later, later)
    const touched = sourceStamp(tree)
    expect(touched).not.toBe(stamp)
    writeFileSync(join(tree, 'src/main/c.ts'), 'x')
    const added = sourceStamp(tree)
    expect(added).not.toBe(touched)
    rmSync(join(tree, 'src/main/c.ts'))
    expect(sourceStamp(tree)).toBe(touched)
    cpSync(join(tree, 'src'), join(tree, 'copy'), { recursive: true })
    expect(sourceStamp(tree)).toBe(touched)
  })
})
