// The CLI's entry in the built bundle (scripts/cli-build.mjs): bin/lintel.js imports it once the build is sound.
import { runCli } from './index'

// A `--timeout` counts from the process's start, as a user timing the command would count.
process.exitCode = await runCli(process.argv.slice(2), undefined, performance.timeOrigin)
