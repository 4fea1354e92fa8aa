import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnosis } from '../../../src/shared/diagnose'
import { cli } from '../../helpers/cli'

const FIXTURE = 'test/fixtures/diagnose/site.json'
const AT = '2026-12-02T10:00:00Z'
let home: string

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'lintel-cli-diagnose-'))
  process.env.LINTEL_HOME = home
})
afterAll(() => {
  delete process.env.LINTEL_HOME
  rmSync(home, { recursive: true, force: true })
})

describe('lintel diagnose', () => {
  it('prints { findings: [{ code, severity, evidence, fix }] } ordered by likelihood, exit 0 whatever they say', async () => {
    const run = await cli('diagnose', '--site', FIXTURE, '--person', 'alice@example.com', '--door', '4', '--at', AT, '--platform', 'ios', '--json')
    expect(run.code).toBe(0)
    const d = run.json<Diagnosis>()
    expect(d.findings[0]).toMatchObject({ code: 'reader_incompatible', severity: 'error', evidence: expect.any(String), fix: expect.any(String) })
    const likelihoods = d.findings.map((f) => f.likelihood)
    expect([...likelihoods].sort((a, b) => b - a)).toEqual(likelihoods)
    expect(d.source).toBe('snapshot')
  })

  it('explains in words by default, most likely first', async () => {
    const run = await cli('diagnose', '--site', FIXTURE, '--person', '100', '--door', '5', '--at', AT)
    expect(run.code).toBe(0)
    expect(run.out.split('\n')[0]).toBe('Annex will not open for Alice Able: No group of theirs gives access to Annex.')
    expect(run.out).toMatch(/ 1\. ERROR {3}No group of theirs gives access to Annex \[no_group_grants_door\]/)
    expect(run.out).toMatch(/Fix: Add them to Annex team/)
  })

  it('writes a shareable report', async () => {
    const report = join(home, 'alice.html')
    const run = await cli('diagnose', '--site', FIXTURE, '--person', '100', '--door', '2', '--at', AT, '--report', report, '--json')
    expect(run.code).toBe(0)
    const html = readFileSync(report, 'utf8')
    expect(html).toContain('Diagnosis — Alice Able at Server Room')
    expect(html).not.toContain('583920')
  })

  it('reads the app database by default', async () => {
    const run = await cli('diagnose', '--person', 'ben.whitaker@example.com', '--door', '3', '--at', AT, '--json')
    expect(run.code).toBe(0)
    expect(run.json<Diagnosis>()).toMatchObject({ source: 'database', person: { id: 2 }, findings: expect.arrayContaining([expect.objectContaining({ code: 'no_group_grants_door' })]) })
  })

  it.each([
    [['--person', '999', '--door', '1'], '--person 999: the site has no such person'],
    [['--person', 'nobody@example.com', '--door', '1'], '--person nobody@example.com: the site has no such person'],
    [['--person', '100', '--door', '99'], '--door 99: the site has no such door'],
    [['--person', '100', '--door', '1', '--platform', 'windows'], '--platform windows: expected ios or android'],
    [['--person', '100', '--door', '1', '--at', 'tomorrow'], '--at'],
    [['--door', '1'], '--person is required'],
    [['--person', '100', '--door', '1', '--credential', '5'], '--credential 5: the site has no such credential']
  ])('exits 2 with one line for bad input: %j', async (args, message) => {
    const run = await cli('diagnose', '--site', FIXTURE, ...args)
    expect(run.code).toBe(2)
    expect(run.err).toContain(message)
    expect(run.err.trim().split('\n')).toHaveLength(1)
  })

  it('refuses --site together with --db', async () => {
    const run = await cli('diagnose', '--site', FIXTURE, '--db', join(home, 'x.db'), '--person', '100', '--door', '1')
    expect(run.code).toBe(2)
    expect(run.err).toContain('--site and --db are alternatives')
  })
})

describe('lintel events', () => {
  it('says events are not available yet (exit 1) until the replica holds them, and diagnose --events says so too', async () => {
    const run = await cli('events', '--site', FIXTURE, '--door', 'Front Door', '--since', '2h', '--json')
    expect(run.code).toBe(1)
    expect(run.json<{ ok: boolean; error: { code: string } }>()).toMatchObject({ ok: false, error: { code: 'events_unavailable' } })
    const diagnosis = await cli('diagnose', '--site', FIXTURE, '--person', '100', '--door', '1', '--at', AT, '--events')
    expect(diagnosis.code).toBe(0)
    expect(diagnosis.out).toMatch(/Events: not available yet/)
  })

  it('exits 2 for a --since that is neither an instant with an offset nor a duration', async () => {
    const run = await cli('events', '--site', FIXTURE, '--door', '1', '--since', 'yesterday')
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/--since yesterday/)
  })
})

describe('lintel diagnose --admit', () => {
  it('needs --yes, because it opens the door; with it, says the remote test is not available yet', async () => {
    const unconfirmed = await cli('diagnose', '--site', FIXTURE, '--person', '100', '--door', '1', '--at', AT, '--admit')
    expect(unconfirmed.code).toBe(2)
    expect(unconfirmed.err).toMatch(/--admit opens the door.*--yes/)
    const confirmed = await cli('diagnose', '--site', FIXTURE, '--person', '100', '--door', '1', '--at', AT, '--admit', '--yes', '--json')
    expect(confirmed.code).toBe(0)
    expect(confirmed.json<Diagnosis>().findings.map((f) => f.code)).toContain('remote_unavailable')
  })
})
