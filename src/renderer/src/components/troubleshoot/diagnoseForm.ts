import type { DiagnoseRequest, Platform } from '../../../../shared/diagnose'
import type { Settings } from '../../../../shared/domain/settings'
import type { Person } from '../../../../shared/domain/site'
import { idFromKey, idKey, type SiteIndex } from '../../siteIndex'
import { personName } from '../../siteText'
import { chooseInstant, localAt, type LocalWhen, type SiteInstant } from '../../siteTime'

/** The Troubleshoot form as the user edits it; ids are held as {@link idKey} strings. */
export interface DiagnoseInput extends LocalWhen {
  /** What the helpdesk typed or picked: an email, or a name. */
  readonly person: string
  readonly doorKey: string
  readonly when: 'now' | 'at'
  readonly platform: Platform | 'unknown'
  /** '' for every credential of the person. */
  readonly credentialKey: string
}

export type DiagnoseRequestOutcome =
  | { readonly ok: true; readonly request: DiagnoseRequest; readonly at: SiteInstant | null }
  | { readonly ok: false; readonly problem: string }

/** No one chosen yet, the default door (or the first), now, platform not known, every credential. */
export function initialDiagnoseInput(index: SiteIndex, settings: Settings | undefined, nowMs: number): DiagnoseInput {
  const preferred = settings?.defaultDoorId
  const door = preferred !== undefined && preferred !== null && index.doors.has(preferred) ? preferred : index.site.doors[0]?.id
  return {
    person: '',
    doorKey: door === undefined ? '' : idKey(door),
    when: 'now',
    ...localAt(index.site.site.timezone, nowMs),
    repeated: 'earlier',
    platform: 'unknown',
    credentialKey: ''
  }
}

/** The site's person with this email (any case) or exactly this name; a name two people share picks no one. */
export function personFor(index: SiteIndex, text: string): Person | undefined {
  const wanted = text.trim().toLowerCase()
  if (wanted === '') return undefined
  const byEmail = index.site.people.find((p) => p.email.toLowerCase() === wanted)
  if (byEmail) return byEmail
  const named = index.site.people.filter((p) => personName(p).toLowerCase() === wanted)
  return named.length === 1 ? named[0] : undefined
}

/** Up to `limit` people whose name or email contains the text, for the person list. */
export function peopleMatching(index: SiteIndex, text: string, limit = 20): Person[] {
  const wanted = text.trim().toLowerCase()
  const matches: Person[] = []
  for (const person of index.site.people) {
    if (matches.length >= limit) break
    if (wanted === '' || person.email.toLowerCase().includes(wanted) || personName(person).toLowerCase().includes(wanted)) matches.push(person)
  }
  return matches
}

/** The request the form describes: a known person by id, anything else typed as an email for main to look up. */
export function diagnoseRequestFrom(index: SiteIndex, input: DiagnoseInput): DiagnoseRequestOutcome {
  const typed = input.person.trim()
  if (typed === '') return { ok: false, problem: "Enter the person's email, or choose them from the list." }
  const doorId = idFromKey(input.doorKey)
  if (doorId === null) return { ok: false, problem: 'Choose a door.' }
  const person = personFor(index, typed)
  const credentialId = person ? idFromKey(input.credentialKey) : null
  const when = input.when === 'at' ? chooseInstant(index.site.site.timezone, input) : null
  if (when && !when.ok) return when
  const request: DiagnoseRequest = {
    person: person ? person.id : typed,
    door_id: doorId,
    ...(when ? { at: when.at.iso } : {}),
    ...(input.platform === 'unknown' ? {} : { platform: input.platform }),
    ...(credentialId === null ? {} : { credential_id: credentialId })
  }
  return { ok: true, request, at: when ? when.at : null }
}
