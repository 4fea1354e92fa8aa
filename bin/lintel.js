#!/usr/bin/env node
// Runs the built CLI (out/cli, made by `npm ci`'s prepare step). The build is checked on every start
// against a stamp of the sources and each file's SHA-256, and rebuilt first when it is stale or
// damaged, so `npx lintel` never runs stale or half-written code. docs/decisions/0002-built-cli.md
import { pathToFileURL } from 'node:url'
import { ensureBuilt } from '../scripts/cli-build.mjs'

const { entry } = await ensureBuilt()
await import(pathToFileURL(entry).href)
