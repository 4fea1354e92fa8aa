/**
 * The events port as the diagnose service uses it: a source given at wiring time (the replica
 * later; here the fixture's events in memory), and none by default.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../../src/main/services'
import { nodeSettingsStore } from '../../../src/main/settings/settingsStore'
import { silentLogger } from '../../../src/main/logger'
import { describeDiagnosis } from '../../../src/main/cli/commands/diagnose'
import type { DoorEvent, DoorEventSource, EventQuery } from '../../../src/shared/events/model'
import { parseSince } from '../../../src/shared/events/since'

const FIXTURE = 'test/fixtures/diagnose/site.json'
const EVENTS = (JSON.parse(readFileSync('test/fixtures/diagnose/events.json', 'utf8')) as { events: DoorEvent[] }).events
const AT = '2026-12-02T10:00:00Z'
const queries: EventQuery[] = []
const source: DoorEventSource = {
  events(query) {
    queries.push(query)
    return EVENTS
  },
  status: (doorId) => (doorId === 5 ? { door_id: 5, online: false, lockdown: false, last_sync_completed_at: null } : null)
}
let dir: string
let withEvents: Services
let without: Services

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintel-events-port-'))
  const base = { runtime: 'test' as const, userDataDir: dir, settings: await nodeSettingsStore(dir, silentLogger), log: silentLogger, probe: { bleAdapter: () => false, pcscd: () => false }, sitePath: FIXTURE }
  withEvents = await createServices({ ...base, events: source, remoteAdmit: { admit: async () => ({ outcome: 'admitted', message: null, seconds: 2 }) } })
  without = await createServices(base)
})
afterAll(async () => {
  await withEvents.close()
  await without.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the events port', () => {
  it("asks for the door's events in the window before the diagnosis time, and leads with the door's verdict", async () => {
    const d = await withEvents.diagnose.run({ person: 100, door_id: 1, at: AT })
    expect(queries.at(-1)).toMatchObject({ door_id: 1, since: '2026-12-02T09:45:00.000Z' })
    expect(d.findings[0]!.title).toBe('Front Door saw this phone at 09:58 and rejected it: invalid credential type')
    const text = describeDiagnosis(d, { events: true })
    expect(text).toMatch(/Events at Front Door, last 15 minutes/)
    expect(text).toMatch(/\* 2026-12-02 09:58 site time {2}REJECT {2}26 {2}Alice Able rejected: invalid credential type/)
  })

  it('reports door status from the port: an offline controller', async () => {
    const d = await withEvents.diagnose.run({ person: 100, door_id: 5, at: AT })
    expect(d.findings[0]!.code).toBe('door_offline')
  })

  it("lists a door's events for lintel events: one person, newest first, PINs masked", () => {
    const all = withEvents.diagnose.recentEvents({ door_id: 2, since: '2026-12-02T00:00:00Z' })!
    expect(all.map((e) => e.code)).toEqual([24])
    expect(all[0]!.credential_number).toBe('••••••')
    expect(JSON.stringify(all)).not.toContain('583920')
    const bob = withEvents.diagnose.recentEvents({ door_id: 1, person_id: 101, since: parseSince('14d', Date.parse(AT))! })!
    expect(bob.map((e) => e.at)).toEqual(['2026-12-02T11:30:00Z', '2026-12-02T09:50:00Z'])
  })

  it('without a source, events are not available yet, and the diagnosis says so', async () => {
    expect(without.diagnose.recentEvents({ door_id: 1, since: AT })).toBeNull()
    const d = await without.diagnose.run({ person: 100, door_id: 1, at: AT })
    expect(d.findings.map((f) => f.code)).toContain('events_unavailable')
    expect(describeDiagnosis(d, { events: true })).toMatch(/Events: not available yet/)
  })
})

describe('--since', () => {
  it('takes an ISO instant with an offset or a duration 30m, 2h, 14d; nothing else', () => {
    const now = Date.parse(AT)
    expect(parseSince('30m', now)).toBe('2026-12-02T09:30:00.000Z')
    expect(parseSince('2h', now)).toBe('2026-12-02T08:00:00.000Z')
    expect(parseSince('14d', now)).toBe('2026-11-18T10:00:00.000Z')
    expect(parseSince('2026-12-01T08:00:00+01:00', now)).toBe('2026-12-01T08:00:00+01:00')
    expect(parseSince('2026-12-01T08:00:00', now)).toBeUndefined()
    expect(parseSince('yesterday', now)).toBeUndefined()
  })
})

describe('the remote test port', () => {
  it('runs only when asked and confirmed; without a DoorFlow client it is not available yet', async () => {
    const asked = await withEvents.diagnose.run({ person: 100, door_id: 6, at: AT, admit: { confirmed: true } })
    expect(asked.findings.map((f) => f.code)).toContain('remote_admitted')
    const notAsked = await withEvents.diagnose.run({ person: 100, door_id: 6, at: AT })
    expect(notAsked.findings.map((f) => f.code)).not.toContain('remote_admitted')
    const none = await without.diagnose.run({ person: 100, door_id: 1, at: AT, admit: { confirmed: true } })
    expect(none.findings.map((f) => f.code)).toContain('remote_unavailable')
  })
})
