// The built CLI and PC/SC worker: one esbuild bundle of src/main + src/shared, kept in out/cli/.
// bin/lintel.js checks it on every start (a stamp of the sources, and each file's size and SHA-256)
// and rebuilds when it is stale or damaged, so a half-written or stale build is never run.
// Node built-ins only on the check path; esbuild is imported only when a build is needed.
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
/** Where builds go: out/cli in the checkout (LINTEL_CLI_OUT moves it, for tests of the build itself). */
export const outDir = process.env.LINTEL_CLI_OUT ?? join(root, 'out', 'cli')
const manifestPath = join(outDir, 'manifest.json')
/** A build replaced longer ago than this is removed; a process started on it may still load its chunks. */
const KEEP_OLD_MS = 60 * 60_000
const MANIFEST_VERSION = 2

/** What the bundle is made from: a change to any of these makes the build stale. */
const SOURCE_DIRS = ['src/main', 'src/shared']
const SOURCE_FILES = ['package.json', 'package-lock.json', 'scripts/cli-build.mjs']

/** Packages left to Node at run time: native addons, and big ones only some commands load. */
const EXTERNAL = ['better-sqlite3', 'pdf-lib', 'nfc-pcsc', '@stoprocent/noble', '@stoprocent/*', 'playwright-core', 'exceljs', 'qrcode', 'iconv-lite', 'electron', 'electron-store', 'tsx', 'esbuild']

/** Every file under `dir`, as paths relative to `from` (plain string joins: this runs on every start). */
function walk(from, dir, into) {
  for (const entry of readdirSync(`${from}/${dir}`, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) walk(from, path, into)
    else if (entry.isFile()) into.push(path)
  }
  return into
}

/** A fingerprint of every source file's path, size and modification time. */
export function sourceStamp(from = root) {
  const files = SOURCE_DIRS.flatMap((dir) => walk(from, dir, [])).concat(SOURCE_FILES)
  const hash = createHash('sha256')
  for (const file of files.sort()) {
    const stat = statSync(`${from}/${file}`, { throwIfNoEntry: false })
    hash.update(`${file}\0${stat ? `${stat.size}:${stat.mtimeMs}` : 'missing'}\n`)
  }
  return hash.digest('hex')
}

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex')

function readManifest() {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    return manifest?.version === MANIFEST_VERSION ? manifest : undefined
  } catch {
    return undefined
  }
}

/**
 * Why the current build cannot be run, or undefined when it can: no build, sources changed since,
 * or a file missing, truncated or altered (an interrupted install, a damaged disk).
 */
export function buildProblem(manifest = readManifest(), stamp = sourceStamp()) {
  if (!manifest) return 'no build yet'
  if (manifest.stamp !== stamp) return 'the sources changed since the last build'
  for (const [name, want] of Object.entries(manifest.files ?? {})) {
    const path = join(outDir, manifest.dir, name)
    const stat = statSync(path, { throwIfNoEntry: false, bigint: true })
    if (!stat || Number(stat.size) !== want.size) return `${manifest.dir}/${name} is damaged or missing`
    // Unchanged since the build wrote it (same size and nanosecond mtime): its hash is the recorded one.
    // Anything else is hashed, so a file rewritten in place, even to the same size, is caught.
    if (want.mtimeNs !== undefined && stat.mtimeNs.toString() === want.mtimeNs) continue
    if (sha256(path) !== want.sha256) return `${manifest.dir}/${name} is damaged or missing`
  }
  return undefined
}

/** Builds into a fresh folder, then points the manifest at it with an atomic rename. */
export async function build(stamp = sourceStamp()) {
  const { build: esbuild } = await import('esbuild')
  mkdirSync(outDir, { recursive: true })
  const tmp = join(outDir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    const common = {
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: EXTERNAL,
      // Bundled CommonJS packages call require() for Node built-ins.
      banner: { js: "import { createRequire as __lintelRequire } from 'node:module'; const require = __lintelRequire(import.meta.url);" },
      logLevel: 'error',
      legalComments: 'none'
    }
    // The CLI is split at its dynamic imports, so a command loads only what it uses.
    await esbuild({ ...common, entryPoints: { lintel: join(root, 'src/main/cli/main.ts') }, outdir: tmp, splitting: true, outExtension: { '.js': '.mjs' } })
    // The worker is a bundle of its own: it starts with what a read needs and nothing else.
    await esbuild({ ...common, entryPoints: [join(root, 'src/main/hardware/nfc/worker.ts')], outfile: join(tmp, 'nfcWorker.mjs') })
    const files = {}
    for (const name of readdirSync(tmp)) {
      const path = join(tmp, name)
      const stat = statSync(path, { bigint: true })
      files[name] = { size: Number(stat.size), mtimeNs: stat.mtimeNs.toString(), sha256: sha256(path) }
    }
    const dir = `b-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`
    renameSync(tmp, join(outDir, dir))
    const manifest = { version: MANIFEST_VERSION, stamp, dir, entry: 'lintel.mjs', worker: 'nfcWorker.mjs', builtAt: new Date().toISOString(), files }
    const manifestTmp = `${manifestPath}.${process.pid}.tmp`
    writeFileSync(manifestTmp, `${JSON.stringify(manifest, null, 1)}\n`)
    renameSync(manifestTmp, manifestPath)
    removeOldBuilds(dir)
    return manifest
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** Earlier builds, kept for an hour in case a process that started on one still loads a chunk. */
function removeOldBuilds(current) {
  for (const name of readdirSync(outDir)) {
    if (name === current || name === 'manifest.json' || name.endsWith('.tmp')) continue
    const path = join(outDir, name)
    if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true })
  }
}

/** The build to run: the current one when sound, else a new one. Returns absolute paths. */
export async function ensureBuilt({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const stamp = sourceStamp()
  let manifest = readManifest()
  const problem = buildProblem(manifest, stamp)
  if (problem) {
    if (problem !== 'no build yet' && problem !== 'the sources changed since the last build') log(`Lintel: rebuilding the CLI (${problem}).`)
    manifest = await build(stamp)
  }
  const dir = join(outDir, manifest.dir)
  return { entry: join(dir, manifest.entry), worker: join(dir, manifest.worker), manifest }
}

// `node scripts/cli-build.mjs` (npm's prepare): build now if needed and say where.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now()
  const { entry } = await ensureBuilt()
  process.stderr.write(`Lintel: CLI ready in ${relative(root, dirname(entry))} (${Date.now() - started} ms)\n`)
}
