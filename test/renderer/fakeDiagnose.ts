import { vi } from 'vitest'
import { fail, ok, type LintelApi, type Result } from '../../src/shared/contract'
import { compileSite, decide, decisionValueOf } from '../../src/shared/decision'
import type { DiagnoseRequest, Diagnosis, Finding, FixAction, FixResult, LiveScan, LiveTap } from '../../src/shared/diagnose'
import { NO_VALUE_LABEL, type Site } from '../../src/shared/domain/site'
import { formatLocalDateTime, parseInstant, zoneTable } from '../../src/shared/time'
import type { SiteHolder } from './fakeProvisioning'

/** What the fake's next diagnoses contain beyond the engine's decisions; tests set these. */
export interface DiagnoseScript {
  findings: Finding[]
  tap: LiveTap
  scan: LiveScan
  /** The door's events as the diagnosis carries them; null: not available. */
  events?: Diagnosis['events']
}

/**
 * The diagnose capability over the fake's site: the person and door are looked up and each
 * credential decided by the real shared engine; findings and live results come from `script`.
 */
export function createFakeDiagnose(holder: SiteHolder) {
  const script: DiagnoseScript = {
    findings: [],
    tap: { outcome: 'no_tap', seconds: 20 },
    scan: { outcome: 'no_reader', reason: 'No BLE reader is known for this door.' }
  }
  const run = vi.fn(async (request: DiagnoseRequest): Promise<Result<Diagnosis>> => diagnosisOf(holder.site, request, script))
  const fix = vi.fn(
    async (action: FixAction): Promise<Result<FixResult>> =>
      ok({ kind: action.kind, message: `Done: ${action.kind}.`, credential_id: null, pin: action.kind === 'issue_backup_pin' ? '482913' : null })
  )
  const exportReport = vi.fn(async ({ format }: { diagnosis: Diagnosis; format: 'html' | 'json' }) =>
    ok({ path: `/tmp/lintel-test/reports/diagnosis.${format}`, format, bytes: 5000 })
  )
  const exportOnboarding = vi.fn(async ({ format }: { person: unknown; format: 'html' | 'pdf' | 'eml' }) =>
    ok({ path: `/tmp/lintel-test/onboarding/onboarding-ben-whitaker.${format}`, format, bytes: 4000, warnings: format === 'eml' ? ['They have no backup PIN or card: issue one before a flat phone locks them out.'] : [] })
  )
  const api: LintelApi['diagnose'] = { run, fix, exportReport, exportOnboarding, on: {} }
  return { api, run, fix, exportReport, exportOnboarding, script }
}

export type FakeDiagnose = ReturnType<typeof createFakeDiagnose>

/** The fake's "now": Wednesday 3 June 2026, 10:00 at the demo site (Europe/London), inside office hours. */
export const FAKE_NOW = '2026-06-03T09:00:00.000Z'

function diagnosisOf(site: Site, request: DiagnoseRequest, script: DiagnoseScript): Result<Diagnosis> {
  const wanted = typeof request.person === 'string' ? request.person.toLowerCase() : null
  const person = site.people.find((p) => p.id === request.person || p.email.toLowerCase() === wanted)
  if (!person) return fail('not_found', `No one at this site has the id or email ${String(request.person)}.`)
  const door = site.doors.find((d) => d.id === request.door_id)
  if (!door) return fail('not_found', `No door ${String(request.door_id)}.`)
  // "Now" is a fixed working-day morning, so what the rules decide does not depend on when the tests run.
  const at = request.at ?? FAKE_NOW
  const compiled = compileSite(site)
  const credentials = site.credentials
    .filter((c) => c.person_id === person.id && (request.credential_id === undefined || c.id === request.credential_id))
    .map((c) => {
      const type = site.credential_types.find((t) => t.id === c.credential_type_id)
      return {
        credential_id: c.id,
        type: type?.label ?? 'Unknown type',
        format: type?.format ?? 'card',
        label: c.label ?? null,
        device: c.device ?? null,
        shown_value: c.value === undefined ? NO_VALUE_LABEL : type?.format === 'pin' ? '••••' : c.value,
        decision: decide(compiled, { door_id: door.id, credential_type_id: c.credential_type_id, value: decisionValueOf(c), at })
      }
    })
  const opens = credentials.some((c) => c.decision.granted)
  return ok({
    person: { id: person.id, name: `${person.first_name} ${person.last_name}`, email: person.email },
    door: { id: door.id, name: door.name },
    at,
    local_time: `${formatLocalDateTime(zoneTable(site.site.timezone), parseInstant(at))} site time`,
    platform: request.platform ?? null,
    opens,
    summary: script.findings[0]?.title ?? (opens ? 'The rules let them in.' : 'The rules keep them out.'),
    findings: script.findings,
    credentials,
    live: { tap: request.live?.tapSeconds ? script.tap : null, scan: request.live?.scanSeconds ? script.scan : null },
    events: script.events ?? null,
    source: 'database'
  })
}
