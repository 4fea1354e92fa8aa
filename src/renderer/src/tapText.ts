import type { TapEvent } from '../../shared/nfc'
import type { SiteIndex } from './siteIndex'
import { personName } from './siteText'

/** Who holds the credential a tap presented, when the site knows it. */
export function holderOf(index: SiteIndex, event: TapEvent): string | undefined {
  const presented = event.presented
  if (!presented) return undefined
  const credential = index.site.credentials.find((c) => c.credential_type_id === presented.credential_type_id && c.value === presented.value)
  const person = credential ? index.people.get(credential.person_id) : undefined
  return person ? personName(person) : undefined
}

/** What a tap showed, in one line: the credential, or the UID, or the failure. */
export function tapSummary(index: SiteIndex, event: TapEvent): string {
  const { tap, presented } = event
  if (tap.error) return tap.error.message
  const type = presented ? index.types.get(presented.credential_type_id) : undefined
  if (presented && type) return `${type.label} ${type.format === 'pin' ? '••••' : presented.value}`
  return event.unmatched ?? (tap.uid ? `UID ${tap.uid}` : 'Nothing read')
}

/** "Granted", "Denied (outside_schedule)", "Read failed (timeout)" or "No decision". */
export function tapVerdict(event: TapEvent): string {
  if (event.tap.error) return `Read failed (${event.tap.error.code})`
  if (!event.decision) return 'No decision'
  return event.decision.granted ? 'Granted' : `Denied (${event.decision.code})`
}
