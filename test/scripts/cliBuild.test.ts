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
