import { ExitCode } from '../io'
import { nodeUserDataDir } from '../../paths'
import type { Logger } from '../../logger'
import { SyncErrorCode } from '../../sync/doorflowApi'
import { syncOutbox, type SyncReport } from '../../sync/syncOutbox'
import { fileTokenStore, type Tokens } from '../../sync/tokens'
import { LintelError } from '../../../shared/contract/result'
import { countOption, requireOption, stringOption } from '../args'
import type { CliCommand, OptionValues } from '../command'
import { DB_OPTION_HELP, openStoreOption } from '../database'
import type { CliIo } from '../io'
import { createProgress, type Progress } from '../progress'

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Push the outbox to a DoorFlow-compatible API, exactly once, and pull credential types, groups and people',
  usage: '--api <baseUrl> [--token <token>] [--db <path>] [--concurrency N] [--refresh-token <t> [--token-url <url>]]',
  options: {
    db: { type: 'string' },
    api: { type: 'string' },
    token: { type: 'string' },
    concurrency: { type: 'string' },
    'refresh-token': { type: 'string' },
    'token-url': { type: 'string' }
  },
  details: [
    DB_OPTION_HELP,
    '--api <baseUrl>   e.g. https://api.doorflow.com; paths under /api/3/ are appended',
    '--token <token>   the OAuth bearer token, saved for the next run; default: the saved one',
    '--concurrency N   requests in flight at once (default 4)',
    '--refresh-token   saved so an expired token is refreshed and rotated',
    'Tokens are kept in doorflow-token.json in the user-data directory (0600, not encrypted: a warning says so).',
    'Output: { pushed, reconciled, failed: [...], retries }. Exit 1 if any operation is still failed or pending.'
  ],
  async run(values, _positionals, io) {
    const baseUrl = requireOption(values, 'api')
    const log = ioLogger(io)
    const tokenStore = fileTokenStore(nodeUserDataDir(), log)
    const tokens = tokensFrom(values, tokenStore.read())
    // A token given on the command line is kept for the next run (0600 file, with a warning on stderr).
    if (values.token !== undefined || values['refresh-token'] !== undefined || values['token-url'] !== undefined) tokenStore.write(tokens)
    const store = await openStoreOption(values)
    try {
      let progress: Progress | undefined
      const report = await syncOutbox(store, {
        baseUrl,
        tokens,
        tokenStore,
        concurrency: countOption(values, 'concurrency', 4, 64),
        log,
        onProgress: (p) => {
          progress ??= createProgress('Syncing', p.total, io.interactive)
          progress.update(p.done)
        }
      })
      progress?.finish()
      printReport(report, io)
      return report.failed.length ? ExitCode.failed : ExitCode.ok
    } finally {
      store.close()
    }
  }
}

/** Warnings and logs go to stderr (through the CLI's io, so tests see them too). */
function ioLogger(io: CliIo): Logger {
  return {
    info: (message) => io.err(`lintel: ${message}`),
    warn: (message) => io.err(`lintel: warning: ${message}`),
    error: (message, error) => io.err(`lintel: error: ${message}${error instanceof Error ? ` (${error.message})` : ''}`)
  }
}

function tokensFrom(values: OptionValues, saved: Tokens | undefined): Tokens {
  const access = stringOption(values, 'token') ?? saved?.access_token
  if (!access) throw new LintelError(SyncErrorCode.noToken, 'no DoorFlow token: pass --token <token>')
  const refresh = stringOption(values, 'refresh-token') ?? (stringOption(values, 'token') ? undefined : saved?.refresh_token)
  const url = stringOption(values, 'token-url') ?? saved?.token_url
  return { access_token: access, ...(refresh ? { refresh_token: refresh } : {}), ...(url ? { token_url: url } : {}) }
}

function printReport(report: SyncReport, io: CliIo): void {
  const { pushed, reconciled, failed, retries } = report
  if (io.json) return io.out(JSON.stringify({ pushed, reconciled, failed, retries }))
  const lines = [`${pushed} pushed, ${reconciled} reconciled (already on the server), ${retries} retries, ${failed.length} still open`]
  for (const f of failed.slice(0, 50)) lines.push(`  ${f.entity} ${f.id} (${f.op}): ${f.code}: ${f.message}`)
  io.out(lines.join('\n'))
}
