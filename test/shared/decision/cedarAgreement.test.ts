import { describe, expect, it } from 'vitest'
import { compileSite, decide, decisionValueOf, type DecisionRequest } from '../../../src/shared/decision'
import type { Site } from '../../../src/shared/domain/site'
import { zoneChanges, zoneTable } from '../../../src/shared/time'
import { cedarCall, cedarGranted, encodeSiteForCedar, localContext } from './support/cedar'
import { Prng } from './support/prng'
import { formatAt, randomRequests } from './support/randomRequests'
import { randomSite } from './support/randomSite'

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney']

/** Requests at 15-minute steps around every DST change of 2026, in the site's zone. */
function aroundDstChanges(site: Site, base: DecisionRequest[], seed: number): DecisionRequest[] {
  const rng = new Prng(seed)
  const changes = zoneChanges(zoneTable(site.site.timezone), Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))
  return changes.flatMap((change) =>
    Array.from({ length: 24 }, (_, i) => ({ ...rng.pick(base), at: formatAt(rng, change + (i - 12) * 15 * 60_000) }))
  )
}

function disagreements(site: Site, requests: DecisionRequest[]): string[] {
  const compiled = compileSite(site)
  const cedar = encodeSiteForCedar(site)
  const found: string[] = []
  for (const r of requests) {
    const engine = decide(compiled, r)
    const allowed = cedarGranted(cedarCall(cedar, r, localContext(cedar, r.at)))
    if (allowed !== engine.granted) found.push(`${JSON.stringify(r)}: engine ${engine.code}, Cedar ${allowed ? 'allow' : 'deny'}`)
  }
  return found
}

describe('the engine agrees with Cedar', () => {
  it.each(ZONES)('on every random request to a generated site in %s, DST changes included', (zone) => {
    const site = randomSite({ seed: zone.length * 7919, timezone: zone, people: 120, credentialsPerPerson: 3, doors: 25, groups: 15, schedules: 12, holidays: 12, messy: true })
    const requests = randomRequests(site, 1200, zone.length)
    const all = [...requests, ...aroundDstChanges(site, requests, zone.length)]
    const compiled = compileSite(site)
    const granted = all.filter((r) => decide(compiled, r).granted).length
    expect(granted).toBeGreaterThan(all.length * 0.1)
    expect(granted).toBeLessThan(all.length * 0.9)
    expect(disagreements(site, all)).toEqual([])
  })

  it('on the hand-written edge cases of the table tests', async () => {
    const { fixtureSite } = await import('./support/fixtureSite')
    const site = fixtureSite()
    const values = site.credentials.map((c) => [c.credential_type_id, decisionValueOf(c)] as const)
    const requests: DecisionRequest[] = []
    for (const door of [...site.doors.map((d) => d.id), 99]) {
      for (const [type, value] of values) {
        for (const at of ['2026-12-21T10:00:00Z', '2026-12-25T01:00:00Z', '2026-12-26T01:00:00Z', '2026-12-21T00:30:00Z', '2026-12-31T18:00:00Z']) {
          requests.push({ door_id: door, credential_type_id: type, value, at }, { door_id: door, credential_type_id: type, value, at, pin: '775533' })
        }
      }
    }
    expect(disagreements(site, requests)).toEqual([])
  })
})
