import { decisionValueOf, type DecisionRequest } from '../../shared/decision'
import type { Settings } from '../../shared/domain/settings'
import type { Id } from '../../shared/domain/site'
import { idFromKey, idKey, type SiteIndex } from './siteIndex'
import { chooseInstant, localAt, type SiteInstant } from './siteTime'

/** The What-if form as the user edits it; ids are held as {@link idKey} strings. */
export interface WhatIfInput {
  readonly doorKey: string
  readonly source: 'person' | 'typed'
  readonly personKey: string
  readonly credentialKey: string
  readonly typeKey: string
  readonly value: string
  readonly date: string
  readonly time: string
  /** Which of the two instants a repeated (fall-back) local time means. */
  readonly repeated: 'earlier' | 'later'
  readonly pin: string
}

/** The request the form describes, or the one thing still missing. */
export type WhatIfRequest =
  | { readonly ok: true; readonly request: DecisionRequest; readonly at: SiteInstant; readonly repeated: boolean }
  | { readonly ok: false; readonly problem: string }

/** Starts at the default door (or the first), the first person's first credential, and now in site time. */
export function initialWhatIf(index: SiteIndex, settings: Settings | undefined, nowMs: number): WhatIfInput {
  const preferred = settings?.defaultDoorId
  const door = preferred !== undefined && preferred !== null && index.doors.has(preferred) ? preferred : index.site.doors[0]?.id
  const person = index.site.people[0]
  const credential = person ? index.credentialsByPerson.get(person.id)?.[0] : undefined
  const type = index.site.credential_types[0]
  const now = localAt(index.site.site.timezone, nowMs)
  return {
    doorKey: door === undefined ? '' : idKey(door),
    source: 'person',
    personKey: person ? idKey(person.id) : '',
    credentialKey: credential ? idKey(credential.id) : '',
    typeKey: type ? idKey(type.id) : '',
    value: '',
    date: now.date,
    time: now.time,
    repeated: 'earlier',
    pin: ''
  }
}

/** The person's first credential, for when the person changes. */
export function firstCredentialKey(index: SiteIndex, personKey: string): string {
  const personId = idFromKey(personKey)
  const first = personId === null ? undefined : index.credentialsByPerson.get(personId)?.[0]
  return first ? idKey(first.id) : ''
}

export function requestFrom(index: SiteIndex, input: WhatIfInput): WhatIfRequest {
  const doorId = idFromKey(input.doorKey)
  if (doorId === null) return { ok: false, problem: 'Choose a door.' }
  const presented = presentedCredential(index, input)
  if ('problem' in presented) return { ok: false, problem: presented.problem }
  const when = chooseInstant(index.site.site.timezone, input)
  if (!when.ok) return when
  const { at } = when
  const request: DecisionRequest = {
    door_id: doorId,
    credential_type_id: presented.typeId,
    value: presented.value,
    at: at.iso,
    ...(input.pin === '' ? {} : { pin: input.pin })
  }
  return { ok: true, request, at, repeated: when.repeated }
}

function presentedCredential(index: SiteIndex, input: WhatIfInput): { typeId: Id; value: string } | { problem: string } {
  if (input.source === 'typed') {
    const typeId = idFromKey(input.typeKey)
    if (typeId === null) return { problem: 'Choose a credential type.' }
    if (input.value === '') return { problem: 'Enter the credential value.' }
    return { typeId, value: input.value }
  }
  const personId = idFromKey(input.personKey)
  const credentialId = idFromKey(input.credentialKey)
  const credential =
    personId === null || credentialId === null
      ? undefined
      : index.credentialsByPerson.get(personId)?.find((c) => c.id === credentialId)
  if (!credential) return { problem: 'Choose a person and one of their credentials.' }
  return { typeId: credential.credential_type_id, value: decisionValueOf(credential) }
}
