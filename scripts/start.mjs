#!/usr/bin/env node
// `npm start`: the Electron app when its runtime is available, otherwise the browser host (one line says why).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { ensureNativeRuntime } from './native.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const browserOnly = process.argv.includes('--browser')
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p))

/** Newest modification time under the given paths (files and folders, recursively). */
function newest(paths) {
  let latest = 0
  for (const path of paths) {
    if (!existsSync(path)) continue
    const stat = statSync(path)
    latest = Math.max(latest, stat.mtimeMs)
    if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))))
  }
  return latest
}

/** The build is current when every output is newer than every source it comes from. */
function buildIsCurrent() {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p))
  if (!outputs.every((p) => existsSync(p))) return false
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  return newest(['src', 'resources', 'electron.vite.config.ts', 'package-lock.json'].map((p) => join(root, p))) < built
}

function build() {
  if (buildIsCurrent()) return
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  if (result.status !== 0) {
    process.stderr.write('Lintel: the build failed (see above).\n')
    process.exit(1)
  }
}

/** Resolving the electron package downloads its runtime on first use; offline that fails fast. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000
  })
  return probe.status === 0 && probe.stdout && existsSync(probe.stdout) ? probe.stdout : undefined
}

function startElectron(binary) {
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

function openWindow(url) {
  if (!CHROMIUM || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) return undefined
  const profile = mkdtempSync(join(tmpdir(), 'lintel-chromium-'))
  const args = [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  const browser = spawn(CHROMIUM, args, { stdio: 'ignore' })
  browser.on('exit', () => rmSync(profile, { recursive: true, force: true }))
  return browser
}

function startBrowserHost() {
  const host = spawn(process.execPath, [join(root, 'bin', 'lintel.js'), 'serve', ...process.argv.slice(2).filter((a) => a !== '--browser')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let browser
  createInterface({ input: host.stdout }).on('line', (line) => {
    process.stdout.write(`${line}\n`)
    const url = /^Lintel: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line)?.[1]
    if (url && !browser) browser = openWindow(url)
  })
  const stop = () => {
    browser?.kill()
    host.kill('SIGTERM')
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  host.on('exit', (code) => {
    browser?.kill()
    process.exit(code ?? 0)
  })
}

build()
const binary = browserOnly ? undefined : electronBinary()
if (binary) {
  ensureNativeRuntime(root, 'electron')
  startElectron(binary)
} else {
  if (!browserOnly) {
    process.stderr.write('Lintel: the Electron runtime is not installed and could not be downloaded (offline?); starting the browser host instead.\n')
  }
  startBrowserHost()
}
