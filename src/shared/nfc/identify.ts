import type { CredentialType, Id, Site } from '../domain/site'
import { checkCredentialValue } from '../formats/validate'
import type { AidEntry } from './aids'
import type { Presented, TapRecord } from './tapRecord'

/** What a tap is matched against: the site's types, the AIDs in use, and its enrolled values. */
export interface TapContext {
  readonly types: readonly CredentialType[]
  readonly aids: readonly AidEntry[]
  /** Whether the site holds a credential of this type with exactly this value. */
  enrolled(typeId: Id, value: string): boolean
}

export type Identified = { presented: Presented; unmatched: null } | { presented: null; unmatched: string | null }

const NFC_CARD = (t: CredentialType): boolean => t.format === 'card' && (t.technology === 'nfc' || t.technology === 'ble+nfc')

/**
 * The credential a tap presents: an application's answer belongs to the AID's credential type; a UID
 * to the site's NFC card type that enrolls it (else the first NFC card type). Values go through
 * {@link checkCredentialValue}, the same function typed and imported values go through.
 */
export function identifyTap(tap: Pick<TapRecord, 'uid' | 'aid' | 'credential' | 'error'>, context: TapContext): Identified {
  if (tap.error) return { presented: null, unmatched: null }
  if (tap.aid !== null && tap.credential !== null) return fromApplication(tap.aid, tap.credential, context)
  if (tap.uid !== null) return fromUid(tap.uid, context)
  return { presented: null, unmatched: 'the tap gave neither a UID nor a credential' }
}

/** The site credential type an AID's answers belong to: by slug, then by the entry's label. */
export function typeForAid(entry: AidEntry, types: readonly CredentialType[]): CredentialType | undefined {
  const slug = entry.credentialType
  if (slug !== null) return types.find((t) => t.slug === slug)
  const label = entry.label.trim().toLowerCase()
  return types.find((t) => t.label.toLowerCase() === label || t.slug.toLowerCase() === label)
}

function fromApplication(aid: string, credential: string, context: TapContext): Identified {
  const entry = context.aids.find((e) => e.aid === aid)
  const type = entry && typeForAid(entry, context.types)
  if (!type) return { presented: null, unmatched: `no credential type of this site answers to AID ${aid}` }
  const value = checkCredentialValue(type, credential)
  if (!value.ok) return { presented: null, unmatched: `the answer is not a ${type.label} value: ${value.message}` }
  return { presented: { credential_type_id: type.id, value: value.value, source: 'aid' }, unmatched: null }
}

function fromUid(uid: string, context: TapContext): Identified {
  const candidates: Presented[] = []
  for (const type of context.types.filter(NFC_CARD)) {
    const value = checkCredentialValue(type, uid)
    if (value.ok) candidates.push({ credential_type_id: type.id, value: value.value, source: 'uid' })
  }
  const first = candidates[0]
  if (!first) return { presented: null, unmatched: 'this site has no NFC card type that takes this UID' }
  const enrolled = candidates.find((c) => context.enrolled(c.credential_type_id, c.value))
  return { presented: enrolled ?? first, unmatched: null }
}

const lookups = new WeakMap<Site, TapContext['enrolled']>()

/** {@link TapContext.enrolled} for a site, built once per snapshot object. */
export function enrolledIn(site: Site): TapContext['enrolled'] {
  let lookup = lookups.get(site)
  if (!lookup) {
    const byType = new Map<Id, Set<string>>()
    for (const c of site.credentials) {
      const values = byType.get(c.credential_type_id) ?? new Set<string>()
      byType.set(c.credential_type_id, c.value === undefined ? values : values.add(c.value))
    }
    lookup = (typeId, value) => byType.get(typeId)?.has(value) ?? false
    lookups.set(site, lookup)
  }
  return lookup
}
