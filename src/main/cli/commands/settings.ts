import { SettingsPatchSchema, type SettingsPatch } from '../../../shared/domain/settings'
import { describeZodError } from '../../../shared/contract'
import type { CliCommand } from '../command'
import { withServices } from '../services'
import { UsageError } from '../io'

/** `key=value` pairs; values are JSON when they parse as JSON, else plain strings. */
export function parseAssignments(pairs: string[]): SettingsPatch {
  const patch: Record<string, unknown> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new UsageError(`${pair}: expected key=value, e.g. unlockThresholdDbm=-72`)
    const raw = pair.slice(eq + 1)
    let value: unknown = raw
    try {
      value = JSON.parse(raw)
    } catch {
      value = raw
    }
    patch[pair.slice(0, eq)] = value
  }
  const parsed = SettingsPatchSchema.safeParse(patch)
  if (!parsed.success) throw new UsageError(describeZodError(parsed.error, 'settings'))
  return parsed.data
}

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: 'Show the settings, or change them with key=value pairs',
  usage: '[key=value ...]',
  options: {},
  positionals: true,
  details: ['lintel settings unlockThresholdDbm=-72 theme=dark', 'lintel settings \'bleAdapter={"kind":"uart","port":"/dev/ttyACM0"}\''],
  async run(_values, positionals, io) {
    const patch = positionals.length ? parseAssignments(positionals) : undefined
    const settings = await withServices({}, io, (services) => (patch ? services.updateSettings(patch) : services.settings()), { lenient: true })
    if (io.json) return void io.out(JSON.stringify(settings))
    for (const [key, value] of Object.entries(settings)) io.out(`${key} = ${JSON.stringify(value)}`)
  }
}
