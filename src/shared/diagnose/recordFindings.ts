import { siteTimeLabel } from '../decision'
import type { Credential } from '../domain/site'
import { checkMobile } from '../formats/mobile'
import { adviseOn } from '../provisioning/advice'
import { parseInstant } from '../time'
import { add, backupAtDoor, describe, formatOf, PLATFORM_NAME, PLATFORM_PLURAL, PROPAGATION_MS, radioList, usable, type Context } from './context'
import { FindingCode, type Platform, type SyncEvidence } from './model'
import { doorRadios, show, typeRadios } from './subject'

const ON_PURPOSE = new Set(['lost', 'stolen', 'replaced', 'left'])

/**
 * A revoked credential that is history, not a fault: revoked on purpose (lost, stolen, replaced,
 * left), or revoked with no reason while the person has another usable phone credential.
 */
export function isRetired(c: Credential, mine: readonly Credential[], isMobile: (c: Credential) => boolean): boolean {
  if (c.status !== 'revoked') return false
  if (c.revoked_reason) return ON_PURPOSE.has(c.revoked_reason)
  return isMobile(c) && mine.some((o) => o !== c && isMobile(o) && usable(o))
}

/** Retired credentials, listed last so the helpdesk sees them without chasing them. */
export function retiredFindings(ctx: Context, retired: readonly Credential[]): void {
  for (const c of retired) {
    const why = c.revoked_reason ? ` (${c.revoked_reason === 'left' ? 'they left' : c.revoked_reason})` : ''
    add(ctx, FindingCode.revokedHistory, 'info', 0.04, 'A phone credential revoked on purpose is history', `${describe(ctx, c)} was revoked${why}; it is not why the door does not open now.`, 'Nothing to do: it stays revoked.', null, c)
  }
}

/** An outbox operation that means DoorFlow has not got the record yet: its create is not confirmed. */
const unconfirmedCreate = (e: SyncEvidence): boolean => e.op === 'create' && e.state !== 'failed'

/** Issued (accepted) moments ago, issued after the time asked about, or one value on two records. */
export function stateFindings(ctx: Context, considered: Credential[], sync: readonly SyncEvidence[] | null): void {
  for (const c of considered) {
    if (formatOf(ctx, c) !== 'mobile') continue
    if (sync?.some((e) => e.entity === 'credential' && e.id === c.id && unconfirmedCreate(e))) continue
    propagationFinding(ctx, c)
    if (c.status === 'invited') resendFinding(ctx, c)
  }
  sharedFindings(ctx, considered)
}

/** An invitation not yet accepted: when and how to resend it (email, or SMS to an E.164 mobile). */
function resendFinding(ctx: Context, c: Credential): void {
  const sent = c.issued_at ? parseInstant(c.issued_at) : NaN
  const minutes = Number.isNaN(sent) ? null : Math.floor((ctx.atMs - sent) / 60_000)
  const age = minutes === null ? '' : minutes < 120 ? ` ${minutes} minutes ago` : ` ${Math.floor(minutes / 1440) || 1} day${Math.floor(minutes / 1440) > 1 ? 's' : ''} ago`
  const mobile = ctx.person.mobile ? checkMobile(ctx.person.mobile) : null
  const to = [`email (${ctx.person.email})`, mobile?.ok ? `SMS (${mobile.value})` : null].filter(Boolean).join(' or ')
  const when = minutes !== null && minutes < 15 ? 'If it has not arrived within 15 minutes' : 'Now, if they cannot find it'
  const smsNote = mobile && !mobile.ok ? ` Their mobile number cannot take an SMS: ${mobile.message}` : ''
  add(ctx, FindingCode.invitationResend, 'warning', 0.3, 'Resend the invitation if they cannot find it', `${describe(ctx, c)} was invited${age} and is not accepted yet; invitations go by ${to}.${smsNote}`, `${when}: resend the invitation from DoorFlow (Alarm.com: Resend on the credential's banner), or hand them the onboarding sheet (lintel onboarding) with its QR code. Once accepted, wait 2 minutes.`, null, c)
}

/** The 2-minute wait counts from DoorFlow's acceptance when it is known, else from the issue time. */
function propagationFinding(ctx: Context, c: Credential): void {
  const from = c.accepted_at ?? c.issued_at
  if (!from) return
  const start = parseInstant(from)
  if (Number.isNaN(start)) return
  const age = ctx.atMs - start
  const event = c.accepted_at ? 'DoorFlow accepted' : 'was issued'
  if (age >= 0 && age < PROPAGATION_MS) {
    const evidence = `${describe(ctx, c)}: ${c.accepted_at ? `DoorFlow accepted it ${Math.round(age / 1000)} s` : `it was issued ${Math.round(age / 1000)} s`} before ${ctx.when}; a new mobile credential takes about 2 minutes to reach the door (revocation, by contrast, is immediate).`
    add(ctx, FindingCode.recentlyIssued, 'warning', 0.8, `The phone credential is less than 2 minutes old (${c.accepted_at ? 'since DoorFlow accepted it' : 'since it was issued'})`, evidence, `Wait until 2 minutes have passed since ${c.accepted_at ? 'DoorFlow accepted it' : 'it was issued'} (and since the invitation was accepted on the phone), then try again.`, null, c)
  } else if (age < 0) {
    add(ctx, FindingCode.issuedLater, 'info', 0.3, 'The credential did not exist yet at that time', `${describe(ctx, c)} ${event === 'was issued' ? 'was issued' : 'was accepted by DoorFlow'} ${siteTimeLabel(ctx.compiled, start)} site time, after ${ctx.when}.`, 'Diagnose at a later time, or check which credential they used then.', null, c)
  }
}

function sharedFindings(ctx: Context, considered: Credential[]): void {
  const values = new Set(considered.map((c) => c.value))
  const sameValue = ctx.site.credentials.filter((o) => values.has(o.value))
  for (const c of considered) {
    const twins = sameValue.filter((o) => o !== c && o.credential_type_id === c.credential_type_id && o.value === c.value)
    if (!twins.length) continue
    const others = twins.map((o) => `${describe(ctx, o)}${o.person_id !== c.person_id ? ` of person ${show(o.person_id)}` : ''}`)
    const evidence = `${describe(ctx, c)} has the same value as ${others.join(', ')}. Each phone needs its own credential; the door resolves the value to one record only.`
    const likelihood = twins.some((o) => o.person_id !== c.person_id) ? 0.89 : 0.55
    add(ctx, FindingCode.sharedCredential, 'warning', likelihood, 'Two phones share one credential', evidence, 'Issue the second phone its own credential (device change), then disable the shared one.', { kind: 'start_device_change', person_id: ctx.person.id, credential_id: c.id }, c)
  }
}

/** The reader must read the credential's type on a radio the phone's platform uses. */
export function compatibilityFindings(ctx: Context, considered: Credential[]): void {
  if (ctx.door.mode !== 'normal') return
  const reader = doorRadios(ctx.site, ctx.door)
  const backup = backupAtDoor(ctx)
  const useBackup = backup ? `Use ${backup.text} at ${ctx.door.name}` : `${ctx.door.name} takes no card or PIN, so fit a reader`
  for (const c of considered) {
    const type = ctx.types.get(c.credential_type_id)
    if (type?.format !== 'mobile' || !ctx.door.accepts.includes(type.id)) continue
    const common = typeRadios(type).filter((r) => reader.includes(r))
    if (!common.length) {
      add(ctx, FindingCode.readerIncompatible, 'error', 0.93, `The ${ctx.door.name} reader cannot read ${type.label}`, `${type.label} travels over ${radioList(typeRadios(type))}; the ${ctx.door.name} reader reads ${radioList(reader)}.`, `${useBackup}${backup ? ', or fit a reader' : ''} with ${radioList(typeRadios(type))}.`, null, c)
      continue
    }
    for (const platform of ctx.platform ? [ctx.platform] : (['ios', 'android'] as Platform[])) {
      if (common.some((r) => ctx.platforms[platform].includes(r))) continue
      const evidence = `On this site ${PLATFORM_PLURAL[platform]} use ${radioList(ctx.platforms[platform])} for mobile credentials; the ${ctx.door.name} reader reads ${type.label} over ${radioList(common)} only.`
      const a = PLATFORM_NAME[platform].replace(/^a/, 'A')
      if (ctx.platform) add(ctx, FindingCode.readerIncompatible, 'error', 0.92, `${a} cannot present ${type.label} to this reader`, evidence, `${useBackup}${backup ? ', or fit a reader' : ''} with ${radioList(ctx.platforms[platform])}.`, null, c)
      else add(ctx, FindingCode.readerIncompatible, 'warning', 0.5, `If the phone is ${PLATFORM_NAME[platform]}, this reader cannot read it`, evidence, `Ask which phone they have. ${a} needs ${backup ? `${backup.text} at ${ctx.door.name}` : `another reader at ${ctx.door.name}`}.`, null, c)
    }
  }
}

/** DoorFlow's best practices, by the provisioning rules: backup, device change, one credential per device. */
export function adviceFindings(ctx: Context): void {
  for (const advice of adviseOn({ credential_types: ctx.site.credential_types, credentials: ctx.mine }, ctx.person.id)) {
    const credential = ctx.mine.find((c) => c.id === advice.credential_id) ?? null
    if (advice.code === 'no_backup') {
      const backup = backupAtDoor(ctx)
      if (!backup) add(ctx, FindingCode.noBackup, 'info', 0.12, 'No backup card or PIN', `A phone credential has no backup. ${ctx.door.name} accepts neither a PIN nor a card, so a backup will not help at this door.`, 'Issue a backup another door accepts, so a flat phone does not lock them out everywhere.', null, credential)
      else add(ctx, FindingCode.noBackup, 'warning', 0.12, `No backup ${backup.pin ? 'PIN or card' : 'card'}`, `A phone credential has no backup: if the phone runs flat they cannot get in. ${ctx.door.name} accepts ${backup.text}.`, backup.pin ? 'Issue a backup PIN and read it out to them.' : `Issue them ${backup.text} as a backup.`, backup.pin ? { kind: 'issue_backup_pin', person_id: ctx.person.id } : null, credential)
    } else if (advice.code === 'device_change_pending') {
      add(ctx, FindingCode.deviceChangePending, 'warning', 0.45, 'A phone change is half done', advice.message, 'Finish the device change: test the new phone at a door, then disable the old one.', { kind: 'start_device_change', person_id: ctx.person.id, credential_id: advice.other_id ?? advice.credential_id }, credential)
    } else {
      add(ctx, FindingCode.sharedDevice, 'info', 0.15, 'Two credentials on one device', advice.message, 'Keep one credential per device: disable the one they do not use.', null, credential)
    }
  }
}

/**
 * Changes that never reached DoorFlow, or have not yet: the door still works from the old state,
 * so they rank above every phone-side cause. A record DoorFlow has not accepted opens nothing.
 */
export function syncFindings(ctx: Context, sync: readonly SyncEvidence[], considered: readonly Credential[]): void {
  const name = (e: SyncEvidence): string => {
    if (e.entity === 'person') return `${ctx.person.first_name}'s record`
    const credential = ctx.mine.find((c) => c.id === e.id)
    return credential ? describe(ctx, credential) : `credential ${show(e.id)} (deleted here)`
  }
  const line = (e: SyncEvidence): string => `${name(e)}: ${e.op ?? 'create'} ${e.state === 'local' ? 'never synced' : e.state}${e.message ? ` (${e.message})` : ''}.`
  const failed = sync.filter((e) => e.state === 'failed')
  if (failed.length) {
    add(ctx, FindingCode.syncFailed, 'error', 0.96, 'A change was refused by DoorFlow', failed.map((e) => `${name(e)}: ${e.op ?? 'change'} failed${e.message ? ` (${e.message})` : ''}.`).join(' '), 'Correct the record as the message says (Provision page), then sync: until then the door does not know the change.')
  }
  const missing = sync.filter((e) => unconfirmedCreate(e) && (e.entity === 'person' || considered.some((c) => c.id === e.id)))
  if (missing.length) {
    add(ctx, FindingCode.syncNotConfirmed, 'error', 0.965, 'DoorFlow does not have this record yet', `${missing.map(line).join(' ')} The door only knows what DoorFlow has, and the 2-minute wait starts when DoorFlow accepts it.`, 'Run a sync (Provision page, Sync); once DoorFlow accepts it, wait 2 minutes and try again.')
  }
  const waiting = sync.filter((e) => e.state !== 'failed' && !missing.includes(e))
  if (waiting.length) {
    add(ctx, FindingCode.syncPending, 'warning', 0.82, 'Changes have not reached DoorFlow yet', waiting.map(line).join(' '), 'Run a sync (Provision page, Sync); the door works from what DoorFlow has.')
  }
}
