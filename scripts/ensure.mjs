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

/**
 * Debian packages the tests need: Chromium for the end-to-end tests, socat for the pty pair of the HCI UART test,
 * pcscd and the vpcd virtual reader for the NFC tests.
 */
const TEST_PACKAGES = ['chromium', 'socat', 'pcscd', 'vsmartcard-vpcd', 'libpcsclite-dev']

/** Needed before npm ci: nfc-pcsc's native dependency builds only against the PC/SC headers. */
const BUILD_PACKAGES = ['libpcsclite-dev']

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

let aptUpdated = false

/** Installs what is missing when root with apt; otherwise says how. Returns the packages it installed. */
function ensureSystemPackages(packages, why = 'the tests need') {
  if (!existsSync('/usr/bin/dpkg-query')) return []
  const missing = packages.filter((p) => !installed(p))
  if (missing.length === 0) return []
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    say(`${why} ${missing.join(', ')}; install with: sudo ${command}`)
    return []
  }
  say(`installing ${missing.join(', ')} (apt-get)`)
  if (!aptUpdated) run('apt-get', ['update', '-qq'])
  aptUpdated = true
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing])
  return missing
}

const headersAdded = ensureSystemPackages(BUILD_PACKAGES, 'real NFC readers need').length > 0
const skippedNfc = headersAdded && existsSync(join(root, 'node_modules')) && !existsSync(join(root, 'node_modules', 'nfc-pcsc'))
const stale = dependenciesStale() ?? (skippedNfc ? 'nfc-pcsc was skipped before the PC/SC headers were installed' : undefined)
if (stale) {
  say(`installing dependencies with npm ci (${stale})`)
  run('npm', ['ci', '--no-audit', '--no-fund'])
}
if (mode === 'test') ensureSystemPackages(TEST_PACKAGES)
// The tests, the CLI and the browser host load native modules under Node; start.mjs switches to Electron's ABI.
ensureNativeRuntime(root, 'node')
