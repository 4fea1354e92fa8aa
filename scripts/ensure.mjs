#!/usr/bin/env node
// Runs before `npm start` and `npm test` (npm pre-scripts): everything a newcomer would otherwise do by hand.
// Node built-ins only: node_modules may not exist yet.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureNativeRuntime } from './native.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const mode = process.argv[2] === 'test' ? 'test' : 'start'

/** Debian packages the tests need: Chromium for the end-to-end tests. */
const TEST_PACKAGES = ['chromium']

function say(line) {
  process.stderr.write(`Lintel: ${line}\n`)
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    say(`\`${[cmd, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status || 1)
  }
}

/** node_modules is stale when the packages npm installed differ from the lockfile's. */
function dependenciesStale() {
  const installed = join(root, 'node_modules', '.package-lock.json')
  if (!existsSync(installed)) return 'node_modules is missing'
  const want = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {}
  const have = JSON.parse(readFileSync(installed, 'utf8')).packages ?? {}
  for (const [path, entry] of Object.entries(want)) {
    if (path === '' || entry.optional || entry.extraneous) continue
    if (have[path]?.version !== entry.version) return `${path.replace(/^node_modules\//, '')} is not at ${entry.version}`
  }
  return undefined
}

function installed(pkg) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed')
  } catch {
    return false
  }
}

function ensureSystemPackages(packages) {
  if (!existsSync('/usr/bin/dpkg-query')) return
  const missing = packages.filter((p) => !installed(p))
  if (missing.length === 0) return
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    say(`the tests need ${missing.join(', ')}; install with: sudo ${command}`)
    return
  }
  say(`installing ${missing.join(', ')} (apt-get)`)
  run('apt-get', ['update', '-qq'])
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing])
}

const stale = dependenciesStale()
if (stale) {
  say(`installing dependencies with npm ci (${stale})`)
  run('npm', ['ci', '--no-audit', '--no-fund'])
}
if (mode === 'test') ensureSystemPackages(TEST_PACKAGES)
// The tests, the CLI and the browser host load native modules under Node; start.mjs switches to Electron's ABI.
ensureNativeRuntime(root, 'node')
