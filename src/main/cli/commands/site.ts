import type { CliCommand } from '../command'
import { stringOption } from '../args'
import { openNodeServices } from '../context'

export const siteCommand: CliCommand = {
  name: 'site',
  summary: "Summarise the app's site (its database, first seeded with the demo site) or check a snapshot file",
  usage: '[--site <file>]',
  options: { site: { type: 'string' } },
  async run(values, _positionals, io) {
    const sitePath = stringOption(values, 'site')
    const services = await openNodeServices(sitePath ? { sitePath } : {})
    const summary = services.site.summary()
    if (io.json) return void io.out(JSON.stringify(summary))
    const c = summary.counts
    io.out(`${summary.name} (${summary.timezone}): ${c.doors} doors, ${c.people} people, ${c.credentials} credentials, ${c.groups} groups, ${c.schedules} schedules`)
  }
}
