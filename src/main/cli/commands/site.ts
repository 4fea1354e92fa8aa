import type { CliCommand } from '../command'
import { SITE_OPTION_HELP, SITE_OPTIONS, withSite } from '../services'

export const siteCommand: CliCommand = {
  name: 'site',
  summary: "Summarise the app's site (its database, first seeded with the demo site), another database, or a snapshot file",
  usage: '[--db <path> | --site <file>]',
  options: SITE_OPTIONS,
  details: SITE_OPTION_HELP,
  async run(values, _positionals, io) {
    const summary = await withSite(values, io, (session) => session.site.summary())
    if (io.json) return void io.out(JSON.stringify(summary))
    const c = summary.counts
    io.out(`${summary.name} (${summary.timezone}): ${c.doors} doors, ${c.people} people, ${c.credentials} credentials, ${c.groups} groups, ${c.schedules} schedules`)
  }
}
