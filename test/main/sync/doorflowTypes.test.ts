import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..', '..')

// src/main/sync/doorflow/openapi.d.ts is generated from DoorFlow's openapi.yaml and committed; a change
// to either without `npm run gen:doorflow-types` is drift, and fails here.
it('the committed DoorFlow types are what openapi-typescript generates from openapi.yaml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lintel-doorflow-types-'))
  try {
    const out = join(dir, 'openapi.d.ts')
    const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js')
    execFileSync(process.execPath, [cli, join(root, 'test', 'fixtures', 'doorflow-api', 'openapi.yaml'), '-o', out], { cwd: root, stdio: 'pipe' })
    expect(readFileSync(join(root, 'src', 'main', 'sync', 'doorflow', 'openapi.d.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
