import { ExitCode } from '../io'
import { nodeUserDataDir } from '../../paths'
import { SyncErrorCode } from '../../sync/doorflowApi'
import { fileTokenStore, type Tokens } from '../../sync/tokens'
import { eventChannel } from '../../../shared/contract'
import { LintelError } from '../../../shared/contract/result'
import type { SyncReportView } from '../../../shared/provisioning/contract'
import { countOption, requireOption, stringOption } from '../args'
import type { CliCommand, OptionValues } from '../command'
import { DB_OPTION_HELP, DB_OPTIONS, ioLogger, siteSource, TIME_ZONE_HELP } from '../services'
import { openNodeServices } from '../../services/node'
import type { CliIo } from '../io'
import { createProgress, type Progress } from '../progress'

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Push the outbox to a DoorFlow-compatible API, exactly once, and pull credential types, groups and people',
  usage: '--api <baseUrl> [--token <token>] [--db <path>] [--time-zone <zone>] [--concurrency N] [--refresh-token <t> [--token-url <url>]]',
  options: {
    ...DB_OPTIONS,
    api: { type: 'string' },
    token: { type: 'string' },
    concurrency: { type: 'string' },
    'refresh-token': { type: 'string' },
    'token-url': { type: 'string' }
  },
  details: [
    DB_OPTION_HELP,
    TIME_ZONE_HELP,
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
    // The app's services run the sync, so its guards hold: one at a time, never during an import, the last run recorded.
    const services = await openNodeServices({ ...siteSource(values), log, extra: { tokens: tokenStore } })
    try {
      // A token given on the command line (or another --api) is kept for the next run (0600 file, with a warning on stderr).
      if (values.token !== undefined || values['refresh-token'] !== undefined || values['token-url'] !== undefined || services.sync.status().api !== baseUrl) {
        services.sync.saveConnection({ api: baseUrl, token: tokens.access_token, refreshToken: tokens.refresh_token })
        tokenStore.write(tokens)
      }
      let progress: Progress | undefined
      const stop = services.hub.subscribe(eventChannel('sync', 'progress'), (payload) => {
        const p = payload as { done: number; total: number }
        progress ??= createProgress('Syncing', p.total, io.interactive)
        progress.update(p.done)
      })
      const report = await services.sync.run({ concurrency: countOption(values, 'concurrency', 4, 64) }).finally(stop)
      progress?.finish()
      printReport(report, io)
      return report.failed.length ? ExitCode.failed : ExitCode.ok
    } finally {
      await services.close()
    }
  }
}

function tokensFrom(values: OptionValues, saved: Tokens | undefined): Tokens {
  const access = stringOption(values, 'token') ?? saved?.access_token
  if (!access) throw new LintelError(SyncErrorCode.noToken, 'no DoorFlow token: pass --token <token>')
  const refresh = stringOption(values, 'refresh-token') ?? (stringOption(values, 'token') ? undefined : saved?.refresh_token)
  const url = stringOption(values, 'token-url') ?? saved?.token_url
  return { access_token: access, ...(refresh ? { refresh_token: refresh } : {}), ...(url ? { token_url: url } : {}) }
}

function printReport(report: SyncReportView, io: CliIo): void {
  const { pushed, reconciled, failed, retries } = report
  if (io.json) return io.out(JSON.stringify({ pushed, reconciled, failed, retries }))
  const lines = [`${pushed} pushed, ${reconciled} reconciled (already on the server), ${retries} retries, ${failed.length} still open`]
  for (const f of failed.slice(0, 50)) lines.push(`  ${f.entity} ${f.id} (${f.op}): ${f.code}: ${f.message}`)
  io.out(lines.join('\n'))
}
