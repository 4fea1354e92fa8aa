import { ErrorCode, LintelError } from '../contract/result'
import type { Credential, CredentialType, Door, Id, Person, ReaderRadio, Site } from '../domain/site'

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

const pinSets = new WeakMap<Site, ReadonlySet<string>>()

/** Every PIN value on the site, built once per snapshot object: event numbers that match one are masked. */
export function pinValuesOf(site: Site): ReadonlySet<string> {
  let pins = pinSets.get(site)
  if (!pins) {
    const pinTypes = new Set(site.credential_types.filter((t) => t.format === 'pin').map((t) => t.id))
    pins = new Set(site.credentials.flatMap((c) => (pinTypes.has(c.credential_type_id) && c.value !== undefined ? [c.value] : [])))
    pinSets.set(site, pins)
  }
  return pins
}

/** An id as the helpdesk reads it in a message: 3, or "3" for a string id. */
export const show = (id: Id): string => JSON.stringify(id)

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
