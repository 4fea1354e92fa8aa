// The CLI's entry in the built bundle (scripts/cli-build.mjs): bin/lintel.js imports it once the build is sound.
import { runCli } from './index'

process.exitCode = await runCli(process.argv.slice(2))
