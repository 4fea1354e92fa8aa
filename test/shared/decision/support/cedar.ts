import * as cedar from '@cedar-policy/cedar-wasm/nodejs'
import { setFlagsFromString } from 'node:v8'
import type { EntityJson, StatefulAuthorizationCall } from '@cedar-policy/cedar-wasm/nodejs'
import type { DecisionRequest } from '../../../../src/shared/decision'
import type { Id, Schedule, Site, WeeklyInterval } from '../../../../src/shared/domain/site'
import { DAY_NAMES } from '../../../../src/shared/domain/site'

/**
 * The site snapshot as Cedar policies and entities, written independently of the engine so the
 * two can be checked against each other. Local time comes from Intl, instants from Date.parse.
 */
export interface CedarSite {
  readonly policySetId: string
  readonly timeZone: string
  readonly holidays: ReadonlySet<string>
  readonly credentialByKey: ReadonlyMap<string, EntityJson>
  readonly people: ReadonlyMap<string, EntityJson>
  readonly groups: ReadonlyMap<string, EntityJson>
  readonly doors: ReadonlyMap<string, EntityJson>
}

/** The context Cedar needs for one request: Cedar has no time zones, so local time comes in. */
export interface LocalContext {
  now: number
  /** 0 = Monday … 6 = Sunday, in the site's zone. */
  day: number
  minute: number
  holiday: boolean
}

// Node 20's V8 aborts ("unreachable code" in Deoptimizer::DoComputeBuiltinContinuation) when it
// lazily deoptimizes a function with an inlined JS-to-Wasm call, which hundreds of thousands of
// statefulIsAuthorized calls reliably trigger. Not inlining those calls avoids it.
setFlagsFromString('--no-turbo-inline-js-wasm-calls')

const key = (id: Id): string => JSON.stringify(id)
const uid = (type: string, id: string) => ({ type, id })

let encodings = 0

/** Encodes the snapshot and preparses its policy set under a fresh id. */
export function encodeSiteForCedar(site: Site): CedarSite {
  const policySetId = `site${++encodings}`
  const answer = cedar.preparsePolicySet(policySetId, { staticPolicies: sitePolicies(site.schedules) })
  if (answer.type !== 'success') throw new Error(`Cedar rejected the policies: ${JSON.stringify(answer.errors)}`)
  return {
    policySetId,
    timeZone: site.site.timezone,
    holidays: new Set(site.site.holidays),
    credentialByKey: credentialEntities(site),
    people: personEntities(site),
    groups: new Map(site.groups.map((g) => [key(g.id), { uid: uid('Group', key(g.id)), attrs: {}, parents: [] }])),
    doors: doorEntities(site)
  }
}

function credentialEntities(site: Site): Map<string, EntityJson> {
  const pinTypes = new Set(site.credential_types.filter((t) => t.format === 'pin').map((t) => key(t.id)))
  const byKey = new Map<string, EntityJson>()
  for (const c of site.credentials) {
    const attrs = {
      type: key(c.credential_type_id),
      enabled: c.enabled,
      status: c.status,
      is_pin: pinTypes.has(key(c.credential_type_id)),
      person: { __entity: uid('Person', key(c.person_id)) }
    }
    const entity = { uid: uid('Credential', key(c.id)), attrs, parents: [uid('Person', key(c.person_id))] }
    byKey.set(`${key(c.credential_type_id)}|${c.value}`, entity)
  }
  return byKey
}

function personEntities(site: Site): Map<string, EntityJson> {
  const pinTypes = new Set(site.credential_types.filter((t) => t.format === 'pin').map((t) => key(t.id)))
  const pins = new Map<string, string[]>()
  for (const c of site.credentials) {
    if (!pinTypes.has(key(c.credential_type_id)) || !c.enabled || c.status !== 'active') continue
    pins.set(key(c.person_id), [...(pins.get(key(c.person_id)) ?? []), ...(c.value === undefined ? [] : [c.value])])
  }
  const entities = new Map<string, EntityJson>()
  for (const p of site.people) {
    const attrs: Record<string, cedar.CedarValueJson> = { enabled: p.enabled, pins: pins.get(key(p.id)) ?? [], groups: p.group_ids.map(key) }
    if (p.valid_from) attrs.valid_from = Date.parse(p.valid_from)
    if (p.valid_to) attrs.valid_to = Date.parse(p.valid_to)
    entities.set(key(p.id), { uid: uid('Person', key(p.id)), attrs, parents: p.group_ids.map((g) => uid('Group', key(g))) })
  }
  return entities
}

/** Doors carry, per schedule, the groups whose access entries list them: `always` and `s0`, `s1`, …. */
function doorEntities(site: Site): Map<string, EntityJson> {
  const scheduleAttr = new Map(site.schedules.map((s, i) => [key(s.id), `s${i}`]))
  const grants = new Map<string, Map<string, Set<string>>>()
  for (const g of site.groups) {
    for (const entry of g.access) {
      const attr = entry.schedule_id === null ? 'always' : scheduleAttr.get(key(entry.schedule_id))
      if (!attr) continue
      for (const d of entry.door_ids) {
        const byAttr = grants.get(key(d)) ?? new Map<string, Set<string>>()
        grants.set(key(d), byAttr)
        byAttr.set(attr, (byAttr.get(attr) ?? new Set()).add(key(g.id)))
      }
    }
  }
  return new Map(
    site.doors.map((d) => {
      const attrs: Record<string, cedar.CedarValueJson> = {
        mode: d.mode,
        accepts: d.accepts.map(key),
        requires_pin: d.requires_pin,
        always: []
      }
      for (const [attr, groups] of grants.get(key(d.id)) ?? []) attrs[attr] = [...groups]
      return [key(d.id), { uid: uid('Door', key(d.id)), attrs, parents: [] }]
    })
  )
}

const COMMON = `
  resource.mode == "normal" &&
  resource.accepts.contains(principal.type) &&
  principal.enabled && principal.status == "active" &&
  principal.person.enabled &&
  (!(principal.person has valid_from) || principal.person.valid_from <= context.now) &&
  (!(principal.person has valid_to) || context.now < principal.person.valid_to) &&
  (!resource.requires_pin || principal.is_pin ||
    (context has pin && principal.person.pins.contains(context.pin)))`

/**
 * The door-mode policies and one access permit whose grant condition is a disjunction over
 * "always" and every schedule. cedar-wasm costs tens of microseconds per policy evaluated, so
 * one permit with a disjunction beats one permit per schedule.
 */
export function sitePolicies(schedules: readonly Schedule[]): string {
  const grants = ['resource.always.containsAny(principal.person.groups)']
  for (const [i, s] of schedules.entries()) {
    grants.push(`(resource has s${i} && resource.s${i}.containsAny(principal.person.groups) && ${scheduleCondition(s)})`)
  }
  return [
    `@id("door-unlocked")\npermit (principal, action == Action::"open", resource is Door) when { resource.mode == "unlocked" };`,
    `@id("door-lockdown")\nforbid (principal, action == Action::"open", resource is Door) when { resource.mode == "lockdown" };`,
    `@id("access")\npermit (principal is Credential, action == Action::"open", resource is Door)\nwhen {${COMMON} &&\n  ${balancedOr(grants)} };`
  ].join('\n\n')
}

/** `a || b || …` as a balanced tree: Cedar's parser recurses once per level of nesting. */
function balancedOr(terms: readonly string[]): string {
  if (terms.length === 1) return terms[0]!
  const middle = Math.ceil(terms.length / 2)
  return `(${balancedOr(terms.slice(0, middle))} ||\n ${balancedOr(terms.slice(middle))})`
}

function scheduleCondition(schedule: Schedule): string {
  const intervals = schedule.weekly.flatMap(intervalConditions)
  const any = intervals.length === 0 ? 'false' : `(${intervals.join(' || ')})`
  return schedule.holidays === 'closed' ? `(!context.holiday && ${any})` : any
}

function intervalConditions(interval: WeeklyInterval): string[] {
  const from = minutes(interval.from)
  const to = minutes(interval.to)
  const days = interval.days.map((d) => DAY_NAMES.indexOf(d))
  if (days.length === 0) return []
  const on = (ds: number[]) => `[${ds.join(', ')}].contains(context.day)`
  if (to > from) return [`(${on(days)} && ${from} <= context.minute && context.minute < ${to})`]
  const next = days.map((d) => (d + 1) % 7)
  return [`(${on(days)} && ${from} <= context.minute)`, `(${on(next)} && context.minute < ${to})`]
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

const formatters = new Map<string, Intl.DateTimeFormat>()
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** The local time of `at` in the site's zone, straight from Intl (the oracle). */
export function localContext(cs: Pick<CedarSite, 'timeZone' | 'holidays'>, at: string): LocalContext {
  let formatter = formatters.get(cs.timeZone)
  if (!formatter) {
    const options = { timeZone: cs.timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const
    formatters.set(cs.timeZone, (formatter = new Intl.DateTimeFormat('en-US', options)))
  }
  const now = Date.parse(at)
  const parts: Record<string, string> = {}
  for (const p of formatter.formatToParts(now)) parts[p.type] = p.value
  const date = `${parts.year}-${parts.month}-${parts.day}`
  return { now, day: WEEKDAYS.indexOf(parts.weekday ?? ''), minute: Number(parts.hour) * 60 + Number(parts.minute), holiday: cs.holidays.has(date) }
}

/** The Cedar call for one request, carrying only that request's own entities. */
export function cedarCall(cs: CedarSite, request: DecisionRequest, local: LocalContext): StatefulAuthorizationCall {
  const entities: EntityJson[] = []
  const credential = cs.credentialByKey.get(`${key(request.credential_type_id)}|${request.value}`)
  const door = cs.doors.get(key(request.door_id))
  if (door) entities.push(door)
  if (credential) {
    entities.push(credential)
    const person = cs.people.get((credential.parents[0] as { id: string }).id)
    if (person) {
      entities.push(person)
      for (const g of person.parents) {
        const group = cs.groups.get((g as { id: string }).id)
        if (group) entities.push(group)
      }
    }
  }
  const context: Record<string, cedar.CedarValueJson> = { ...local }
  if (request.pin) context.pin = request.pin
  return {
    principal: credential ? credential.uid : uid('Credential', 'unknown'),
    action: uid('Action', 'open'),
    resource: uid('Door', key(request.door_id)),
    context,
    preparsedPolicySetId: cs.policySetId,

    entities
  }
}

/** Cedar's verdict; a failed call (malformed input) throws, since that is a bug in the encoding. */
export function cedarGranted(call: StatefulAuthorizationCall): boolean {
  const answer = cedar.statefulIsAuthorized(call)
  if (answer.type !== 'success') throw new Error(`Cedar failed: ${JSON.stringify(answer.errors)}`)
  return answer.response.decision === 'allow'
}
