import { describe, expect, it } from 'vitest'
import { applyPlatformRules, platformRulesOf } from '../../../src/shared/domain/platformRules'
import type { SiteInfo } from '../../../src/shared/domain/site'

const LONDON: SiteInfo = { timezone: 'Europe/London', holidays: [] }

describe('platform rules', () => {
  it("reads DoorFlow's default when the site sets none, and names a matching preset", () => {
    expect(platformRulesOf({})).toEqual({ preset: 'doorflow', mobile_platforms: { ios: ['ble'], android: ['ble', 'nfc'] }, unlock_distance_cm: {} })
    expect(platformRulesOf({ mobile_platforms: { ios: ['ble'], android: ['nfc'] } }).preset).toBe('alarm_com')
    expect(platformRulesOf({ mobile_platforms: { ios: ['nfc'], android: ['nfc'] } }).preset).toBe('custom')
  })

  it("applies Alarm.com's preset, then a platform's own radios and unlock distances", () => {
    const alarm = applyPlatformRules(LONDON, { preset: 'alarm_com', android_unlock_cm: 4 })
    expect(alarm).toMatchObject({ timezone: 'Europe/London', mobile_platforms: { ios: ['ble'], android: ['nfc'] }, unlock_distance_cm: { android: 4 } })
    const custom = applyPlatformRules(alarm, { ios: ['ble', 'nfc', 'ble'], android_unlock_cm: null, ios_unlock_cm: 30 })
    expect(custom).toMatchObject({ mobile_platforms: { ios: ['ble', 'nfc'], android: ['nfc'] }, unlock_distance_cm: { ios: 30 } })
    expect(custom.unlock_distance_cm).not.toHaveProperty('android')
  })
})
