import { ErrorCode, LintelError } from '../contract/result'
import { DECISION_CODES, DecisionCode, decide, groupAccessAt, siteTimeLabel, type CompiledSite, type Decision } from '../decision'
import {
  DEFAULT_MOBILE_PLATFORMS,
  type Credential,
  type CredentialType,
  type Door,
  type Id,
  type Person,
  type ReaderRadio,
  type Site
} from '../domain/site'
import { adviseOn } from '../provisioning/advice'
import { parseInstant } from '../time'
import {
  FindingCode,
  type CredentialVerdict,
  type Diagnosis,
  type Finding,
  type FixAction,
  type LiveScan,
  type LiveTap,
  type Platform,
  type Severity,
  type SyncEvidence
} from './model'

/** New mobile credentials take about this long to reach the door (Alarm.com: "allow 2 minutes"). */
export const PROPAGATION_MS = 2 * 60_000

const PLATFORM_NAME: Record<Platform, string> = { ios: 'an iPhone', android: 'an Android phone' }
const RADIO_NAME: Record<ReaderRadio, string> = { ble: 'Bluetooth (BLE)', nfc: 'NFC' }

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
}

interface SiteIndex {
  people: Map<Id, Person>
  emails: Map<string, Person>
  byPerson: Map<Id, Credential[]>
}

const indexes = new WeakMap<Site, SiteIndex>()

/** Lookups for one snapshot object, built on first use (a diagnosis must not scan a 100k-person site). */
function indexOf(site: Site): SiteIndex {
  let index = indexes.get(site)
  if (!index) {
    index = { people: new Map(), emails: new Map(), byPerson: new Map() }
    for (const p of site.people) {
      if (!index.people.has(p.id)) index.people.set(p.id, p)
      if (!index.emails.has(p.email.toLowerCase())) index.emails.set(p.email.toLowerCase(), p)
    }
    for (const c of site.credentials) {
      const list = index.byPerson.get(c.person_id)
      if (list) list.push(c)
      else index.byPerson.set(c.person_id, [c])
    }
    indexes.set(site, index)
  }
  return index
}

/** A person's credentials, in site order. */
export function credentialsOf(site: Site, personId: Id): readonly Credential[] {
  return indexOf(site).byPerson.get(personId) ?? []
}

/** Finds a person by id (exactly) or by email (case-insensitively). */
export function findPerson(site: Site, ref: Id | string): Person | undefined {
  const index = indexOf(site)
  const byId = index.people.get(ref)
  if (byId) return byId
  if (typeof ref === 'string' && ref.includes('@')) return index.emails.get(ref.trim().toLowerCase())
  return undefined
}

/** The radios a credential type travels on. */
export function typeRadios(type: CredentialType | undefined): ReaderRadio[] {
  if (!type) return []
  return type.technology === 'ble+nfc' ? ['ble', 'nfc'] : type.technology === 'ble' || type.technology === 'nfc' ? [type.technology] : []
}

/** A door reader's radios for phones: declared, or those of the credential types it accepts. */
export function doorRadios(site: Site, door: Door): ReaderRadio[] {
  if (door.reader_radios) return [...new Set(door.reader_radios)]
  const types = new Map(site.credential_types.map((t) => [t.id, t]))
  return [...new Set(door.accepts.flatMap((id) => typeRadios(types.get(id))))]
}

const live = (c: Credential): boolean => c.enabled && c.status !== 'revoked' && c.status !== 'disabled'
const show = (id: Id): string => JSON.stringify(id)

/**
 * The person (by id or email) and the door a diagnosis is about.
 * @throws LintelError not_found naming the one that is missing.
 */
export function resolveSubject(site: Site, personRef: Id | string, doorId: Id): { person: Person; door: Door } {
  const person = findPerson(site, personRef)
  if (!person) throw new LintelError(ErrorCode.notFound, `There is no person ${typeof personRef === 'string' && personRef.includes('@') ? personRef : show(personRef)} on this site.`)
  const door = site.doors.find((d) => d.id === doorId)
  if (!door) throw new LintelError(ErrorCode.notFound, `There is no door with id ${show(doorId)} on this site.`)
  return { person, door }
}

/**
 * Runs every check for a person at a door and time: each failing decision-engine check (not only
 * the first), credential state, reader and phone compatibility, backups, sync state and live tests.
 * Findings come sorted by likelihood, highest first; ties keep the order the checks ran.
 * @throws LintelError not_found for an unknown person, door or credential.
 */
export function diagnose(site: Site, compiled: CompiledSite, input: DiagnoseInput): Diagnosis {
  const { person, door } = resolveSubject(site, input.person, input.door_id)
  const atMs = parseInstant(input.at)
  if (Number.isNaN(atMs)) throw new LintelError(ErrorCode.badRequest, `Not an ISO 8601 instant with Z or an offset: ${input.at}`)
  const types = new Map(site.credential_types.map((t) => [t.id, t]))
  const mine = [...credentialsOf(site, person.id)]
  if (input.credential_id !== undefined && !mine.some((c) => c.id === input.credential_id)) {
    throw new LintelError(ErrorCode.notFound, `${person.first_name} ${person.last_name} has no credential with id ${show(input.credential_id)}.`)
  }
  const ctx: Context = {
    site,
    compiled,
    person,
    door,
    at: input.at,
    atMs,
    when: `${siteTimeLabel(compiled, atMs)} site time`,
    platform: input.platform ?? null,
    types,
    mine,
    findings: [],
    verdicts: new Map()
  }
  for (const c of mine) ctx.verdicts.set(c, decide(compiled, { door_id: door.id, credential_type_id: c.credential_type_id, value: c.value, at: input.at }))
  const mobiles = mine.filter((c) => types.get(c.credential_type_id)?.format === 'mobile')
  const considered = input.credential_id !== undefined ? mine.filter((c) => c.id === input.credential_id) : mobiles.length ? mobiles : mine
  if (input.credential_id === undefined && !mobiles.length) noMobile(ctx)

  engineFindings(ctx, considered)
  pinFindings(ctx, considered)
  stateFindings(ctx, considered)
  compatibilityFindings(ctx, considered)
  adviceFindings(ctx)
  if (input.sync) syncFindings(ctx, input.sync)
  const tap = input.live?.tap ?? null
  const scan = input.live?.scan ?? null
  if (tap) tapFindings(ctx, tap)
  if (scan) scanFindings(ctx, scan)

  const opens = considered.some((c) => opensDoor(ctx.verdicts.get(c)!))
  phoneFindings(ctx, considered, opens)

  const findings = ctx.findings.map((f, i) => ({ f, i })).sort((a, b) => b.f.likelihood - a.f.likelihood || a.i - b.i).map(({ f }) => f)
  const name = `${person.first_name} ${person.last_name}`
  const top = findings.find((f) => f.severity === 'error') ?? findings[0]
  const lower = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`
  const working = considered.filter((c) => opensDoor(ctx.verdicts.get(c)!))
  const summary = findings.some((f) => f.severity === 'error')
    ? working.length
      ? `${door.name} opens for ${name} with ${working.map((c) => describe(ctx, c)).join(', ')}, but ${lower(top!.title)}${top!.credential_id !== null ? ` for ${describe(ctx, ctx.mine.find((c) => c.id === top!.credential_id) ?? considered[0]!)}` : ''}.`
      : `${door.name} will not open for ${name}: ${lower(top!.title)}.`
    : opens
      ? `The access rules let ${name} through ${door.name} at ${ctx.when}; the likely cause is on the phone.`
      : `No credential of ${name} opens ${door.name} at ${ctx.when}.`
  return {
    person: { id: person.id, name, email: person.email },
    door: { id: door.id, name: door.name },
    at: input.at,
    local_time: ctx.when,
    platform: ctx.platform,
    opens,
    summary,
    findings,
    credentials: mine.map((c) => verdictOf(ctx, c)),
    live: { tap, scan },
    source: input.sync ? 'database' : 'snapshot'
  }
}

interface Context {
  site: Site
  compiled: CompiledSite
  person: Person
  door: Door
  at: string
  atMs: number
  when: string
  platform: Platform | null
  types: Map<Id, CredentialType>
  mine: Credential[]
  findings: Finding[]
  verdicts: Map<Credential, Decision>
}

function add(ctx: Context, code: Finding['code'], severity: Severity, likelihood: number, title: string, evidence: string, fix: string, action: FixAction | null = null, credential: Credential | null = null): void {
  ctx.findings.push({ code, severity, title, evidence, fix, action, likelihood, credential_id: credential ? credential.id : null })
}

/** Granted by the rules, or refused only for want of a PIN typed at the keypad (the phone is not the problem). */
function opensDoor(decision: Decision): boolean {
  return decision.checks.every((c) => c.passed || c.check === DecisionCode.pinRequired)
}

/** A credential as the helpdesk sees it on screen: type, value (never a PIN's) and device or label. */
function describe(ctx: Context, c: Credential): string {
  const type = ctx.types.get(c.credential_type_id)
  const what = type?.label ?? `type ${show(c.credential_type_id)}`
  const on = c.device ?? c.label
  const value = type?.format === 'pin' ? '' : ` ${c.value}`
  return `${what}${value}${on ? ` (${on})` : ''}`
}

function verdictOf(ctx: Context, c: Credential): CredentialVerdict {
  const type = ctx.types.get(c.credential_type_id)
  const isPin = type?.format === 'pin'
  return {
    credential_id: c.id,
    type: type?.label ?? `type ${show(c.credential_type_id)}`,
    format: type?.format ?? 'other',
    label: c.label ?? null,
    device: c.device ?? null,
    shown_value: isPin ? '•'.repeat(c.value.length) : c.value,
    decision: ctx.verdicts.get(c)!
  }
}

function noMobile(ctx: Context): void {
  const name = `${ctx.person.first_name} ${ctx.person.last_name}`
  const accepted = ctx.site.credential_types.filter((t) => t.format === 'mobile' && ctx.door.accepts.includes(t.id)).map((t) => t.label)
  add(
    ctx,
    FindingCode.noMobileCredential,
    'error',
    0.99,
    'They have no phone credential',
    `${name} has ${ctx.mine.length ? `only ${ctx.mine.map((c) => describe(ctx, c)).join(', ')}` : 'no credentials at all'}; no phone credential is issued to them.`,
    accepted.length ? `Issue a ${accepted.join(' or ')} credential for their phone (Provision page), then allow 2 minutes.` : `${ctx.door.name} accepts no phone credential: use a card or PIN it accepts.`
  )
}

/** Every failing check of the engine, one finding per code, in the engine's order. */
function engineFindings(ctx: Context, considered: Credential[]): void {
  const byCode = new Map<DecisionCode, { details: string[]; credentials: Credential[] }>()
  for (const c of considered) {
    for (const check of ctx.verdicts.get(c)!.checks) {
      if (check.passed || check.check === DecisionCode.pinRequired || check.check === DecisionCode.pinMismatch) continue
      const entry = byCode.get(check.check) ?? { details: [], credentials: [] }
      const perCredential = check.check === DecisionCode.credentialTypeNotAccepted || check.check === DecisionCode.credentialDisabled || check.check === DecisionCode.credentialNotActive
      entry.details.push(perCredential && considered.length > 1 ? `${describe(ctx, c)}: ${check.detail}` : check.detail)
      entry.credentials.push(c)
      byCode.set(check.check, entry)
    }
  }
  for (const code of DECISION_CODES) {
    const entry = byCode.get(code)
    if (!entry) continue
    const evidence = [...new Set(entry.details)].join(' ')
    const likelihood = 0.98 - DECISION_CODES.indexOf(code) * 0.004
    const one = entry.credentials.length === 1 || new Set(entry.credentials).size === 1 ? entry.credentials[0]! : null
    const f = engineFix(ctx, code, one, entry.credentials)
    add(ctx, code, 'error', likelihood, f.title, evidence, f.fix, f.action, one)
  }
}

function engineFix(ctx: Context, code: DecisionCode, one: Credential | null, credentials: Credential[]): { title: string; fix: string; action: FixAction | null } {
  const door = ctx.door.name
  const personId = ctx.person.id
  switch (code) {
    case DecisionCode.doorLockdown:
      return { title: `${door} is in lockdown`, fix: 'Nobody can open it until an administrator lifts the lockdown in the access control system.', action: null }
    case DecisionCode.credentialTypeNotAccepted: {
      const accepted = ctx.door.accepts.map((id) => ctx.types.get(id)?.label ?? show(id))
      return { title: `${door} does not accept this credential type`, fix: `Issue a credential of a type ${door} accepts (${accepted.join(', ') || 'none'}), or add the type to the door.`, action: null }
    }
    case DecisionCode.credentialDisabled: {
      const target = credentials.find((c) => c.status !== 'revoked')
      if (target) return { title: 'The credential is disabled', fix: `Enable ${describe(ctx, target)}.`, action: { kind: 'enable_credential', credential_id: target.id } }
      return {
        title: 'The credential has been revoked',
        fix: 'A revoked credential cannot come back: issue the phone a new credential on the Provision page, then test it at the door.',
        action: null
      }
    }
    case DecisionCode.credentialNotActive:
      return {
        title: 'The invitation has not been accepted on the phone',
        fix: `Ask them to open the invitation email on the phone, install the app and accept it, then wait 2 minutes before trying ${door} again.`,
        action: null
      }
    case DecisionCode.personDisabled:
      return ctx.person
        ? { title: 'The person is disabled', fix: `Enable ${ctx.person.first_name} ${ctx.person.last_name} if they should have access.`, action: { kind: 'enable_person', person_id: personId } }
        : { title: 'The person is missing', fix: 'Re-create the person.', action: null }
    case DecisionCode.personNotYetValid:
      return { title: 'Their access period has not started', fix: 'If they should have access now, move the start of their access window (Provision page).', action: null }
    case DecisionCode.personExpired:
      return { title: 'Their access period has ended', fix: 'If they should still have access, extend the end of their access window (Provision page).', action: null }
    case DecisionCode.noGroupGrantsDoor: {
      const group = bestGroup(ctx)
      return group
        ? { title: `No group of theirs gives access to ${door}`, fix: `Add them to ${group.name}, which ${group.now ? 'has access now' : 'gives access to the door'}.`, action: { kind: 'add_to_group', person_id: personId, group_id: group.id } }
        : { title: `No group of theirs gives access to ${door}`, fix: `No group gives access to ${door}: create one with access to it (Provision page) and add them.`, action: null }
    }
    case DecisionCode.outsideSchedule: {
      const group = bestGroup(ctx)
      return group?.now
        ? { title: 'It is outside their schedule for this door', fix: `If they should get in at this time, add them to ${group.name}, which has access now.`, action: { kind: 'add_to_group', person_id: personId, group_id: group.id } }
        : { title: 'It is outside their schedule for this door', fix: 'Access at this time needs a schedule that covers it; no group has one. Change a schedule, or come back in hours.', action: null }
    }
    default:
      return { title: `The decision engine refuses: ${code}`, fix: one ? `Check ${describe(ctx, one)}.` : 'Check the credential.', action: null }
  }
}

/** A group the person is not in that gives access to the door: one with access at `at` first. */
function bestGroup(ctx: Context): { id: Id; name: string; now: boolean } | undefined {
  let other: { id: Id; name: string; now: boolean } | undefined
  for (let i = 0; i < ctx.site.groups.length; i++) {
    const g = ctx.site.groups[i]!
    if (ctx.person.group_ids.includes(g.id)) continue
    const access = groupAccessAt(ctx.compiled, ctx.door.id, i, ctx.atMs)
    if (access === 'now') return { id: g.id, name: g.name, now: true }
    if (access === 'other_times') other ??= { id: g.id, name: g.name, now: false }
  }
  return other
}

/** A door that also asks for a PIN needs one the person has. */
function pinFindings(ctx: Context, considered: Credential[]): void {
  if (!ctx.door.requires_pin || ctx.door.mode !== 'normal') return
  const pins = ctx.mine.filter((c) => ctx.types.get(c.credential_type_id)?.format === 'pin' && live(c))
  if (considered.every((c) => ctx.types.get(c.credential_type_id)?.format === 'pin')) return
  if (!pins.length) {
    add(ctx, DecisionCode.pinRequired, 'error', 0.94, `${ctx.door.name} also asks for a PIN, and they have none`, `${ctx.door.name} requires a PIN after the credential; ${ctx.person.first_name} has no active PIN.`, 'Issue them a PIN and read it out to them.', { kind: 'issue_backup_pin', person_id: ctx.person.id })
  } else {
    add(ctx, DecisionCode.pinRequired, 'info', 0.35, `${ctx.door.name} also asks for their PIN`, `${ctx.door.name} requires a PIN after the credential; ${ctx.person.first_name} has ${pins.length === 1 ? 'an active PIN' : `${pins.length} active PINs`}.`, 'Make sure they type their PIN on the keypad after presenting the phone.')
  }
}

/** Issued moments ago, issued after the time asked about, or one value on two records (two phones). */
function stateFindings(ctx: Context, considered: Credential[]): void {
  for (const c of considered) {
    if (!c.issued_at || ctx.types.get(c.credential_type_id)?.format !== 'mobile') continue
    const issued = parseInstant(c.issued_at)
    if (Number.isNaN(issued)) continue
    const age = ctx.atMs - issued
    if (age >= 0 && age < PROPAGATION_MS) {
      add(ctx, FindingCode.recentlyIssued, 'warning', 0.8, 'The phone credential was issued less than 2 minutes ago', `${describe(ctx, c)} was issued ${Math.round(age / 1000)} s before ${ctx.when}; a new mobile credential takes about 2 minutes to reach the door (revocation, by contrast, is immediate).`, 'Wait until 2 minutes have passed since it was issued (and since the invitation was accepted), then try again.', null, c)
    } else if (age < 0) {
      add(ctx, FindingCode.issuedLater, 'info', 0.3, 'The credential did not exist yet at that time', `${describe(ctx, c)} was issued ${siteTimeLabel(ctx.compiled, issued)} site time, after ${ctx.when}.`, 'Diagnose at a later time, or check which credential they used then.', null, c)
    }
  }
  const values = new Set(considered.map((c) => c.value))
  const sameValue = ctx.site.credentials.filter((o) => values.has(o.value))
  for (const c of considered) {
    const twins = sameValue.filter((o) => o !== c && o.credential_type_id === c.credential_type_id && o.value === c.value)
    if (!twins.length) continue
    const others = twins.map((o) => `${describe(ctx, o)}${o.person_id !== c.person_id ? ` of person ${show(o.person_id)}` : ''}`)
    add(
      ctx,
      FindingCode.sharedCredential,
      'warning',
      twins.some((o) => o.person_id !== c.person_id) ? 0.9 : 0.55,
      'Two phones share one credential',
      `${describe(ctx, c)} has the same value as ${others.join(', ')}. Each phone needs its own credential; the door resolves the value to one record only.`,
      'Issue the second phone its own credential (device change), then disable the shared one.',
      { kind: 'start_device_change', person_id: ctx.person.id, credential_id: c.id },
      c
    )
  }
}

/** The reader must read the credential's type on a radio the phone's platform uses. */
function compatibilityFindings(ctx: Context, considered: Credential[]): void {
  if (ctx.door.mode !== 'normal') return
  const reader = doorRadios(ctx.site, ctx.door)
  const platforms = ctx.site.site.mobile_platforms ?? DEFAULT_MOBILE_PLATFORMS
  const radioList = (radios: readonly ReaderRadio[]) => radios.map((r) => RADIO_NAME[r]).join(' or ') || 'no phone radio'
  for (const c of considered) {
    const type = ctx.types.get(c.credential_type_id)
    if (type?.format !== 'mobile' || !ctx.door.accepts.includes(type.id)) continue
    const common = typeRadios(type).filter((r) => reader.includes(r))
    if (!common.length) {
      add(ctx, FindingCode.readerIncompatible, 'error', 0.93, `The ${ctx.door.name} reader cannot read ${type.label}`, `${type.label} travels over ${radioList(typeRadios(type))}; the ${ctx.door.name} reader reads ${radioList(reader)}.`, `Give them a credential the reader can read (a card or PIN it accepts), or fit a reader with ${radioList(typeRadios(type))}.`, null, c)
      continue
    }
    const candidates: Platform[] = ctx.platform ? [ctx.platform] : ['ios', 'android']
    for (const platform of candidates) {
      const usable = common.filter((r) => platforms[platform].includes(r))
      if (usable.length) continue
      const evidence = `On this system ${PLATFORM_NAME[platform].replace(/^an? /, '')}s use ${radioList(platforms[platform])} for mobile credentials; the ${ctx.door.name} reader reads ${type.label} over ${radioList(common)} only.`
      if (ctx.platform) {
        add(ctx, FindingCode.readerIncompatible, 'error', 0.92, `${PLATFORM_NAME[platform].replace(/^a/, 'A')} cannot present ${type.label} to this reader`, evidence, `Use a backup card or PIN at ${ctx.door.name}, or a reader with ${radioList(platforms[platform])}.`, null, c)
      } else {
        add(ctx, FindingCode.readerIncompatible, 'warning', 0.5, `If the phone is ${PLATFORM_NAME[platform]}, this reader cannot read it`, evidence, `Ask which phone they have. ${PLATFORM_NAME[platform].replace(/^a/, 'A')} needs a backup card or PIN at ${ctx.door.name}.`, null, c)
      }
    }
  }
}

/** DoorFlow's best practices, by the provisioning rules: backup, device change, one credential per device. */
function adviceFindings(ctx: Context): void {
  for (const advice of adviseOn({ credential_types: ctx.site.credential_types, credentials: ctx.mine }, ctx.person.id)) {
    const credential = ctx.mine.find((c) => c.id === advice.credential_id) ?? null
    if (advice.code === 'no_backup') {
      const door = ctx.door.accepts.some((id) => ['pin', 'card'].includes(ctx.types.get(id)?.format ?? '')) ? `${ctx.door.name} accepts a PIN or card.` : `${ctx.door.name} accepts neither a PIN nor a card, so a backup will not help at this door.`
      add(ctx, FindingCode.noBackup, 'warning', 0.12, 'No backup PIN or card', `${advice.message} ${door}`, 'Issue a backup PIN and read it out to them.', { kind: 'issue_backup_pin', person_id: ctx.person.id }, credential)
    } else if (advice.code === 'device_change_pending') {
      add(ctx, FindingCode.deviceChangePending, 'warning', 0.45, 'A phone change is half done', advice.message, 'Finish the device change: test the new phone at a door, then disable the old one.', { kind: 'start_device_change', person_id: ctx.person.id, credential_id: advice.other_id ?? advice.credential_id }, credential)
    } else {
      add(ctx, FindingCode.sharedDevice, 'info', 0.15, 'Two credentials on one device', advice.message, 'Keep one credential per device: disable the one they do not use.', null, credential)
    }
  }
}

/** Changes that never reached DoorFlow, or have not yet: the door still works from the old state. */
function syncFindings(ctx: Context, sync: readonly SyncEvidence[]): void {
  const name = (e: SyncEvidence): string => {
    if (e.entity === 'person') return `${ctx.person.first_name}'s record`
    const credential = ctx.mine.find((c) => c.id === e.id)
    return credential ? describe(ctx, credential) : `credential ${show(e.id)} (deleted here)`
  }
  const failed = sync.filter((e) => e.state === 'failed')
  if (failed.length) {
    add(ctx, FindingCode.syncFailed, 'error', 0.9, 'A change was refused by DoorFlow', failed.map((e) => `${name(e)}: ${e.op ?? 'change'} failed${e.message ? ` (${e.message})` : ''}.`).join(' '), 'Correct the record as the message says (Provision page), then sync: until then the door does not know the change.')
  }
  const waiting = sync.filter((e) => e.state !== 'failed')
  if (waiting.length) {
    add(ctx, FindingCode.syncPending, 'warning', 0.6, 'Changes have not reached DoorFlow yet', waiting.map((e) => `${name(e)}: ${e.op ?? 'create'} ${e.state === 'local' ? 'never synced' : e.state}${e.message ? ` (${e.message})` : ''}.`).join(' '), 'Run a sync (Provision page, Sync); the door works from what DoorFlow has.')
  }
}

function tapFindings(ctx: Context, tap: LiveTap): void {
  switch (tap.outcome) {
    case 'unavailable':
      add(ctx, FindingCode.nfcUnavailable, 'info', 0.05, 'No NFC tap test', tap.reason, 'Connect a USB NFC reader to test what the phone presents.')
      return
    case 'no_tap':
      add(ctx, FindingCode.nfcNoTap, 'warning', 0.85, 'The phone presented nothing over NFC', `Nothing was read in ${tap.seconds} s on the USB reader.`, ctx.platform === 'ios' ? 'iPhones present mobile credentials over Bluetooth on many systems: test at the door instead.' : 'Ask them to turn NFC on, unlock the phone, open the credential app and hold the phone flat on the reader.')
      return
    case 'read_failed':
      add(ctx, FindingCode.nfcReadFailed, 'warning', 0.7, 'The NFC read failed', `${tap.reader}: ${tap.error}`, 'Ask them to hold the phone still on the reader for a second, then tap again.')
      return
    case 'presented': {
      const match = tap.value === null ? undefined : ctx.site.credentials.find((c) => c.credential_type_id === tap.credential_type_id && c.value === tap.value)
      const what = tap.value === null ? `a card or phone (UID ${tap.uid ?? 'unknown'})` : `${ctx.types.get(tap.credential_type_id!)?.label ?? 'a credential'} ${tap.value}`
      if (!match) {
        add(ctx, FindingCode.nfcNotEnrolled, 'error', 0.95, 'The phone presents a credential Lintel does not know', `The reader read ${what} in ${Math.round(tap.latency_ms)} ms; nothing enrolled has that value.`, 'Re-enrol the phone in the credential app; if that does not help, start a device change.', mobileAction(ctx))
      } else if (match.person_id !== ctx.person.id) {
        add(ctx, FindingCode.nfcOtherPerson, 'error', 0.95, "The phone presents someone else's credential", `The reader read ${what}, which is ${describe(ctx, match)} of person ${show(match.person_id)}.`, 'They are using the wrong phone or account: re-enrol the phone with their own invitation.', mobileAction(ctx))
      } else {
        const decision = ctx.verdicts.get(match)!
        add(ctx, FindingCode.nfcPresented, 'info', 0.3, `The phone presents ${describe(ctx, match)}`, `The reader read ${what} in ${Math.round(tap.latency_ms)} ms; at ${ctx.door.name} the engine says ${decision.granted ? 'granted' : `refused (${decision.code})`}.`, decision.granted ? 'The phone and the rules are fine over NFC: check the door reader itself.' : 'Fix the refusal above.', null, match)
      }
    }
  }
}

function mobileAction(ctx: Context): FixAction | null {
  const phone = ctx.mine.find((c) => ctx.types.get(c.credential_type_id)?.format === 'mobile' && live(c))
  return phone ? { kind: 'start_device_change', person_id: ctx.person.id, credential_id: phone.id } : null
}

function scanFindings(ctx: Context, scan: LiveScan): void {
  if (scan.outcome === 'unavailable') {
    add(ctx, FindingCode.bleUnavailable, 'info', 0.05, 'No Bluetooth scan', scan.reason, 'Use a laptop or dongle with Bluetooth to check the reader where they stand.')
  } else if (scan.outcome === 'no_reader') {
    add(ctx, FindingCode.bleNoReader, 'info', 0.05, 'No Bluetooth reader is known at this door', scan.reason, 'Check the door has a Bluetooth reader, or test over NFC.')
  } else if (scan.adverts === 0) {
    add(ctx, FindingCode.bleNotHeard, 'error', 0.9, "The door's Bluetooth reader was not heard", `No advertisement from ${scan.reader.name} (${scan.reader.address}) in ${scan.seconds} s${scan.simulated ? ' (simulated radio)' : ''}.`, 'Check the reader has power and its Bluetooth is on; stand at the door and scan again.')
  } else if (scan.median_rssi !== null && scan.median_rssi < scan.threshold_dbm) {
    add(ctx, FindingCode.bleWeak, 'warning', 0.8, "The reader's signal is too weak where they stand", `${scan.reader.name}: ${scan.adverts} reports in ${scan.seconds} s, median ${scan.median_rssi} dBm (strongest ${scan.max_rssi} dBm), below the unlock threshold of ${scan.threshold_dbm} dBm.`, 'Ask them to step closer to the reader; if it stays weak at the door, survey it (metal frames and concrete absorb Bluetooth).')
  } else {
    add(ctx, FindingCode.bleHeard, 'info', 0.3, "The door's reader is heard well", `${scan.reader.name}: ${scan.adverts} reports in ${scan.seconds} s, median ${scan.median_rssi} dBm, at or above the unlock threshold of ${scan.threshold_dbm} dBm.`, 'The radio path is fine: check Bluetooth on the phone and that the app runs.')
  }
}

/** When the rules grant, the phone is the usual culprit: its radio, its app, its enrolment. */
function phoneFindings(ctx: Context, considered: Credential[], opens: boolean): void {
  const phones = considered.filter((c) => ctx.types.get(c.credential_type_id)?.format === 'mobile')
  if (!phones.length) return
  const blocked = ctx.findings.some((f) => f.severity === 'error')
  const platforms = ctx.site.site.mobile_platforms ?? DEFAULT_MOBILE_PLATFORMS
  const radios = typeRadios(ctx.types.get(phones[0]!.credential_type_id)).filter((r) => doorRadios(ctx.site, ctx.door).includes(r))
  const turnOn = (p: Platform) => radios.filter((r) => platforms[p].includes(r)).map((r) => RADIO_NAME[r]).join(' and ') || 'Bluetooth'
  const how = ctx.platform ? `On ${PLATFORM_NAME[ctx.platform]}: turn ${turnOn(ctx.platform)} on` : `iPhone: turn ${turnOn('ios')} on; Android: turn ${turnOn('android')} on`
  const evidence = opens && !blocked ? `The access rules grant ${phones.length === 1 ? describe(ctx, phones[0]!) : 'their phone credential'} at ${ctx.door.name} at ${ctx.when}, so the refusal most likely comes from the phone.` : 'Checked last: the phone itself can also stop the credential reaching the reader.'
  add(ctx, FindingCode.phoneSide, opens && !blocked ? 'warning' : 'info', opens && !blocked ? 0.75 : 0.2, 'Bluetooth or NFC is off, or the credential app is not running', evidence, `${how}, open the credential app and keep it running in the background; check the battery.`)
  add(ctx, FindingCode.reenrol, 'info', opens && !blocked ? 0.5 : 0.1, 'The phone may need re-enrolling', 'Re-enrolling in the mobile app often fixes a phone that stopped working after an update or a restore.', 'Ask them to re-enrol in the app; if it still fails, start a device change.', mobileAction(ctx))
}
