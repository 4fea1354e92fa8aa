import { SettingsPatchSchema, type SettingsPatch } from '../../../shared/domain/settings'
import { PlatformRulesPatchSchema, type PlatformRules, type PlatformRulesPatch } from '../../../shared/domain/platformRules'
import { describeZodError } from '../../../shared/contract/result'
import type { CliCommand } from '../command'
import { DB_OPTION_HELP, withServices } from '../services'
import { UsageError } from '../io'

/** `site.*` keys: the site's platform rules, stored with the site rather than in settings.json. */
const SITE_KEYS: Record<string, keyof PlatformRulesPatch> = {
  'site.platforms': 'preset',
  'site.ios': 'ios',
  'site.android': 'android',
  'site.iosUnlockCm': 'ios_unlock_cm',
  'site.androidUnlockCm': 'android_unlock_cm'
}

function parseValue(key: string, raw: string): unknown {
  if (key === 'ios' || key === 'android') return raw.startsWith('[') ? (JSON.parse(raw) as unknown) : raw.split(',').map((r) => r.trim().toLowerCase())
  if (key.endsWith('_unlock_cm')) return raw === 'none' ? null : Number(raw)
  if (key === 'preset') return raw.toLowerCase().replace(/[.-]/g, '_')
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

/** `key=value` pairs; values are JSON when they parse as JSON, else plain strings. `site.*` keys go to the site's platform rules. */
export function parseAssignments(pairs: string[]): { settings: SettingsPatch; site: PlatformRulesPatch } {
  const patch: Record<string, unknown> = {}
  const site: Record<string, unknown> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new UsageError(`${pair}: expected key=value, e.g. unlockThresholdDbm=-72`)
    const key = pair.slice(0, eq)
    const siteKey = SITE_KEYS[key]
    if (key.startsWith('site.') && !siteKey) throw new UsageError(`${key}: unknown site setting; expected one of ${Object.keys(SITE_KEYS).join(', ')}`)
    if (siteKey) site[siteKey] = parseValue(siteKey, pair.slice(eq + 1))
    else patch[key] = parseValue(key, pair.slice(eq + 1))
  }
  const parsed = SettingsPatchSchema.safeParse(patch)
  if (!parsed.success) throw new UsageError(describeZodError(parsed.error, 'settings'))
  const rules = PlatformRulesPatchSchema.safeParse(site)
  if (!rules.success) throw new UsageError(describeZodError(rules.error, 'site'))
  return { settings: parsed.data, site: rules.data }
}

/** The platform rules as `site.*` lines. */
function siteLines(rules: PlatformRules): string[] {
  const cm = (n: number | undefined) => (n === undefined ? 'not set' : `${n} cm`)
  return [
    `site.platforms = ${rules.preset}`,
    `site.ios = ${rules.mobile_platforms.ios.join(',')}`,
    `site.android = ${rules.mobile_platforms.android.join(',')}`,
    `site.iosUnlockCm = ${cm(rules.unlock_distance_cm.ios)}`,
    `site.androidUnlockCm = ${cm(rules.unlock_distance_cm.android)}`
  ]
}

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: "Show the settings and the site's platform rules, or change them with key=value pairs",
  usage: '[--db <path>] [key=value ...]',
  options: { db: { type: 'string' } },
  positionals: true,
  details: [
    'lintel settings unlockThresholdDbm=-72 theme=dark',
    'lintel settings \'bleAdapter={"kind":"uart","port":"/dev/ttyACM0"}\'',
    "Platform rules live with the site (the database), not in settings.json:",
    '  site.platforms=doorflow|alarm_com   DoorFlow: iPhones BLE, Android BLE or NFC; Alarm.com: iPhones BLE, Android NFC',
    '  site.ios=ble  site.android=nfc      radios per platform (comma-separated: ble, nfc)',
    '  site.iosUnlockCm=30  site.androidUnlockCm=4   how close the phone must be (none clears it)',
    DB_OPTION_HELP
  ],
  async run(values, positionals, io) {
    const patch = positionals.length ? parseAssignments(positionals) : undefined
    const changesSite = patch !== undefined && Object.keys(patch.site).length > 0
    const result = await withServices(values, io, (services) => {
      const settings = patch && Object.keys(patch.settings).length ? services.updateSettings(patch.settings) : services.settings()
      const rules = changesSite ? services.platformRules.update(patch.site) : services.platformRules.get()
      return { settings, rules }
    }, { lenient: !changesSite })
    if (io.json) return void io.out(JSON.stringify({ ...result.settings, site: result.rules }))
    for (const [key, value] of Object.entries(result.settings)) io.out(`${key} = ${JSON.stringify(value)}`)
    for (const line of siteLines(result.rules)) io.out(line)
  }
}
