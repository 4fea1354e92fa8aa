import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CliCommand } from '../command'
import { countOption } from '../args'
import { SITE_OPTION_HELP, SITE_OPTIONS, siteSource } from '../services'
import { ExitCode } from '../io'

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the app to a browser on 127.0.0.1 (the browser host), until interrupted',
  usage: '[--port N] [--db <path> | --site <file>]',
  options: { port: { type: 'string' }, ...SITE_OPTIONS },
  details: [
    ...SITE_OPTION_HELP,
    'Prints "Lintel: http://127.0.0.1:PORT/?token=…"; only that URL (with its per-run token) can use the app.'],
  async run(values, _positionals, io) {
    // Loaded here, not at the top: only `serve` needs the host and its WebSocket server.
    const { rendererDir, runBrowserHost } = await import('../../host/run')
    if (!existsSync(join(rendererDir(), 'index.html'))) {
      io.err('lintel serve: the renderer is not built; run npm run build (npm start does it for you)')
      return ExitCode.failed
    }
    const port = values.port === undefined ? 0 : countOption(values, 'port', 0, 65535)
    const host = await runBrowserHost({ port, ...siteSource(values) })
    if (io.json) io.out(JSON.stringify({ url: host.url, port: host.port }))
    else io.out(`Lintel: ${host.url}`)
    await new Promise<void>((done) => {
      const stop = (): void => void host.close().then(done)
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    return ExitCode.ok
  }
}
