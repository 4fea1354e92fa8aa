import type { Credential } from '../domain/site'
import { describe, opensDoor, type Context } from './context'
import { FindingCode, type Finding } from './model'

const PHONE_SIDE = new Set<string>([FindingCode.phoneSide, FindingCode.reenrol, FindingCode.nfcNoTap, FindingCode.nfcReadFailed, FindingCode.bleWeak])

/**
 * The headline, led by the top finding and quoting its title as written (names keep their case):
 * an error says the door will not open (or opens only with another credential); otherwise the
 * rules grant and the top finding is the likely cause.
 */
export function summarize(ctx: Context, findings: readonly Finding[], considered: readonly Credential[], opens: boolean): string {
  const door = ctx.door.name
  const top = findings[0]
  if (!top) return opens ? `The access rules let ${ctx.name} through ${door} at ${ctx.when}; nothing else was found.` : `No credential of ${ctx.name} opens ${door} at ${ctx.when}.`
  if (top.severity === 'error') {
    const working = cleanCredentials(ctx, findings, considered)
    if (!working.length) return `${door} will not open for ${ctx.name}: ${top.title}.`
    const about = top.credential_id === null ? undefined : ctx.mine.find((c) => c.id === top.credential_id)
    return `${door} opens for ${ctx.name} with ${working.map((c) => describe(ctx, c)).join(', ')}, but: ${top.title}${about ? ` (${describe(ctx, about)})` : ''}.`
  }
  if (opens) return `The access rules let ${ctx.name} through ${door} at ${ctx.when}; the likely cause${PHONE_SIDE.has(top.code) ? ' is on the phone' : ''}: ${top.title}.`
  return `No credential of ${ctx.name} opens ${door} at ${ctx.when}: ${top.title}.`
}

/** Credentials the rules grant and no error names; none when an error concerns the person or door as a whole. */
function cleanCredentials(ctx: Context, findings: readonly Finding[], considered: readonly Credential[]): Credential[] {
  const errors = findings.filter((f) => f.severity === 'error')
  if (errors.some((f) => f.credential_id === null)) return []
  const flagged = new Set(errors.map((f) => f.credential_id))
  return considered.filter((c) => opensDoor(ctx.verdicts.get(c)!) && !flagged.has(c.id))
}
