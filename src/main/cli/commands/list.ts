import type { Id, Site } from '../../../shared/domain/site'
import { personName } from '../../../shared/domain/lookup'
import { entityOption } from '../args'
import type { CliCommand, OptionSpecs, OptionValues } from '../command'
import { SITE_OPTION_HELP, SITE_OPTIONS, withSite } from '../services'
import { table } from '../table'

type Listed = 'doors' | 'people' | 'groups'

/** The rows of the human table for one list: a header and one row per entity. */
type Describe = (site: Site) => { head: string[]; rows: string[][] }

const key = (id: Id): string => JSON.stringify(id)
const namesOf = <T extends { id: Id }>(items: readonly T[], name: (t: T) => string): ((id: Id) => string) => {
  const byId = new Map(items.map((t) => [key(t.id), name(t)]))
  return (id) => byId.get(key(id)) ?? String(id)
}

const describeDoors: Describe = (site) => {
  const typeName = namesOf(site.credential_types, (t) => t.label)
  return {
    head: ['id', 'name', 'mode', 'pin', 'accepts'],
    rows: site.doors.map((d) => [String(d.id), d.name, d.mode, d.requires_pin ? 'yes' : 'no', d.accepts.map(typeName).join(', ')])
  }
}

const describePeople: Describe = (site) => {
  const groupName = namesOf(site.groups, (g) => g.name)
  const credentials = new Map<string, number>()
  for (const c of site.credentials) credentials.set(key(c.person_id), (credentials.get(key(c.person_id)) ?? 0) + 1)
  return {
    head: ['id', 'name', 'email', 'enabled', 'credentials', 'groups'],
    rows: site.people.map((p) => [String(p.id), personName(p), p.email, p.enabled ? 'yes' : 'no', String(credentials.get(key(p.id)) ?? 0), p.group_ids.map(groupName).join(', ')])
  }
}

const describeGroups: Describe = (site) => {
  const doorName = namesOf(site.doors, (d) => d.name)
  const members = (id: Id): number => site.people.filter((p) => p.group_ids.some((g) => key(g) === key(id))).length
  return {
    head: ['id', 'name', 'people', 'doors'],
    rows: site.groups.map((g) => [String(g.id), g.name, String(members(g.id)), [...new Set(g.access.flatMap((a) => a.door_ids.map(doorName)))].join(', ')])
  }
}

/** Narrows the listed entities by an option (`people --group Staff`). */
interface ListFilter {
  options: OptionSpecs
  usage: string
  help: string
  apply(site: Site, values: OptionValues): Site
}

const byGroup: ListFilter = {
  options: { group: { type: 'string' } },
  usage: ' [--group <id|name>]',
  help: '--group           only the members of this group (an id or a name)',
  apply(site, values) {
    const group = entityOption(values, site, 'group')
    if (group === undefined) return site
    return { ...site, people: site.people.filter((p) => p.group_ids.some((g) => key(g) === key(group))) }
  }
}

/** `lintel doors | people | groups`: what the site holds, as a table or (--json) `{ "<what>": [...] }` in the snapshot's shape. */
function listCommand(what: Listed, summary: string, describe: Describe, filter?: ListFilter): CliCommand {
  return {
    name: what,
    summary,
    usage: `[--db <path> | --site <file>]${filter?.usage ?? ''}`,
    options: { ...SITE_OPTIONS, ...filter?.options },
    details: [...SITE_OPTION_HELP, ...(filter ? [filter.help] : []), `With --json: { "${what}": [...] }, each as in a site snapshot (docs/site-format.md).`],
    async run(values, _positionals, io) {
      const whole = await withSite(values, io, (session) => session.site.snapshot())
      const site = filter ? filter.apply(whole, values) : whole
      if (io.json) return void io.out(JSON.stringify({ [what]: site[what] }))
      const { head, rows } = describe(site)
      io.out(rows.length ? table(head, rows) : `No ${what} on this site.`)
    }
  }
}

export const doorsCommand = listCommand('doors', 'List the doors: id, name, mode, PIN, accepted credential types', describeDoors)
export const peopleCommand = listCommand('people', 'List the people: id, name, email, credentials and groups', describePeople, byGroup)
export const groupsCommand = listCommand('groups', 'List the groups: id, name, members and the doors they open', describeGroups)
