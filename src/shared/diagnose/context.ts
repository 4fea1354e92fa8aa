import { DecisionCode, type CompiledSite, type Decision } from '../decision'
import { DEFAULT_MOBILE_PLATFORMS, NO_VALUE_LABEL, type Credential, type CredentialType, type Door, type Id, type MobilePlatforms, type Person, type ReaderRadio, type Site } from '../domain/site'
import type { CredentialVerdict, Finding, FixAction, Platform, Severity } from './model'
import { doorRadios, show, typeRadios } from './subject'

/** New mobile credentials take about this long to reach the door (Alarm.com: "allow 2 minutes"). */
export const PROPAGATION_MS = 2 * 60_000

export const PLATFORM_NAME: Record<Platform, string> = { ios: 'an iPhone', android: 'an Android phone' }
export const PLATFORM_PLURAL: Record<Platform, string> = { ios: 'iPhones', android: 'Android phones' }
export const RADIO_NAME: Record<ReaderRadio, string> = { ble: 'Bluetooth (BLE)', nfc: 'NFC' }

/** Everything the finding checks share for one diagnosis. */
export interface Context {
  site: Site
  compiled: CompiledSite
  person: Person
  name: string
  door: Door
  at: string
  atMs: number
  when: string
  platform: Platform | null
  /** Which radios each phone platform uses on this site. */
  platforms: MobilePlatforms
  types: Map<Id, CredentialType>
  mine: Credential[]
  findings: Finding[]
  verdicts: Map<Credential, Decision>
}

/** Records one finding. */
export function add(ctx: Context, code: Finding['code'], severity: Severity, likelihood: number, title: string, evidence: string, fix: string, action: FixAction | null = null, credential: Credential | null = null): void {
  ctx.findings.push({ code, severity, title, evidence, fix, action, likelihood, credential_id: credential ? credential.id : null })
}

/** Enabled and neither revoked nor disabled. */
export const usable = (c: Credential): boolean => c.enabled && c.status !== 'revoked' && c.status !== 'disabled'

export const formatOf = (ctx: Context, c: Credential): CredentialType['format'] | undefined => ctx.types.get(c.credential_type_id)?.format

/** Granted by the rules, or refused only for want of a PIN typed at the keypad (the phone is not the problem). */
export function opensDoor(decision: Decision): boolean {
  return decision.checks.every((c) => c.passed || c.check === DecisionCode.pinRequired)
}

/** A credential as the helpdesk sees it on screen: type, value (never a PIN's) and device or label. */
export function describe(ctx: Context, c: Credential): string {
  const type = ctx.types.get(c.credential_type_id)
  const what = type?.label ?? `type ${show(c.credential_type_id)}`
  const on = c.device ?? c.label
  const value = type?.format === 'pin' ? '' : ` ${c.value}`
  return `${what}${value}${on ? ` (${on})` : ''}`
}

/** A credential's row in the report: the engine's decision, the value masked for PINs. */
export function verdictOf(ctx: Context, c: Credential): CredentialVerdict {
  const type = ctx.types.get(c.credential_type_id)
  return {
    credential_id: c.id,
    type: type?.label ?? `type ${show(c.credential_type_id)}`,
    format: type?.format ?? 'other',
    label: c.label ?? null,
    device: c.device ?? null,
    shown_value: c.value === undefined ? NO_VALUE_LABEL : type?.format === 'pin' ? '•'.repeat(c.value.length) : c.value,
    decision: ctx.verdicts.get(c)!
  }
}

/** The site's platform rules, DoorFlow's default when the site sets none. */
export function platformsOf(site: Site): MobilePlatforms {
  return site.site.mobile_platforms ?? DEFAULT_MOBILE_PLATFORMS
}

/** Radios a phone of this platform can present this credential type on at this door: type ∩ reader ∩ platform. */
export function phoneRadios(ctx: Context, platform: Platform, type: CredentialType | undefined): ReaderRadio[] {
  const reader = doorRadios(ctx.site, ctx.door)
  return typeRadios(type).filter((r) => reader.includes(r) && ctx.platforms[platform].includes(r))
}

/** "Bluetooth (BLE) or NFC"; "no phone radio" for none. */
export const radioList = (radios: readonly ReaderRadio[]): string => radios.map((r) => RADIO_NAME[r]).join(' or ') || 'no phone radio'

/**
 * What the person can fall back on at this door, naming only types the door accepts: their own
 * usable card or PIN first, else a type to issue. Null when the door takes neither cards nor PINs.
 */
export function backupAtDoor(ctx: Context): { text: string; pin: boolean; theirs: boolean } | null {
  const accepted = ctx.door.accepts.map((id) => ctx.types.get(id)).filter((t): t is CredentialType => t?.format === 'pin' || t?.format === 'card')
  if (!accepted.length) return null
  const own = ctx.mine.find((c) => usable(c) && accepted.some((t) => t.id === c.credential_type_id))
  if (own) return { text: `their ${formatOf(ctx, own) === 'pin' ? 'PIN' : describe(ctx, own)}`, pin: formatOf(ctx, own) === 'pin', theirs: true }
  const names = accepted.map((t) => (t.format === 'pin' ? 'a PIN' : `a ${t.label} card`))
  return { text: [...new Set(names)].join(' or '), pin: accepted.some((t) => t.format === 'pin'), theirs: false }
}
