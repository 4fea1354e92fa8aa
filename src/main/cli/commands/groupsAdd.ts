import type { CliCommand } from '../command'
import { UsageError } from '../io'
import { DB_OPTION_HELP, DB_OPTIONS, TIME_ZONE_HELP, withServices } from '../services'

/** `lintel groups add <name>`: a new group that opens no doors yet, through the provisioning service. */
export const groupsAddCommand: CliCommand = {
  name: 'groups add',
  summary: 'Add a group (it opens no doors until you give it access in the app)',
  usage: '<name> [--db <path>] [--time-zone <zone>]',
  positionals: true,
  options: DB_OPTIONS,
  details: [DB_OPTION_HELP, TIME_ZONE_HELP, 'A name already taken (ignoring case) exits 2. Output: the group; with --json { "group": { id, name, access } }.'],
  async run(values, positionals, io) {
    const name = positionals.join(' ').trim()
    if (!name) throw new UsageError('expected a group name: lintel groups add "Staff"')
    const group = await withServices(values, io, ({ provisioning }) => provisioning.addGroup(name))
    io.out(io.json ? JSON.stringify({ group }) : `Added group "${group.name}" (id ${String(group.id)}).`)
  }
}
