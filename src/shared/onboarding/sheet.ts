import { ErrorCode, LintelError } from '../contract/result'
import { credentialsOf, findPerson, typeRadios } from '../diagnose'
import { platformRulesOf } from '../domain/platformRules'
import { NO_VALUE_LABEL, type Credential, type CredentialType, type Id, type Person, type ReaderRadio, type Site } from '../domain/site'
import { checkMobile } from '../formats/mobile'

type Platform = 'ios' | 'android'

/** How a phone of one platform presents the credential at this site's readers. */
export interface PresentStep {
  platform: Platform
  radios: ReaderRadio[]
  /** How close to the reader, when the site sets an unlock distance. */
  distance_cm: number | null
  text: string
}

/** One person's onboarding sheet for one phone credential: what they do, in order, made offline. */
export interface OnboardingSheet {
  site: string
  person: { id: Id; name: string; email: string; mobile: string | null }
  credential: { id: Id; type: string; device: string | null; status: Credential['status'] }
  app: string
  /** DoorFlow's invitation link, only when it is an http(s) URL (the sheet prints it as a QR code). */
  invitation_url: string | null
  present: PresentStep[]
  /** Their backup credential, masked, or null when they have none. */
  backup: string | null
  steps: { title: string; text: string }[]
  /** What the helpdesk should fix before handing the sheet over. */
  warnings: string[]
}

const PLATFORM_NAME: Record<Platform, string> = { ios: 'iPhone', android: 'Android phone' }
const RADIO_WORDS: Record<ReaderRadio, string> = { ble: 'Bluetooth', nfc: 'NFC' }

/** The URL if it is an http(s) link; the reason otherwise. */
export function invitationLink(text: string | undefined): { url: string | null; problem: string | null } {
  if (text === undefined || text.trim() === '') return { url: null, problem: null }
  try {
    const url = new URL(text.trim())
    if (url.protocol === 'https:' || url.protocol === 'http:') return { url: url.href, problem: null }
  } catch {
    // falls through: not a URL at all
  }
  return { url: null, problem: `The invitation link "${text.slice(0, 80)}" is not a web address, so it is not printed as a QR code: resend the invitation from DoorFlow.` }
}

/**
 * The sheet for a person (id or email) and one of their phone credentials (default: their newest
 * usable one), following the site's platform rules.
 * @throws LintelError not_found for an unknown person or credential, bad_request when they have no phone credential.
 */
export function onboardingSheet(site: Site, personRef: Id | string, credentialId?: Id): OnboardingSheet {
  const person = findPerson(site, personRef)
  if (!person) throw new LintelError(ErrorCode.notFound, `There is no person ${JSON.stringify(personRef)} on this site.`)
  const types = new Map(site.credential_types.map((t) => [t.id, t]))
  const mine = credentialsOf(site, person.id)
  const phone = pickPhone(mine, types, credentialId, person)
  const type = types.get(phone.credential_type_id)!
  const link = invitationLink(phone.invitation_url)
  const present = presentSteps(site, type)
  const backup = backupOf(mine, types)
  const mobile = mobileOf(person)
  const warnings = [link.problem, mobile.problem, backup ? null : 'They have no backup PIN or card: issue one before a flat phone locks them out.', present.length ? null : `No phone can present ${type.label} at this site's readers under its platform rules.`, phone.status === 'revoked' || !phone.enabled ? 'This credential is switched off or revoked: the sheet will not get them in.' : null].filter((w): w is string => w !== null)
  const sheet = { site: site.site.name ?? 'this site', person: { id: person.id, name: `${person.first_name} ${person.last_name}`, email: person.email, mobile: mobile.value }, credential: { id: phone.id, type: type.label, device: phone.device ?? null, status: phone.status }, app: `the ${type.label} app`, invitation_url: link.url, present, backup, warnings }
  return { ...sheet, steps: stepsOf(sheet) }
}

function pickPhone(mine: readonly Credential[], types: Map<Id, CredentialType>, credentialId: Id | undefined, person: Person): Credential {
  const name = `${person.first_name} ${person.last_name}`
  if (credentialId !== undefined) {
    const chosen = mine.find((c) => c.id === credentialId)
    if (!chosen) throw new LintelError(ErrorCode.notFound, `${name} has no credential with id ${JSON.stringify(credentialId)}.`)
    if (types.get(chosen.credential_type_id)?.format !== 'mobile') throw new LintelError(ErrorCode.badRequest, `Credential ${JSON.stringify(credentialId)} is not a phone credential; onboarding sheets are for phones.`)
    return chosen
  }
  const phones = mine.filter((c) => types.get(c.credential_type_id)?.format === 'mobile' && c.status !== 'revoked' && c.status !== 'disabled')
  const newest = phones.at(-1)
  if (!newest) throw new LintelError(ErrorCode.badRequest, `${name} has no phone credential: issue one first (Provision page).`)
  return newest
}

function presentSteps(site: Site, type: CredentialType): PresentStep[] {
  const rules = platformRulesOf(site.site)
  const readers = new Set(site.doors.flatMap((d) => d.reader_radios ?? d.accepts.flatMap((id) => typeRadios(site.credential_types.find((t) => t.id === id)))))
  return (['ios', 'android'] as const).flatMap((platform) => {
    const radios = typeRadios(type).filter((r) => readers.has(r) && rules.mobile_platforms[platform].includes(r))
    if (!radios.length) return []
    const distance_cm = rules.unlock_distance_cm[platform] ?? null
    const near = distance_cm ? `within ${distance_cm} cm of` : 'close to'
    const move = radios.includes('ble') ? `bring the phone ${near} the reader` : `hold the unlocked phone flat against the reader${distance_cm ? ` (within ${distance_cm} cm)` : ''}`
    const text = `${PLATFORM_NAME[platform]}: turn ${radios.map((r) => RADIO_WORDS[r]).join(' and ')} on, keep the app running in the background, then ${move}.`
    return [{ platform, radios, distance_cm, text }]
  })
}

function backupOf(mine: readonly Credential[], types: Map<Id, CredentialType>): string | null {
  const backup = mine.find((c) => ['pin', 'card'].includes(types.get(c.credential_type_id)?.format ?? '') && c.enabled && c.status === 'active')
  if (!backup) return null
  const type = types.get(backup.credential_type_id)!
  if (type.format === 'pin') return `your backup PIN (${'•'.repeat(backup.value?.length ?? 4)}: the helpdesk gave it to you; it is never printed)`
  return `your ${type.label} card${backup.label ? ` "${backup.label}"` : ''} (ending ${backup.value?.slice(-4) ?? NO_VALUE_LABEL})`
}

function mobileOf(person: Person): { value: string | null; problem: string | null } {
  if (!person.mobile) return { value: null, problem: null }
  const checked = checkMobile(person.mobile)
  return checked.ok ? { value: checked.value, problem: null } : { value: null, problem: `The mobile number on record cannot receive an SMS invitation: ${checked.message}` }
}

function stepsOf(s: Omit<OnboardingSheet, 'steps'>): { title: string; text: string }[] {
  const via = [s.person.email ? `email (${s.person.email})` : null, s.person.mobile ? `SMS (${s.person.mobile})` : null].filter(Boolean).join(' or ')
  return [
    { title: 'Install the app', text: `Install ${s.app} from the App Store (iPhone) or Google Play (Android).` },
    { title: 'Accept the invitation', text: `Open the invitation${via ? ` sent by ${via}` : ''} on the phone and accept it in the app${s.invitation_url ? ', or scan the QR code on this sheet with the phone' : ''}. If it never arrived, ask the helpdesk to resend it.` },
    { title: 'Wait 2 minutes', text: 'After accepting, allow 2 minutes before trying a door: the access system needs that long to take the new credential.' },
    { title: "Open a door at this site's readers", text: s.present.map((p) => p.text).join(' ') || 'Ask the helpdesk which reader your phone works with: none here matches it yet.' },
    { title: 'If your phone is dead', text: s.backup ? `Use ${s.backup}.` : 'Ask the helpdesk for a backup PIN or card: without one, a flat phone keeps you out.' },
    { title: 'When you change phones', text: 'Tell the helpdesk first. Re-enrol the new phone in the app with a new invitation, test it at a door, and only then is the old phone switched off.' }
  ]
}
