/**
 * Issue 14's ranking and wording cases on the diagnosis fixture (see diagnose.test.ts): each case
 * failed before the fix. The last block checks, on every case, that the summary's verdict matches
 * the top finding.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileSite } from '../../../src/shared/decision'
import { diagnose, type DiagnoseInput, type Diagnosis } from '../../../src/shared/diagnose'
import { SiteSchema, type Credential, type Site } from '../../../src/shared/domain/site'
import { expectSummaryMatchesTop } from './summaryCheck'

const BASE: Site = SiteSchema.parse(JSON.parse(readFileSync(new URL('../../fixtures/diagnose/site.json', import.meta.url), 'utf8')))
const DEMO: Site = SiteSchema.parse(JSON.parse(readFileSync(new URL('../../../resources/demo-site.json', import.meta.url), 'utf8')))
const AT = '2026-12-02T10:00:00Z'

function siteWith(change: (site: Site) => void = () => undefined): Site {
  const site = structuredClone(BASE)
  change(site)
  return SiteSchema.parse(site)
}
const credential = (site: Site, id: number): Credential => site.credentials.find((c) => c.id === id)!
function run(site: Site, input: Partial<DiagnoseInput> = {}): Diagnosis {
  const d = diagnose(site, compileSite(site), { person: 100, door_id: 1, at: AT, sync: null, ...input })
  expectSummaryMatchesTop(d)
  return d
}
const codes = (d: Diagnosis): string[] => d.findings.map((f) => f.code)
const allText = (d: Diagnosis): string => [d.summary, ...d.findings.flatMap((f) => [f.title, f.evidence, f.fix])].join('\n')

const lostOldPhone = (s: Site): void => {
  s.credentials.push({ id: 1003, person_id: 100, credential_type_id: 8, value: 'HID-0001-D4D4D4', enabled: true, status: 'revoked', revoked_reason: 'lost', device: 'Pixel 7' })
}
const androidNfcSite = (s: Site): void => {
  s.site.mobile_platforms = { ios: ['ble'], android: ['nfc'] }
}

const CASES: [string, Site, Partial<DiagnoseInput>][] = [
  ['no fault', siteWith(), {}],
  ['a lost phone revoked on purpose', siteWith(lostOldPhone), { door_id: 2, platform: 'ios' }],
  ['a credential created here and never synced', siteWith((s) => (credential(s, 1000).issued_at = '2026-12-02T09:59:31Z')), { sync: [{ entity: 'credential', id: 1000, state: 'local', op: 'create', message: null }] }],
  ['an iPhone at the NFC-only Lab', siteWith(), { door_id: 4, platform: 'ios' }],
  ['an Android phone with PassFlow on an Android-NFC site', siteWith((s) => { androidNfcSite(s); credential(s, 1000).credential_type_id = 9 }), { platform: 'android' }],
  ['Server Room without a PIN', siteWith((s) => (s.credentials = s.credentials.filter((c) => c.id !== 1001))), { door_id: 2 }],
  ['a half-done phone change', siteWith((s) => s.credentials.push({ id: 1002, person_id: 100, credential_type_id: 8, value: 'HID-0001-C3C3C3', enabled: true, status: 'invited', device: 'Pixel 9' })), {}],
  ['a pending update', siteWith(), { sync: [{ entity: 'person', id: 100, state: 'pending', op: 'update', message: null }] }],
  ['a disabled credential', siteWith((s) => (credential(s, 1000).enabled = false)), {}],
  ['lockdown', siteWith((s) => (s.people[0]!.group_ids = [12])), { door_id: 3 }],
  ['the demo: Farhan at the Server Room on an iPhone', DEMO, { person: 6, door_id: 3, platform: 'ios' }]
]
const caseNamed = (name: string): Diagnosis => {
  const [, site, input] = CASES.find(([n]) => n === name)!
  return run(site, input)
}

describe('diagnose ranking: a credential revoked on purpose is history', () => {
  it('a lost phone is not the top cause, and is listed last as history', () => {
    const d = caseNamed('a lost phone revoked on purpose')
    expect(d.findings[0]!.code).not.toBe('credential_disabled')
    expect(codes(d)).not.toContain('credential_disabled')
    expect(d.findings.at(-1)).toMatchObject({ code: 'credential_revoked_history', severity: 'info', credential_id: 1003 })
    expect(d.summary).not.toMatch(/revoked/)
  })

  it("the demo: Farhan's lost Pixel 7 does not lead the Server Room diagnosis", () => {
    const d = caseNamed('the demo: Farhan at the Server Room on an iPhone')
    expect(d.findings[0]!.code).not.toBe('credential_disabled')
    expect(d.summary).not.toMatch(/Pixel 7/)
    expect(codes(d)).toContain('credential_revoked_history')
  })

  it('a credential revoked for another reason, with no other phone, stays a cause', () => {
    const d = run(siteWith((s) => { credential(s, 1000).status = 'revoked'; credential(s, 1000).revoked_reason = 'other' }))
    expect(d.findings[0]).toMatchObject({ code: 'credential_disabled', severity: 'error' })
  })

  it('when their only phone was lost, the finding is that they have no phone credential', () => {
    const d = run(siteWith((s) => { credential(s, 1000).status = 'revoked'; credential(s, 1000).revoked_reason = 'stolen' }))
    expect(d.findings[0]!.code).toBe('no_mobile_credential')
    expect(d.findings[0]!.evidence).toMatch(/revoked on purpose/)
  })
})

describe('diagnose ranking: unsynced changes and the 2-minute wait', () => {
  it('a credential DoorFlow does not have yet leads, above every phone-side cause, and the summary says so', () => {
    const d = caseNamed('a credential created here and never synced')
    expect(d.findings[0]).toMatchObject({ code: 'sync_not_confirmed', severity: 'error' })
    expect(codes(d)).not.toContain('credential_recently_issued')
    expect(d.summary).toMatch(/will not open/)
    expect(d.summary).not.toMatch(/phone/)
  })

  it('a pending update ranks above the phone-side causes', () => {
    const d = caseNamed('a pending update')
    expect(codes(d).indexOf('sync_pending')).toBeLessThan(codes(d).indexOf('phone_radio_or_app'))
  })

  it('the 2-minute wait counts from DoorFlow accepting it, not from the issue time', () => {
    const d = run(siteWith((s) => { credential(s, 1000).issued_at = '2026-12-02T09:50:00Z'; credential(s, 1000).accepted_at = '2026-12-02T09:59:30Z' }))
    expect(d.findings[0]).toMatchObject({ code: 'credential_recently_issued', credential_id: 1000 })
    expect(d.findings[0]!.evidence).toMatch(/DoorFlow accepted it 30 s/)
  })
})

describe('diagnose wording: backups and platform rules', () => {
  it('a backup suggestion names only credential types the door accepts (the Lab takes cards, not PINs)', () => {
    const d = caseNamed('an iPhone at the NFC-only Lab')
    expect(d.findings[0]!.code).toBe('reader_incompatible')
    expect(d.findings[0]!.fix).toMatch(/MIFARE DESFire EV3/)
    expect(d.findings[0]!.fix).not.toMatch(/PIN/)
    const noBackup = run(siteWith((s) => (s.credentials = s.credentials.filter((c) => c.id !== 1001))), { door_id: 4, platform: 'ios' })
    for (const f of noBackup.findings) expect(f.fix).not.toMatch(/PIN/)
  })

  it('no Bluetooth advice to an Android user on an Android-NFC site, and no "opens for … but cannot present"', () => {
    const d = caseNamed('an Android phone with PassFlow on an Android-NFC site')
    expect(d.findings[0]).toMatchObject({ code: 'reader_incompatible', severity: 'error' })
    expect(d.summary).toMatch(/^Front Door will not open for Alice Able: An Android phone cannot present PassFlow/)
    expect(allText(d)).not.toMatch(/turn Bluetooth/i)
  })

  it('an Android phone with HID Mobile Access on an Android-NFC site is told to turn NFC on', () => {
    const d = run(siteWith(androidNfcSite), { platform: 'android' })
    expect(d.findings[0]!.code).toBe('phone_radio_or_app')
    expect(d.findings[0]!.fix).toMatch(/turn NFC on/)
    expect(allText(d)).not.toMatch(/Bluetooth/)
  })

  it('names are kept exactly as written ("Server Room", never "server Room")', () => {
    const d = caseNamed('Server Room without a PIN')
    expect(d.summary).toContain('Server Room also asks for a PIN')
    expect(allText(d)).not.toMatch(/server Room/)
  })
})

describe('diagnose: the summary never contradicts the findings', () => {
  it.each(CASES)('%s: the summary leads with the top finding', (_name, site, input) => {
    const d = run(site, input)
    const top = d.findings[0]!
    expect(d.summary).toContain(top.title)
    if (top.severity === 'error') expect(d.summary).toMatch(/will not open for|opens for .* but: /)
    else expect(d.summary).not.toMatch(/will not open/)
    if (/will not open/.test(d.summary)) expect(top.severity).toBe('error')
  })
})

describe('diagnose: resending an invitation', () => {
  it('says when and how to resend an invitation not yet accepted, by email or SMS to an E.164 mobile', () => {
    const d = run(siteWith((s) => { credential(s, 1000).status = 'invited'; credential(s, 1000).issued_at = '2026-11-29T10:00:00Z'; s.people[0]!.mobile = '+447700900123' }))
    expect(d.findings[0]!.code).toBe('credential_not_active')
    const f = d.findings.find((x) => x.code === 'invitation_resend')!
    expect(f.evidence).toMatch(/invited 3 days ago.*email \(alice@example.com\) or SMS \(\+447700900123\)/)
    expect(f.fix).toMatch(/^Now, if they cannot find it: resend the invitation from DoorFlow/)
  })

  it('a mobile number in local format is reported, never offered for SMS', () => {
    const d = run(siteWith((s) => { credential(s, 1000).status = 'invited'; s.people[0]!.mobile = '07700 900123' }))
    const f = d.findings.find((x) => x.code === 'invitation_resend')!
    expect(f.evidence).not.toMatch(/SMS \(/)
    expect(f.evidence).toMatch(/local format/)
  })
})
