import { ErrorCode, LintelError } from '../contract/result'
import { decide, decisionValueOf, siteTimeLabel, type CompiledSite } from '../decision'
import type { Credential, Id, Site } from '../domain/site'
import { parseInstant } from '../time'
import { opensDoor, platformsOf, verdictOf, type Context } from './context'
import { eventFindings, type EventEvidence } from './eventFindings'
import { engineFindings, noMobile, pinFindings } from './engineFindings'
import { phoneFindings, scanFindings, tapFindings } from './liveFindings'
import type { Diagnosis, LiveScan, LiveTap, Platform, SyncEvidence } from './model'
import { adviceFindings, compatibilityFindings, isRetired, retiredFindings, stateFindings, syncFindings } from './recordFindings'
import { credentialsOf, resolveSubject, show } from './subject'
import { summarize } from './summary'
import { remoteFindings, type RemoteAdmit } from './remoteFindings'

/** What a diagnosis needs besides the site: the request, resolved, and evidence gathered by main. */
export interface DiagnoseInput {
  person: Id | string
  door_id: Id
  /** An ISO instant. */
  at: string
  platform?: Platform | undefined
  credential_id?: Id | undefined
  /** Open outbox operations and unsynced records of the person and their credentials; null for a snapshot file. */
  sync: readonly SyncEvidence[] | null
  live?: { tap?: LiveTap | null | undefined; scan?: LiveScan | null | undefined }
  /** The door's own events and status (main reads them from the replica); absent: not considered. */
  events?: EventEvidence | undefined
  /** The remote test's answer, when one was run. */
  remote?: RemoteAdmit | undefined
}

/**
 * Runs every check for a person at a door and time: each failing decision-engine check (not only
 * the first), credential state, reader and phone compatibility, backups, sync state and live tests.
 * Findings come sorted by likelihood, highest first; ties keep the order the checks ran.
 * @throws LintelError not_found for an unknown person, door or credential.
 */
export function diagnose(site: Site, compiled: CompiledSite, input: DiagnoseInput): Diagnosis {
  const ctx = contextFor(site, compiled, input)
  const { considered, retired } = consideredCredentials(ctx, input.credential_id)
  engineFindings(ctx, considered)
  pinFindings(ctx, considered)
  stateFindings(ctx, considered, input.sync)
  compatibilityFindings(ctx, considered)
  adviceFindings(ctx)
  if (input.sync) syncFindings(ctx, input.sync, considered)
  const tap = input.live?.tap ?? null
  const scan = input.live?.scan ?? null
  if (tap) tapFindings(ctx, tap)
  if (scan) scanFindings(ctx, scan)
  const events = input.events ? eventFindings(ctx, input.events, considered) : null
  if (input.remote) remoteFindings(ctx, input.remote)
  const opens = considered.some((c) => opensDoor(ctx.verdicts.get(c)!))
  phoneFindings(ctx, considered, opens)
  retiredFindings(ctx, retired)

  const findings = ctx.findings.map((f, i) => ({ f, i })).sort((a, b) => b.f.likelihood - a.f.likelihood || a.i - b.i).map(({ f }) => f)
  return {
    person: { id: ctx.person.id, name: ctx.name, email: ctx.person.email },
    door: { id: ctx.door.id, name: ctx.door.name },
    at: input.at,
    local_time: ctx.when,
    platform: ctx.platform,
    opens,
    summary: summarize(ctx, findings, considered, opens),
    findings,
    credentials: ctx.mine.map((c) => verdictOf(ctx, c)),
    live: { tap, scan },
    events: events && input.events ? { window_minutes: input.events.window_minutes, items: events } : null,
    source: input.sync ? 'database' : 'snapshot'
  }
}

function contextFor(site: Site, compiled: CompiledSite, input: DiagnoseInput): Context {
  const { person, door } = resolveSubject(site, input.person, input.door_id)
  const atMs = parseInstant(input.at)
  if (Number.isNaN(atMs)) throw new LintelError(ErrorCode.badRequest, `Not an ISO 8601 instant with Z or an offset: ${input.at}`)
  const name = `${person.first_name} ${person.last_name}`
  const mine = [...credentialsOf(site, person.id)]
  if (input.credential_id !== undefined && !mine.some((c) => c.id === input.credential_id)) {
    throw new LintelError(ErrorCode.notFound, `${name} has no credential with id ${show(input.credential_id)}.`)
  }
  const types = new Map(site.credential_types.map((t) => [t.id, t]))
  const ctx: Context = { site, compiled, person, name, door, at: input.at, atMs, when: `${siteTimeLabel(compiled, atMs)} site time`, platform: input.platform ?? null, platforms: platformsOf(site), types, mine, findings: [], verdicts: new Map() }
  for (const c of mine) ctx.verdicts.set(c, decide(compiled, { door_id: door.id, credential_type_id: c.credential_type_id, value: decisionValueOf(c), at: input.at }))
  return ctx
}

/**
 * The credentials the diagnosis is about: the one asked for, else their phone credentials, else
 * all. Credentials revoked on purpose are history and left out (listed as such, last).
 */
function consideredCredentials(ctx: Context, only: Id | undefined): { considered: Credential[]; retired: Credential[] } {
  const isMobile = (c: Credential) => ctx.types.get(c.credential_type_id)?.format === 'mobile'
  if (only !== undefined) return { considered: ctx.mine.filter((c) => c.id === only), retired: [] }
  const retired = ctx.mine.filter((c) => isRetired(c, ctx.mine, isMobile))
  const current = ctx.mine.filter((c) => !retired.includes(c))
  const mobiles = current.filter(isMobile)
  if (!mobiles.length) noMobile(ctx, retired)
  return { considered: mobiles.length ? mobiles : current, retired }
}
