import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileSite } from '../../../src/shared/decision'
import { diagnose, type Diagnosis, type RemoteAdmit } from '../../../src/shared/diagnose'
import { SiteSchema, type Site } from '../../../src/shared/domain/site'
import { expectSummaryMatchesTop } from './summaryCheck'

const SITE: Site = SiteSchema.parse(JSON.parse(readFileSync(new URL('../../fixtures/diagnose/site.json', import.meta.url), 'utf8')))
function run(remote: RemoteAdmit): Diagnosis {
  const d = diagnose(SITE, compileSite(SITE), { person: 100, door_id: 1, at: '2026-12-02T10:00:00Z', sync: null, remote })
  expectSummaryMatchesTop(d)
  return d
}

describe('the remote test separates a phone fault from a controller fault', () => {
  it('admitted: the door and controller work, so the phone is at fault', () => {
    const d = run({ outcome: 'admitted', message: null, seconds: 3 })
    expect(d.findings[0]).toMatchObject({ code: 'remote_admitted', severity: 'warning' })
    expect(d.findings[0]!.title).toMatch(/fault is on the phone side/)
    expect(d.findings.findIndex((f) => f.code === 'phone_radio_or_app')).toBeGreaterThan(0)
  })

  it('denied or offline: a controller fault, whatever the phone does', () => {
    expect(run({ outcome: 'denied', message: 'not authorised', seconds: 2 }).findings[0]).toMatchObject({ code: 'remote_denied', severity: 'error' })
    const offline = run({ outcome: 'offline', message: null, seconds: 1 })
    expect(offline.findings[0]).toMatchObject({ code: 'remote_offline', severity: 'error' })
    expect(offline.summary).toMatch(/will not open/)
    expect(run({ outcome: 'timeout', message: null, seconds: 30 }).findings[0]!.code).toBe('remote_timeout')
  })

  it('unavailable: says so and changes nothing else', () => {
    const d = run({ outcome: 'unavailable', message: 'This Lintel cannot ask DoorFlow to admit a person yet.', seconds: 0 })
    expect(d.findings[0]!.code).toBe('phone_radio_or_app')
    expect(d.findings.at(-1)!.code).toBe('remote_unavailable')
  })
})
