#!/usr/bin/env node
// Runs Electronegativity over src/ and fails on any finding that is not justified below.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'test-results', 'electronegativity.csv')
const ELECTRON_VERSION = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version

/**
 * Findings we accept, each with the reason. Anything else fails the run.
 * CSP_GLOBAL_CHECK at FIRM confidence is csp-evaluator's "maybe weak" for script-src 'self'
 * ('self' is risky when an origin also serves JSONP or user uploads). app://lintel and the
 * browser host serve only Lintel's own bundled files, so 'self' is exactly the bundle.
 * A definite weakness (CERTAIN) or a missing CSP would still fail.
 */
const JUSTIFIED = [{ issue: 'CSP_GLOBAL_CHECK', confidence: 'FIRM', file: 'renderer/index.html' }]

mkdirSync(dirname(out), { recursive: true })
rmSync(out, { force: true })
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const run = spawnSync(process.execPath, [cli, '-i', join(root, 'src'), '-e', ELECTRON_VERSION, '-r', '-v', 'false', '-o', out], {
  cwd: root,
  encoding: 'utf8'
})
let text
try {
  text = readFileSync(out, 'utf8')
} catch {
  process.stderr.write(`electronegativity did not produce a report (exit ${run.status}):\n${run.stderr}\n`)
  process.exit(1)
}
const rows = text
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [issue, severity, confidence, file, location] = line.split(',').map((c) => c.replace(/^"|"$/g, ''))
    return { issue, severity, confidence, file, location }
  })
const justified = (row) => JUSTIFIED.some((j) => j.issue === row.issue && j.confidence === row.confidence && j.file === row.file)
const open = rows.filter((row) => !justified(row))
for (const row of rows) {
  process.stderr.write(`${justified(row) ? 'justified' : 'FINDING  '} ${row.issue} ${row.severity}/${row.confidence} ${row.file}:${row.location}\n`)
}
process.stderr.write(`electronegativity (Electron ${ELECTRON_VERSION}): ${rows.length} findings, ${rows.length - open.length} justified, ${open.length} open\n`)
process.exit(open.length === 0 ? 0 : 1)
