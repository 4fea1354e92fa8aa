#!/usr/bin/env node
// `npm test`: build, static checks and every vitest project; ends with one plain line "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (pkg, file) => join(root, 'node_modules', pkg, file)
let passed = 0
let failed = 0

function step(name, args) {
  process.stderr.write(`\n── ${name} ──\n`)
  const started = Date.now()
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  const ok = result.status === 0
  process.stderr.write(`── ${name}: ${ok ? 'passed' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
  return ok
}

function check(name, args) {
  if (step(name, args)) passed++
  else failed++
}

const built = step('build (electron-vite)', [bin('electron-vite', 'bin/electron-vite.js'), 'build'])
if (built) passed++
else failed++
check('lint (eslint)', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings=0'])
check('typecheck (tsc -b)', [bin('typescript', 'bin/tsc'), '-b'])
check('electronegativity', [join(root, 'scripts', 'electronegativity.mjs')])

const report = join(root, 'test-results', 'vitest.json')
mkdirSync(dirname(report), { recursive: true })
rmSync(report, { force: true })
const vitestArgs = [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
const vitestOk = step('vitest (node, jsdom, e2e)', vitestArgs)
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'))
  passed += summary.numPassedTests
  failed += summary.numFailedTests
  if (!vitestOk && summary.numFailedTests === 0) failed++ // a suite that failed to load has no failed test
} else {
  failed++
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`)
process.exitCode = failed === 0 ? 0 : 1
