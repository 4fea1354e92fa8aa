import { describe, expect, it } from 'vitest'
import { aidList, enrolledIn, enrolValue, identifyTap, tapStatistics, typeForAid, type TapRecord } from '../../../src/shared/nfc'
import { parseSite, type Site } from '../../../src/shared/domain/site'
import demoJson from '../../../resources/demo-site.json'

const parsed = parseSite(demoJson)
const site: Site = parsed.ok ? parsed.site : (undefined as never)
const context = { types: site.credential_types, aids: aidList([{ label: 'PassFlow', aid: 'F0AABBCCDD' }]), enrolled: enrolledIn(site) }
const type = (id: number) => site.credential_types.find((t) => t.id === id)!
const tap = (fields: Partial<TapRecord>): Pick<TapRecord, 'uid' | 'aid' | 'credential' | 'error'> => ({ uid: null, aid: null, credential: null, ...fields })

describe('identifyTap', () => {
  it('gives a card UID the NFC card type that enrolls it, in the stored form', () => {
    expect(identifyTap(tap({ uid: '0405E79F950F21' }), context)).toEqual({
      presented: { credential_type_id: 2, value: '0405E79F950F21', source: 'uid' },
      unmatched: null
    })
  })

  it('gives an HID Mobile Access answer to type 8 and a custom AID to the type its label names', () => {
    expect(identifyTap(tap({ aid: 'A0000004400001010001', credential: 'HID-0001-C28595' }), context).presented).toEqual({
      credential_type_id: 8,
      value: 'HID-0001-C28595',
      source: 'aid'
    })
    expect(identifyTap(tap({ aid: 'F0AABBCCDD', credential: 'pf-18eb-6d86' }), context).presented?.value).toBe('PF-18EB-6D86')
  })

  it('says why an answer that does not fit its type presents nothing', () => {
    const result = identifyTap(tap({ aid: 'A0000004400001010001', credential: 'not a credential id!' }), context)
    expect(result.presented).toBeNull()
    expect(result.unmatched).toMatch(/HID Mobile Access/)
  })

  it('matches nothing for a failed read, or an unknown AID', () => {
    expect(identifyTap(tap({ uid: '04F3C54234927E', error: { code: 'timeout', message: 'x' } }), context)).toEqual({ presented: null, unmatched: null })
    expect(identifyTap(tap({ aid: 'F011223344', credential: 'X' }), context).unmatched).toMatch(/no credential type/)
  })

  it('finds the credential type of a custom AID by label or slug, and of a built-in one by slug', () => {
    expect(typeForAid({ label: 'hid-mobile-access', aid: 'F0', source: 'settings', credentialType: null }, site.credential_types)?.id).toBe(8)
    expect(typeForAid({ label: 'Acme', aid: 'F0', source: 'settings', credentialType: null }, site.credential_types)).toBeUndefined()
  })

  it('lets a custom AID replace a built-in one with the same value', () => {
    const aids = aidList([{ label: 'PassFlow', aid: 'A0000004400001010001' }])
    expect(aids.map((a) => [a.aid, a.label])).toEqual([
      ['F050415353464C4F57', 'PassFlow (placeholder)'],
      ['A0000004400001010001', 'PassFlow']
    ])
  })
})

describe('enrolValue', () => {
  it('gives a tapped card’s UID in the stored form for a card type', () => {
    expect(enrolValue(tap({ uid: '04f3c54234927e' }), type(2))).toEqual({ value: '04F3C54234927E', problem: null })
  })

  it('refuses a UID that is not a card serial number, and types that cannot be tapped', () => {
    expect(enrolValue(tap({ uid: '0102' }), type(2)).problem).toMatch(/4, 7 or 10 bytes/)
    expect(enrolValue(tap({ uid: '04F3C54234927E' }), type(6)).problem).toMatch(/cannot be read by NFC/)
    expect(enrolValue(tap({ uid: '08A1B2C3' }), type(8)).problem).toMatch(/No application answered/)
  })

  it('refuses a random UID (a phone’s, starting 08) for a card type: it changes at every tap', () => {
    expect(enrolValue(tap({ uid: '08A1B2C3', aid: 'A0000004400001010001', credential: 'HID-0005-835C99' }), type(2))).toEqual({
      value: null,
      problem: expect.stringMatching(/random UID/)
    })
    expect(enrolValue(tap({ uid: '04A1B2C3' }), type(2))).toEqual({ value: '04A1B2C3', problem: null })
  })
})

describe('tapStatistics', () => {
  it('counts successes, latency quantiles of the successful reads, and failures by cause', () => {
    const ok = (ms: number) => ({ latency_ms: ms })
    const failed = (code: string) => ({ latency_ms: 1500, error: { code, message: code } })
    const stats = tapStatistics([...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(ok), failed('timeout'), failed('timeout'), failed('card_removed')])
    expect(stats).toEqual({
      taps: 13,
      succeeded: 10,
      successRate: 10 / 13,
      latencyMs: { p50: 5.5, p95: 9.55, max: 10 },
      failuresByCause: { timeout: 2, card_removed: 1 }
    })
  })

  it('has no rate or latency before the first tap', () => {
    expect(tapStatistics([])).toEqual({ taps: 0, succeeded: 0, successRate: null, latencyMs: null, failuresByCause: {} })
  })
})
