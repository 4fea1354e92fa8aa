import { writeFile } from 'node:fs/promises'
import { PlatformSchema, type DiagnoseRequest, type Diagnosis } from '../../../shared/diagnose'
import type { Site } from '../../../shared/domain/site'
import { diagnosisHtml } from '../../diagnose/report'
import { describeEvents } from './events'
import { countOption, entityId, entityOption, instantOption, requireOption, stringOption } from '../args'
import type { CliCommand, OptionValues } from '../command'
import { DB_OPTION_HELP, SITE_OPTIONS, withServices } from '../services'
import { UsageError } from '../io'

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  summary: 'Why does this phone not open the door? Every check, findings ordered by likelihood, each with its fix',
  usage: '[--site <file> | --db <path>] --person <id|name|email> --door <id|name> [--at <ISO>] [--platform ios|android] [--credential <id>] [--tap S] [--scan S] [--events] [--admit --yes] [--report <file.html|file.json>]',
  options: {
    ...SITE_OPTIONS,
    person: { type: 'string' },
    door: { type: 'string' },
    at: { type: 'string' },
    platform: { type: 'string' },
    credential: { type: 'string' },
    tap: { type: 'string' },
    scan: { type: 'string' },
    report: { type: 'string' },
    events: { type: 'boolean' },
    admit: { type: 'boolean' },
    yes: { type: 'boolean' }
  },
  details: [
    '--site <file>     a site snapshot (docs/site-format.md): no sync evidence',
    `${DB_OPTION_HELP}; its outbox counts as evidence (the default)`,
    '--person          an id, a full name or an email (names and emails ignore case)',
    '--door            an id or a name (ignoring case); an unknown or ambiguous one exits 2 listing the candidates',
    '--at <ISO>        an instant with Z or an offset; default now',
    '--platform        the phone: ios or android (reader compatibility); default: both are considered',
    '--credential <id> only this credential of the person; default: their phone credentials',
    '--tap S           live test: wait S seconds for the phone on the NFC reader (simulated in the demo)',
    '--scan S          live test: scan S seconds for the door reader\'s BLE advertisements',
    '--report <file>   also write the report there (.html, or .json)',
    '--admit --yes     the remote test: DoorFlow lets them in at the door now (it opens the door: --yes confirms); logged in the sync log',
    "--events          also list the door's events of the last 15 minutes (the door's own verdicts count as findings either way)",
    'Output with --json: { "findings": [{ code, severity, evidence, fix, ... }], ... }. Exit 0 whatever the findings.'
  ],
  async run(values, _positionals, io) {
    await withServices(values, io, async (services) => {
      const diagnosis = await services.diagnose.run(requestFrom(values, services.site.snapshot()))
      const report = stringOption(values, 'report')
      if (report) await writeFile(report, report.toLowerCase().endsWith('.json') ? `${JSON.stringify(diagnosis, null, 2)}\n` : diagnosisHtml(diagnosis), 'utf8')
      io.out(io.json ? JSON.stringify(diagnosis) : describeDiagnosis(diagnosis, { events: values.events === true }))
    })
  }
}

function requestFrom(values: OptionValues, site: Site): DiagnoseRequest {
  const personRef = entityId(requireOption(values, 'person'), site, 'person')
  const door = entityId(requireOption(values, 'door'), site, 'door')
  const platformRaw = stringOption(values, 'platform')
  const platform = platformRaw === undefined ? undefined : PlatformSchema.safeParse(platformRaw.toLowerCase())
  if (platform && !platform.success) throw new UsageError(`--platform ${platformRaw}: expected ios or android`)
  const credential = entityOption(values, site, 'credential')
  const tapSeconds = values.tap === undefined ? undefined : countOption(values, 'tap', 20, 120)
  const scanSeconds = values.scan === undefined ? undefined : countOption(values, 'scan', 5, 60)
  if (values.admit === true && values.yes !== true) throw new UsageError('--admit opens the door for them now: add --yes to confirm')
  return {
    person: personRef,
    door_id: door,
    at: instantOption(values),
    ...(platform?.success ? { platform: platform.data } : {}),
    ...(credential !== undefined ? { credential_id: credential } : {}),
    ...(values.admit === true ? { admit: { confirmed: true as const } } : {}),
    ...(tapSeconds || scanSeconds ? { live: { ...(tapSeconds ? { tapSeconds } : {}), ...(scanSeconds ? { scanSeconds } : {}) } } : {})
  }
}

const MARK = { error: 'ERROR  ', warning: 'WARNING', info: 'info   ' } as const

/** The diagnosis in words; with `events`, the door's recent events after the credentials. */
export function describeDiagnosis(d: Diagnosis, options: { events?: boolean } = {}): string {
  const lines = [d.summary, `${d.person.name} at ${d.door.name}, ${d.local_time}${d.platform ? `, ${d.platform}` : ''}`, '']
  d.findings.forEach((f, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${MARK[f.severity]} ${f.title} [${f.code}]`, `      ${f.evidence}`, `      Fix: ${f.fix}`)
  })
  if (d.credentials.length) {
    lines.push('', 'Credentials:')
    for (const c of d.credentials) lines.push(`  ${c.decision.granted ? 'GRANTED' : 'DENIED '} ${c.type}${c.device ? ` · ${c.device}` : ''} ${c.shown_value} (${c.decision.code})`)
  }
  if (options.events) lines.push('', ...eventLines(d))
  return lines.join('\n')
}

function eventLines(d: Diagnosis): string[] {
  if (!d.events) return ["Events: not available yet (Lintel's copy of the site does not hold DoorFlow's events)."]
  const heading = `Events at ${d.door.name}, last ${d.events.window_minutes} minutes (theirs marked *):`
  return [heading, ...(d.events.items.length ? describeEvents(d.events.items).split('\n').map((line, i) => `${d.events!.items[i]!.theirs ? '* ' : '  '}${line}`) : ['  none'])]
}
