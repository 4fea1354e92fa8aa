import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SiteSchema, type Site } from '../../../src/shared/domain/site'
import { invitationLink, onboardingSheet } from '../../../src/shared/onboarding/sheet'

const BASE: Site = SiteSchema.parse(JSON.parse(readFileSync(new URL('../../fixtures/diagnose/site.json', import.meta.url), 'utf8')))
function siteWith(change: (site: Site) => void = () => undefined): Site {
  const site = structuredClone(BASE)
  change(site)
  return SiteSchema.parse(site)
}

describe('onboarding sheet', () => {
  it('gives the six steps in order, for their phone credential, with the backup PIN masked', () => {
    const sheet = onboardingSheet(siteWith(), 100)
    expect(sheet.steps.map((s) => s.title)).toEqual(['Install the app', 'Accept the invitation', 'Wait 2 minutes', "Open a door at this site's readers", 'If your phone is dead', 'When you change phones'])
    expect(sheet.credential).toMatchObject({ id: 1000, type: 'HID Mobile Access', device: 'Pixel 8' })
    expect(sheet.steps[0]!.text).toMatch(/HID Mobile Access app/)
    expect(sheet.steps[4]!.text).toMatch(/backup PIN \(••••••/)
    expect(JSON.stringify(sheet)).not.toContain('583920')
    expect(sheet.warnings).toEqual([])
  })

  it("follows the site's platform rules: Alarm.com's Android NFC and iPhone BLE, with unlock distances", () => {
    const sheet = onboardingSheet(siteWith((s) => { s.site.mobile_platforms = { ios: ['ble'], android: ['nfc'] }; s.site.unlock_distance_cm = { ios: 50, android: 4 } }), 100)
    const [ios, android] = sheet.present
    expect(ios).toMatchObject({ platform: 'ios', radios: ['ble'], distance_cm: 50 })
    expect(ios!.text).toMatch(/turn Bluetooth on.*within 50 cm of the reader/)
    expect(android).toMatchObject({ platform: 'android', radios: ['nfc'] })
    expect(android!.text).toMatch(/turn NFC on.*hold the unlocked phone flat against the reader \(within 4 cm\)/)
    expect(android!.text).not.toMatch(/Bluetooth/)
  })

  it('prints an http(s) invitation link as a QR code; a link that is not a URL is reported, not rendered', () => {
    const good = onboardingSheet(siteWith((s) => (s.credentials[0]!.invitation_url = 'https://passflow.example/invite/abc123')), 100)
    expect(good.invitation_url).toBe('https://passflow.example/invite/abc123')
    expect(good.steps[1]!.text).toMatch(/scan the QR code/)
    const bad = onboardingSheet(siteWith((s) => (s.credentials[0]!.invitation_url = 'passflow-id-42')), 100)
    expect(bad.invitation_url).toBeNull()
    expect(bad.warnings.join(' ')).toMatch(/"passflow-id-42" is not a web address/)
    expect(invitationLink('javascript:alert(1)').url).toBeNull()
  })

  it('reports a mobile number in local format instead of offering SMS to it', () => {
    const sheet = onboardingSheet(siteWith((s) => (s.people[0]!.mobile = '07700 900123')), 100)
    expect(sheet.person.mobile).toBeNull()
    expect(sheet.warnings.join(' ')).toMatch(/local format/)
    const e164 = onboardingSheet(siteWith((s) => (s.people[0]!.mobile = '+447700900123')), 100)
    expect(e164.steps[1]!.text).toMatch(/SMS \(\+447700900123\)/)
  })

  it('refuses a person with no phone credential, and a credential that is not a phone', () => {
    expect(() => onboardingSheet(siteWith((s) => (s.credentials = s.credentials.filter((c) => c.id !== 1000))), 100)).toThrow(/no phone credential/)
    expect(() => onboardingSheet(siteWith(), 100, 1001)).toThrow(/not a phone credential/)
    expect(() => onboardingSheet(siteWith(), 999)).toThrow(/no person 999/)
  })
})
