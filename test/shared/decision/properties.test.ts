import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileSite, decide, DECISION_CODES, type DecisionRequest } from '../../../src/shared/decision'
import type { Site } from '../../../src/shared/domain/site'
import { randomRequests } from './support/randomRequests'
import { randomSite } from './support/randomSite'

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata']

/** A small random site (messy: string ids, dangling references) and requests for it. */
const scenario = fc
  .record({ seed: fc.integer({ min: 1, max: 2 ** 30 }), zone: fc.constantFrom(...ZONES), pick: fc.nat() })
  .map(({ seed, zone, pick }) => {
    const site = randomSite({ seed, timezone: zone, people: 40, credentialsPerPerson: 3, doors: 12, groups: 8, schedules: 6, holidays: 10, messy: true })
    return { site, requests: randomRequests(site, 60, seed + 1), pick }
  })

const denied = (site: Site, requests: DecisionRequest[]) => {
  const compiled = compileSite(site)
  return requests.map((r) => !decide(compiled, r).granted)
}

/** Every request denied on `before` is still denied on `after`. */
function expectNoNewGrants(before: Site, after: Site, requests: DecisionRequest[]): void {
  const was = denied(before, requests)
  const now = denied(after, requests)
  was.forEach((deniedBefore, i) => {
    if (deniedBefore) expect(now[i], JSON.stringify(requests[i])).toBe(true)
  })
}

describe('decision properties', () => {
  it('denies by default: with no access entries only unlocked doors open', () => {
    fc.assert(
      fc.property(scenario, ({ site, requests }) => {
        const compiled = compileSite({ ...site, groups: site.groups.map((g) => ({ ...g, access: [] })) })
        for (const r of requests) {
          const d = decide(compiled, r)
          if (d.granted) expect(d.code).toBe('door_unlocked')
        }
      }),
      { numRuns: 60 }
    )
  })

  it('denies everything on an empty site', () => {
    const empty = compileSite({ site: { timezone: 'UTC', holidays: [] }, credential_types: [], people: [], credentials: [], groups: [], doors: [], schedules: [] })
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string({ minLength: 1 })), fc.string({ minLength: 1 }), (id, value) => {
        expect(decide(empty, { door_id: id, credential_type_id: id, value, at: '2026-12-21T10:00:00Z' }).code).toBe('door_unknown')
      })
    )
  })

  it('disabling any person never turns a deny into a grant, and denies their credentials at every door that is not unlocked', () => {
    fc.assert(
      fc.property(scenario, ({ site, requests, pick }) => {
        const target = site.people[pick % site.people.length]!
        const after = { ...site, people: site.people.map((p) => (p === target ? { ...p, enabled: false } : p)) }
        expectNoNewGrants(site, after, requests)
        const theirs = new Set(site.credentials.filter((c) => c.person_id === target.id).map((c) => `${JSON.stringify(c.credential_type_id)}|${c.value}`))
        const compiled = compileSite(after)
        for (const r of requests.filter((q) => theirs.has(`${JSON.stringify(q.credential_type_id)}|${q.value}`))) {
          const d = decide(compiled, r)
          if (d.granted) expect(d.code).toBe('door_unlocked')
        }
      }),
      { numRuns: 60 }
    )
  })

  it('disabling, revoking or un-accepting any credential never turns a deny into a grant', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom('off', 'disabled', 'revoked', 'invited'), ({ site, requests, pick }, how) => {
        const target = site.credentials[pick % site.credentials.length]!
        const change = how === 'off' ? { enabled: false } : { status: how }
        const after = { ...site, credentials: site.credentials.map((c) => (c === target ? { ...c, ...change } : c)) }
        expectNoNewGrants(site, after, requests)
      }),
      { numRuns: 60 }
    )
  })

  it('putting any door in lockdown never turns a deny into a grant, and denies everything there', () => {
    fc.assert(
      fc.property(scenario, ({ site, requests, pick }) => {
        const target = site.doors[pick % site.doors.length]!
        const after = { ...site, doors: site.doors.map((d) => (d === target ? { ...d, mode: 'lockdown' as const } : d)) }
        expectNoNewGrants(site, after, requests)
        const compiled = compileSite(after)
        for (const r of requests) if (r.door_id === target.id) expect(decide(compiled, r).granted).toBe(false)
      }),
      { numRuns: 60 }
    )
  })

  it('removing a group grant (an access entry or a door from one) never turns a deny into a grant', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ({ site, requests, pick }, wholeEntry) => {
        const group = site.groups[pick % site.groups.length]!
        const access = wholeEntry ? group.access.slice(1) : group.access.map((a, i) => (i === 0 ? { ...a, door_ids: a.door_ids.slice(1) } : a))
        const after = { ...site, groups: site.groups.map((g) => (g === group ? { ...g, access } : g)) }
        expectNoNewGrants(site, after, requests)
      }),
      { numRuns: 60 }
    )
  })

  it('grants iff every listed check passed, with code the first failing check and checks in issue order', () => {
    fc.assert(
      fc.property(scenario, ({ site, requests }) => {
        const compiled = compileSite(site)
        for (const r of requests) {
          const d = decide(compiled, r)
          const firstFailing = d.checks.find((c) => !c.passed)
          expect(d.granted).toBe(firstFailing === undefined)
          expect(d.code).toBe(firstFailing?.check ?? (d.checks.length === 3 ? 'door_unlocked' : 'granted'))
          const order = d.checks.map((c) => DECISION_CODES.indexOf(c.check))
          expect(order).toEqual([...order].sort((a, b) => a - b))
          expect(new Set(order).size).toBe(order.length)
        }
      }),
      { numRuns: 60 }
    )
  })
})
