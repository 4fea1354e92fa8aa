#!/usr/bin/env node
// Runs the CLI from its TypeScript sources through tsx, so `npx lintel` never runs a stale build.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/main/cli/index.ts')
process.exitCode = await runCli(process.argv.slice(2))
