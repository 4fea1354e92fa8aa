import { ExitCode } from '../io'
import { nodeUserDataDir } from '../../paths'
import { SyncErrorCode } from '../../sync/doorflowApi'
import type { SyncReport } from '../../sync/syncOutbox'
import { fileTokenStore, type Tokens } from '../../sync/tokens'
import { eventChannel } from '../../../shared/contract/define'
import { LintelError } from '../../../shared/contract/result'
import { countOption, requireOption, stringOption } from '../args'
import type { CliCommand, OptionValues } from '../command'
import { DB_OPTION_HELP, DB_OPTIONS, ioLogger, siteSource, TIME_ZONE_HELP } from '../services'
import { openNodeServices } from '../../services/node'
import type { CliIo } from '../io'
import { createProgress, type Progress } from '../progress'

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Pull the DoorFlow account into the local replica and push the outbox, exactly once',
  usage: '--api <baseUrl> [--token <token>] [--db <path>] [--time-zone <zone>] [--concurrency N] [--refresh-token <t> [--client-id <id>] [--token-url <url>]] [--event-days N] [--revoke <credentialId>]',
  options: {
    ...DB_OPTIONS,
    api: { type: 'string' },
    token: { type: 'string' },
    concurrency: { type: 'string' },
    'refresh-token': { type: 'string' },
    'token-url': { type: 'string' },
    'client-id': { type: 'string' },
    'event-days': { type: 'string' },
    revoke: { type: 'string' }
  },
  details: [
    DB_OPTION_HELP,
    TIME_ZONE_HELP,
    '--api <baseUrl>   e.g. https://api.doorflow.com; paths under /api/3/ are appended',
    '--token <token>   the OAuth bearer token, saved for the next run; default: the saved one',
    '--concurrency N   requests in flight at once (default 4)',
    '--refresh-token   saved so an expired token is refreshed and rotated (renewed before it expires)',
    '--client-id       the OAuth client id DoorFlow needs on every refresh; saved with the tokens',
    '--event-days N    days of DoorFlow events kept in the replica (default 14)',
    '--revoke <id>     revoke credential <id> on DoorFlow (DELETE) instead of syncing: offered where a disable was "not confirmed"',
    'Tokens are kept in doorflow-token.json in the user-data directory (0600, not encrypted: a warning says so).',
    'Output: { pushed, reconciled, failed: [...], retries, unconfirmed: [...], pulled }. Exit 1 if any operation is still failed or pending.'
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
      if (['token', 'refresh-token', 'token-url', 'client-id'].some((k) => values[k] !== undefined) || services.sync.status().api !== baseUrl) {
        services.sync.saveConnection({ api: baseUrl, token: tokens.access_token, refreshToken: tokens.refresh_token, clientId: tokens.client_id })
        tokenStore.write(tokens)
      }
      const revoke = stringOption(values, 'revoke')
      if (revoke !== undefined) {
        const result = await services.sync.revoke(JSON.stringify(/^\d+$/.test(revoke) ? Number(revoke) : revoke))
        io.out(io.json ? JSON.stringify(result) : `credential ${revoke}: ${result.status} on DoorFlow`)
        return ExitCode.ok
      }
      let progress: Progress | undefined
      const stop = services.hub.subscribe(eventChannel('sync', 'progress'), (payload) => {
        const p = payload as { done: number; total: number }
        progress ??= createProgress('Syncing', p.total, io.interactive)
        progress.update(p.done)
      })
      const report = await services.sync
        .run({ concurrency: countOption(values, 'concurrency', 4, 64), eventDays: countOption(values, 'event-days', 14, 3650) })
        .finally(stop)
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
  const clientId = stringOption(values, 'client-id') ?? saved?.client_id
  const fresh = stringOption(values, 'token') === undefined && saved?.expires_at ? { expires_at: saved.expires_at } : {}
  return { access_token: access, ...(refresh ? { refresh_token: refresh } : {}), ...(url ? { token_url: url } : {}), ...(clientId ? { client_id: clientId } : {}), ...fresh }
}

function printReport(report: SyncReport, io: CliIo): void {
  const { pushed, reconciled, failed, retries, unconfirmed, pulled } = report
  if (io.json) return io.out(JSON.stringify({ pushed, reconciled, failed, retries, unconfirmed, pulled }))
  const lines = [`${pushed} pushed, ${reconciled} reconciled (already on the server), ${retries} retries, ${failed.length} still open`]
  if (pulled) lines.push(`pulled: ${pulled.people} people, ${pulled.credentials} credentials, ${pulled.doors} doors, ${pulled.events} events, ${pulled.groups} groups, ${pulled.credential_types} credential types`)
  for (const w of pulled?.warnings.slice(0, 20) ?? []) lines.push(`  warning: ${w}`)
  for (const f of failed.slice(0, 50)) lines.push(`  ${f.entity} ${f.id} (${f.op}): ${f.code}: ${f.message}`)
  for (const u of unconfirmed.slice(0, 50)) lines.push(`  ${u.entity} ${u.id}: not confirmed: ${u.message}`)
  io.out(lines.join('\n'))
}
