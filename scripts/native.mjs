// Native modules must be compiled for the runtime that loads them: Node's ABI for the tests, the CLI
// and the browser host; Electron's ABI for the app. A stamp in node_modules records which one was built
// last, so `npm start` and `npm test` work in either order. Node built-ins only.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Packages with compiled addons that Lintel loads (present only once their feature is installed). */
export const NATIVE_PACKAGES = ['better-sqlite3', '@pokusew/pcsclite']

/** What the native modules should be built for, as the stamp writes it. */
export function targetFor(runtime, versions) {
  return runtime === 'electron' ? `electron-${versions.electron}` : `node-${versions.modules}`
}

/**
 * What to do: nothing when the stamp matches; record the stamp when there is none (npm ci has just
 * built for Node); otherwise rebuild. Pure, so it is unit-tested.
 */
export function nativeAction(stamp, target) {
  if (stamp === target) return 'none'
  if (stamp === undefined && target.startsWith('node-')) return 'stamp'
  return 'rebuild'
}

/** npm's own switches for building against Electron's headers instead of Node's. */
export function rebuildEnv(runtime, versions, env = process.env) {
  if (runtime !== 'electron') return env
  return {
    ...env,
    npm_config_runtime: 'electron',
    npm_config_target: versions.electron,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_build_from_source: 'true'
  }
}

/** Rebuilds the installed native packages for `runtime` when the stamp says they were built for another. */
export function ensureNativeRuntime(root, runtime) {
  const installed = NATIVE_PACKAGES.filter((name) => existsSync(join(root, 'node_modules', name, 'package.json')))
  const stampFile = join(root, 'node_modules', '.lintel-native-runtime')
  const versions = { modules: process.versions.modules, electron: electronVersion(root) }
  const target = targetFor(runtime, versions)
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : undefined
  const action = installed.length === 0 ? 'stamp' : nativeAction(stamp, target)
  if (action === 'rebuild') {
    process.stderr.write(`Lintel: rebuilding ${installed.join(', ')} for ${target}\n`)
    const result = spawnSync('npm', ['rebuild', ...installed], { cwd: root, stdio: 'inherit', env: rebuildEnv(runtime, versions) })
    if (result.status !== 0) throw new Error(`npm rebuild for ${target} failed`)
  }
  if (action !== 'none' && existsSync(join(root, 'node_modules'))) writeFileSync(stampFile, `${target}\n`)
}

function electronVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
  } catch {
    return 'unknown'
  }
}
