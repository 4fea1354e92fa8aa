import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnosis } from '../../../src/shared/diagnose'
import type { PlatformRules } from '../../../src/shared/domain/platformRules'
import { cli } from '../../helpers/cli'

const AT = '2026-12-02T10:00:00Z'
let home: string

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'lintel-cli-platforms-'))
  process.env.LINTEL_HOME = home
})
afterAll(() => {
  delete process.env.LINTEL_HOME
  rmSync(home, { recursive: true, force: true })
})

describe("lintel settings: the site's platform rules", () => {
  it("shows DoorFlow's default, saves Alarm.com's with the site, and diagnosis follows it", async () => {
    const before = await cli('settings', '--json')
    expect(before.json<{ site: PlatformRules }>().site.preset).toBe('doorflow')
    const set = await cli('settings', 'site.platforms=alarm_com', 'site.androidUnlockCm=4', '--json')
    expect(set.code).toBe(0)
    expect(set.json<{ site: PlatformRules }>().site).toEqual({ preset: 'alarm_com', mobile_platforms: { ios: ['ble'], android: ['nfc'] }, unlock_distance_cm: { android: 4 } })
    const words = await cli('settings')
    expect(words.out).toContain('site.android = nfc')
    expect(words.out).toContain('site.androidUnlockCm = 4 cm')
    const d = (await cli('diagnose', '--person', '2', '--door', '1', '--platform', 'android', '--at', AT, '--json')).json<Diagnosis>()
    const phone = d.findings.find((f) => f.code === 'phone_radio_or_app')!
    expect(phone.fix).toMatch(/turn NFC on/)
    expect(phone.fix).not.toMatch(/Bluetooth/)
  })

  it('exits 2 naming a bad site key or radio', async () => {
    const unknown = await cli('settings', 'site.colour=blue')
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/site.colour/)
    const radio = await cli('settings', 'site.android=wifi')
    expect(radio.code).toBe(2)
    expect(radio.err).toMatch(/site.android/)
  })
})

describe("lintel survey analyze against the site's platform rules", () => {
  const walk = join(__dirname, '..', '..', 'fixtures', 'herald-rssi', '20210107-1123-A.csv')

  it('judges the walk per platform with --db, and analyses the file alone without it', async () => {
    const db = join(home, 'survey-site.db')
    expect((await cli('settings', 'site.platforms=alarm_com', 'site.iosUnlockCm=100', '--db', db)).code).toBe(0)
    const judged = await cli('survey', 'analyze', walk, '--distance-unit', 'cm', '--db', db, '--json')
    expect(judged.code).toBe(0)
    const platforms = judged.json<{ platforms: { platform: string; unlockDistance_m: number | null; summary: string }[] }>().platforms
    expect(platforms.map((p) => [p.platform, p.unlockDistance_m])).toEqual([['ios', 1], ['android', null]])
    expect(platforms[1]!.summary).toMatch(/Android phones present by NFC/)
    const words = await cli('survey', 'analyze', walk, '--distance-unit', 'cm', '--db', db)
    expect(words.out).toContain("phone platforms (the site's rules):")
    const alone = await cli('survey', 'analyze', walk, '--distance-unit', 'cm', '--json')
    expect(alone.json<Record<string, unknown>>()).not.toHaveProperty('platforms')
  })
})
