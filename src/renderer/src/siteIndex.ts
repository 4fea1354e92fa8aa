import type { Credential, CredentialType, Door, Group, Id, Person, Schedule, Site } from '../../shared/domain/site'

/** The site's entities by id (ids compare exactly: 3 and "3" differ), built once per snapshot. */
export interface SiteIndex {
  readonly site: Site
  readonly doors: ReadonlyMap<Id, Door>
  readonly people: ReadonlyMap<Id, Person>
  readonly types: ReadonlyMap<Id, CredentialType>
  readonly groups: ReadonlyMap<Id, Group>
  readonly schedules: ReadonlyMap<Id, Schedule>
  readonly credentialsByPerson: ReadonlyMap<Id, readonly Credential[]>
}

const indexes = new WeakMap<Site, SiteIndex>()

export function indexSite(site: Site): SiteIndex {
  let index = indexes.get(site)
  if (!index) {
    index = buildIndex(site)
    indexes.set(site, index)
  }
  return index
}

function byId<T extends { id: Id }>(items: readonly T[]): Map<Id, T> {
  return new Map(items.map((item) => [item.id, item]))
}

function buildIndex(site: Site): SiteIndex {
  const credentialsByPerson = new Map<Id, Credential[]>()
  for (const credential of site.credentials) {
    const list = credentialsByPerson.get(credential.person_id)
    if (list) list.push(credential)
    else credentialsByPerson.set(credential.person_id, [credential])
  }
  return {
    site,
    doors: byId(site.doors),
    people: byId(site.people),
    types: byId(site.credential_types),
    groups: byId(site.groups),
    schedules: byId(site.schedules),
    credentialsByPerson
  }
}

/** An id as a form control value; JSON keeps 3 and "3" apart. */
export function idKey(id: Id): string {
  return JSON.stringify(id)
}

/** The id back from {@link idKey}, or null for an empty or foreign value. */
export function idFromKey(key: string): Id | null {
  if (key === '') return null
  try {
    const id: unknown = JSON.parse(key)
    return typeof id === 'number' || typeof id === 'string' ? id : null
  } catch {
    return null
  }
}
