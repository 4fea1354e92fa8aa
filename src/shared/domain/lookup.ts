import type { Door, Group, Id, Person, Site } from './site'

/** What the command line may name: `--door`, `--person`, `--group`, a credential type, `--credential` (ids only). */
export type EntityKind = 'door' | 'person' | 'group' | 'credential type' | 'credential'

/** One entity as a lookup sees it: its id and the names it answers to. */
export interface Named {
  readonly id: Id
  /** The name shown to people (a door's name, a person's full name). */
  readonly label: string
  /** Every text it matches ignoring case: its name, and for a person also their email. */
  readonly names: readonly string[]
}

/** The outcome of looking up what a user typed. */
export type Lookup =
  | { readonly found: 'one'; readonly id: Id; readonly by: 'id' | 'name' }
  | { readonly found: 'several'; readonly candidates: readonly Named[] }
  | { readonly found: 'none'; readonly closest: readonly Named[] }

/** How many close names an unknown one lists. */
export const CLOSEST_NAMES = 5

/** The entities of one kind on a site, with the names each answers to. */
export function namedEntities(site: Site, kind: EntityKind): Named[] {
  switch (kind) {
    case 'door':
      return site.doors.map((d: Door) => ({ id: d.id, label: d.name, names: [d.name] }))
    case 'group':
      return site.groups.map((g: Group) => ({ id: g.id, label: g.name, names: [g.name] }))
    case 'person':
      return site.people.map((p: Person) => ({ id: p.id, label: personName(p), names: [personName(p), p.email] }))
    case 'credential type':
      return site.credential_types.map((t) => ({ id: t.id, label: t.label, names: [t.label, t.slug] }))
    case 'credential':
      return site.credentials.map((c) => ({ id: c.id, label: `credential ${String(c.id)}`, names: [] }))
  }
}

/** A person's full name as people write it. */
export function personName(p: Pick<Person, 'first_name' | 'last_name'>): string {
  return `${p.first_name} ${p.last_name}`.trim()
}

/**
 * Looks up `--door 3`, `--door "Front Entrance"` or `--person leah@example.com` (CONVENTIONS.md):
 * an id match first (id 3 or "3"); then an exact name ignoring case. An id match that another
 * entity's name also matches, or several matches, is `several`; nothing is `none` with the closest names.
 */
export function lookUp(text: string, entities: readonly Named[]): Lookup {
  const byId = entities.filter((e) => sameId(e.id, text))
  const wanted = text.trim().toLowerCase()
  const byName = entities.filter((e) => e.names.some((n) => n.trim().toLowerCase() === wanted))
  const all = unique([...byId, ...byName])
  if (all.length > 1) return { found: 'several', candidates: all }
  const [only] = all
  if (only) return { found: 'one', id: only.id, by: byId.length ? 'id' : 'name' }
  return { found: 'none', closest: closestNames(text, entities) }
}

/** `3` matches the id 3 and the id "3". */
function sameId(id: Id, text: string): boolean {
  return typeof id === 'number' ? /^-?\d+$/.test(text) && id === Number(text) : id === text
}

function unique(list: readonly Named[]): Named[] {
  return [...new Set(list)]
}

/** The entities whose names are nearest to `text`: containing it first, then by edit distance. */
export function closestNames(text: string, entities: readonly Named[], limit = CLOSEST_NAMES): Named[] {
  const wanted = text.trim().toLowerCase()
  const scored = entities
    .filter((e) => e.names.length > 0)
    .map((e) => ({ e, score: Math.min(...e.names.map((n) => nameDistance(wanted, n.toLowerCase()))) }))
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.e)
}

/** Edit distance, with a name that contains the text (or is contained in it) counted as near. */
function nameDistance(a: string, b: string): number {
  if (a && (b.includes(a) || a.includes(b))) return Math.abs(b.length - a.length) / 100
  return levenshtein(a, b)
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}
