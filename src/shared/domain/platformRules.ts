import { z } from 'zod'
import { DEFAULT_MOBILE_PLATFORMS, MobilePlatformsSchema, ReaderRadioSchema, UnlockDistanceSchema, type MobilePlatforms, type SiteInfo, type UnlockDistance } from './site'

/**
 * Which radios phones use for mobile credentials, as the two guides say: DoorFlow's default
 * (iPhones Bluetooth, Android Bluetooth or NFC) and Alarm.com's (Android NFC, iPhone Bluetooth).
 */
export const PLATFORM_PRESETS = {
  doorflow: { ios: ['ble'], android: ['ble', 'nfc'] },
  alarm_com: { ios: ['ble'], android: ['nfc'] }
} as const satisfies Record<string, MobilePlatforms>
export type PlatformPreset = keyof typeof PLATFORM_PRESETS
export const PlatformPresetSchema = z.enum(['doorflow', 'alarm_com'])

/** The site's platform rules, as Settings shows them. */
export const PlatformRulesSchema = z.object({
  /** The preset the radios match, or `custom`. */
  preset: z.enum(['doorflow', 'alarm_com', 'custom']),
  mobile_platforms: MobilePlatformsSchema,
  unlock_distance_cm: UnlockDistanceSchema
})
export type PlatformRules = z.infer<typeof PlatformRulesSchema>

const radios = z.array(ReaderRadioSchema).min(1, 'name at least one radio: ble or nfc')

/** A change to the platform rules: a preset, or either platform's radios, or an unlock distance (null clears it). */
export const PlatformRulesPatchSchema = z
  .object({
    preset: PlatformPresetSchema.optional(),
    ios: radios.optional(),
    android: radios.optional(),
    ios_unlock_cm: z.number().positive().max(1000).nullable().optional(),
    android_unlock_cm: z.number().positive().max(1000).nullable().optional()
  })
  .strict()
export type PlatformRulesPatch = z.infer<typeof PlatformRulesPatchSchema>

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((r) => b.includes(r))

/** The rules a site info carries, DoorFlow's default where it sets none. */
export function platformRulesOf(info: Pick<SiteInfo, 'mobile_platforms' | 'unlock_distance_cm'>): PlatformRules {
  const mobile_platforms = info.mobile_platforms ?? { ios: [...DEFAULT_MOBILE_PLATFORMS.ios], android: [...DEFAULT_MOBILE_PLATFORMS.android] }
  const preset = (Object.keys(PLATFORM_PRESETS) as PlatformPreset[]).find((p) => same(PLATFORM_PRESETS[p].ios, mobile_platforms.ios) && same(PLATFORM_PRESETS[p].android, mobile_platforms.android))
  return { preset: preset ?? 'custom', mobile_platforms, unlock_distance_cm: info.unlock_distance_cm ?? {} }
}

/** The site info with a patch applied: a preset first, then per-platform radios and distances. */
export function applyPlatformRules<T extends Pick<SiteInfo, 'mobile_platforms' | 'unlock_distance_cm'>>(info: T, patch: PlatformRulesPatch): T {
  const current = platformRulesOf(info)
  const base = patch.preset ? PLATFORM_PRESETS[patch.preset] : current.mobile_platforms
  const mobile_platforms = { ios: [...new Set(patch.ios ?? base.ios)], android: [...new Set(patch.android ?? base.android)] }
  const distance: UnlockDistance = { ...current.unlock_distance_cm }
  for (const [key, platform] of [['ios_unlock_cm', 'ios'], ['android_unlock_cm', 'android']] as const) {
    const value = patch[key]
    if (value === null) delete distance[platform]
    else if (value !== undefined) distance[platform] = value
  }
  return { ...info, mobile_platforms, unlock_distance_cm: distance }
}

/** The rules per platform, as the survey analysis takes them (radios and unlock distance). */
export function platformTargets(rules: PlatformRules): { platform: 'ios' | 'android'; radios: readonly string[]; unlockDistance_cm?: number }[] {
  return (['ios', 'android'] as const).map((platform) => {
    const cm = rules.unlock_distance_cm[platform]
    return { platform, radios: rules.mobile_platforms[platform], ...(cm !== undefined ? { unlockDistance_cm: cm } : {}) }
  })
}
