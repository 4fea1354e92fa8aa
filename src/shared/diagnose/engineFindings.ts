import { DECISION_CODES, DecisionCode, groupAccessAt } from '../decision'
import type { Credential, Id } from '../domain/site'
import { add, backupAtDoor, describe, formatOf, usable, type Context } from './context'
import { FindingCode, type FixAction } from './model'
import { show } from './subject'

/** They have no phone credential that counts (none issued, or only ones revoked on purpose). */
export function noMobile(ctx: Context, retired: readonly Credential[]): void {
  const accepted = ctx.site.credential_types.filter((t) => t.format === 'mobile' && ctx.door.accepts.includes(t.id)).map((t) => t.label)
  const current = ctx.mine.filter((c) => !retired.includes(c))
  const has = current.length ? `only ${current.map((c) => describe(ctx, c)).join(', ')}` : 'no current credentials'
  const history = retired.length ? ` Their earlier phone credential${retired.length > 1 ? 's were' : ' was'} revoked on purpose (${retired.map((c) => describe(ctx, c)).join(', ')}).` : ''
  const backup = backupAtDoor(ctx)
  add(
    ctx,
    FindingCode.noMobileCredential,
    'error',
    0.99,
    'They have no phone credential',
    `${ctx.name} has ${has}; no current phone credential is issued to them.${history}`,
    accepted.length
      ? `Issue a ${accepted.join(' or ')} credential for their phone (Provision page); once DoorFlow accepts it, allow 2 minutes.`
      : `${ctx.door.name} accepts no phone credential: ${backup ? `use ${backup.text}` : 'it takes neither cards nor PINs either, so ask an administrator which credential it reads'}.`
  )
}

/** Every failing check of the engine, one finding per code, in the engine's order. */
export function engineFindings(ctx: Context, considered: Credential[]): void {
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
    const one = new Set(entry.credentials).size === 1 ? entry.credentials[0]! : null
    const f = engineFix(ctx, code, one, entry.credentials)
    add(ctx, code, 'error', likelihood, f.title, evidence, f.fix, f.action, one)
  }
}

type Fix = { title: string; fix: string; action: FixAction | null }

function engineFix(ctx: Context, code: DecisionCode, one: Credential | null, credentials: Credential[]): Fix {
  const door = ctx.door.name
  switch (code) {
    case DecisionCode.doorLockdown:
      return { title: `${door} is in lockdown`, fix: 'Nobody can open it until an administrator lifts the lockdown in the access control system.', action: null }
    case DecisionCode.credentialTypeNotAccepted: {
      const accepted = ctx.door.accepts.map((id) => ctx.types.get(id)?.label ?? show(id))
      return { title: `${door} does not accept this credential type`, fix: `Issue a credential of a type ${door} accepts (${accepted.join(', ') || 'none'}), or add the type to the door.`, action: null }
    }
    case DecisionCode.credentialDisabled:
      return disabledFix(ctx, credentials)
    case DecisionCode.credentialNotActive:
      return {
        title: 'The invitation has not been accepted on the phone',
        fix: `Ask them to open the invitation on the phone, install the app and accept it, then wait 2 minutes before trying ${door} again. If they cannot find it, resend the invitation.`,
        action: null
      }
    case DecisionCode.personDisabled:
      return { title: 'The person is disabled', fix: `Enable ${ctx.name} if they should have access.`, action: { kind: 'enable_person', person_id: ctx.person.id } }
    case DecisionCode.personNotYetValid:
      return { title: 'Their access period has not started', fix: 'If they should have access now, move the start of their access window (Provision page).', action: null }
    case DecisionCode.personExpired:
      return { title: 'Their access period has ended', fix: 'If they should still have access, extend the end of their access window (Provision page).', action: null }
    case DecisionCode.noGroupGrantsDoor:
      return groupFix(ctx)
    case DecisionCode.outsideSchedule:
      return scheduleFix(ctx)
    default:
      return { title: `The decision engine refuses: ${code}`, fix: one ? `Check ${describe(ctx, one)}.` : 'Check the credential.', action: null }
  }
}

function disabledFix(ctx: Context, credentials: Credential[]): Fix {
  const target = credentials.find((c) => c.status !== 'revoked')
  if (target) return { title: 'The credential is disabled', fix: `Enable ${describe(ctx, target)}.`, action: { kind: 'enable_credential', credential_id: target.id } }
  const reason = credentials.find((c) => c.revoked_reason)?.revoked_reason
  const why = reason && reason !== 'other' ? ` (revoked because ${reason === 'left' ? 'they left' : `the phone was ${reason}`})` : ''
  return {
    title: 'The credential has been revoked',
    fix: `A revoked credential cannot come back${why}: if they should have access, issue their current phone a new credential on the Provision page, then test it at the door.`,
    action: null
  }
}

function groupFix(ctx: Context): Fix {
  const door = ctx.door.name
  const group = bestGroup(ctx)
  const title = `No group of theirs gives access to ${door}`
  return group
    ? { title, fix: `Add them to ${group.name}, which ${group.now ? 'has access now' : 'gives access to the door'}.`, action: { kind: 'add_to_group', person_id: ctx.person.id, group_id: group.id } }
    : { title, fix: `No group gives access to ${door}: create one with access to it (Provision page) and add them.`, action: null }
}

function scheduleFix(ctx: Context): Fix {
  const group = bestGroup(ctx)
  const title = 'It is outside their schedule for this door'
  return group?.now
    ? { title, fix: `If they should get in at this time, add them to ${group.name}, which has access now.`, action: { kind: 'add_to_group', person_id: ctx.person.id, group_id: group.id } }
    : { title, fix: 'Access at this time needs a schedule that covers it; no group has one. Change a schedule, or come back in hours.', action: null }
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
export function pinFindings(ctx: Context, considered: Credential[]): void {
  if (!ctx.door.requires_pin || ctx.door.mode !== 'normal') return
  const pins = ctx.mine.filter((c) => formatOf(ctx, c) === 'pin' && usable(c))
  if (considered.every((c) => formatOf(ctx, c) === 'pin')) return
  const door = ctx.door.name
  if (!pins.length) {
    add(ctx, DecisionCode.pinRequired, 'error', 0.94, `${door} also asks for a PIN, and they have none`, `${door} requires a PIN after the credential; ${ctx.person.first_name} has no active PIN.`, 'Issue them a PIN and read it out to them.', { kind: 'issue_backup_pin', person_id: ctx.person.id })
  } else {
    add(ctx, DecisionCode.pinRequired, 'info', 0.35, `${door} also asks for their PIN`, `${door} requires a PIN after the credential; ${ctx.person.first_name} has ${pins.length === 1 ? 'an active PIN' : `${pins.length} active PINs`}.`, 'Make sure they type their PIN on the keypad after presenting the phone.')
  }
}
