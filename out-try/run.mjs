const { runCli } = await import('./cli/index.js')
process.exitCode = await runCli(process.argv.slice(2))
