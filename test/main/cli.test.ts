import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { commandLoaders } from '../../src/main/cli/commands'
import { isPlainRequest } from '../../src/main/cli/commands/decide'
import { DecisionRequestSchema } from '../../src/shared/decision'
import { cli } from '../helpers/cli'

let home: string
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'lintel-cli-'))
  process.env.LINTEL_HOME = home
})
afterAll(() => {
  delete process.env.LINTEL_HOME
  rmSync(home, { recursive: true, force: true })
})

const file = (name: string, text: string): string => {
  const path = join(home, name)
  writeFileSync(path, text)
  return path
}

describe('lintel (CLI conventions)', () => {
  it('prints help and exits 0', async () => {
    const run = await cli('--help')
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/decide/)
  })

  it('finds each command under its own name (commands are loaded on demand, by name)', async () => {
    for (const [name, load] of commandLoaders) expect((await load()).name).toBe(name)
    expect(new Set(commandLoaders.map(([name]) => name)).size).toBe(commandLoaders.length)
  })

  it('exits 2 with one line on an unknown command or option', async () => {
    const unknown = await cli('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.err.trim().split('\n')).toHaveLength(1)
    const badOption = await cli('site', '--colour')
    expect(badOption.code).toBe(2)
    expect(badOption.err).toMatch(/colour/)
  })

  it('prints {ok:false,error} on stdout with --json when it fails', async () => {
    const run = await cli('decide', '--door', '1', '--json')
    expect(run.code).toBe(2)
    expect(run.json()).toEqual({ ok: false, error: { code: 'bad_usage', message: '--credential is required' } })
  })

  it('describes the embedded demo site', async () => {
    const run = await cli('site', '--json')
    expect(run.code).toBe(0)
    expect(run.json()).toMatchObject({ source: 'database', timezone: 'Europe/London', counts: { doors: 6 } })
  })

  it('names the JSON path of a bad site file and exits 2', async () => {
    const bad = file('bad-site.json', JSON.stringify({ site: { timezone: 'Mars/Olympus', holidays: [] } }))
    const run = await cli('site', '--site', bad)
    expect(run.code).toBe(2)
    expect(run.err).toContain('$.site.timezone')
    const notJson = await cli('decide', '--site', file('x.json', '{'), '--door', '1', '--credential', '8:x')
    expect(notJson.code).toBe(2)
    expect(notJson.err).toMatch(/not JSON/)
    expect((await cli('site', '--site', join(home, 'missing.json'))).code).toBe(2)
  })

  it('settings: shows, changes and rejects with exit 2', async () => {
    expect((await cli('settings', 'unlockThresholdDbm=-74', '--json')).json()).toMatchObject({ unlockThresholdDbm: -74 })
    expect((await cli('settings', '--json')).json()).toMatchObject({ unlockThresholdDbm: -74 })
    const bad = await cli('settings', 'unlockThresholdDbm=5')
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('settings.unlockThresholdDbm')
    expect((await cli('settings', 'nonsense')).code).toBe(2)
  })
})

describe('lintel decide', () => {
  const at = '2026-11-24T10:00:00Z' // a Tuesday, 10:00 in London

  it('grants a staff phone at the front entrance in office hours, with every check', async () => {
    const run = await cli('decide', '--door', '1', '--credential', '8:HID-0001-C28595', '--at', at, '--json')
    expect(run.code).toBe(0)
    const decision = run.json<{ granted: boolean; code: string; checks: { passed: boolean }[] }>()
    expect(decision).toMatchObject({ granted: true, code: 'granted' })
    expect(decision.checks.every((c) => c.passed)).toBe(true)
  })

  it('a refusal is an answer: exit 0 and the code', async () => {
    const run = await cli('decide', '--door', '5', '--credential', '8:HID-0001-C28595', '--at', at, '--json')
    expect(run.code).toBe(0)
    expect(run.json()).toMatchObject({ granted: false, code: 'door_lockdown' })
    const human = await cli('decide', '--door', '5', '--credential', '8:HID-0001-C28595', '--at', at)
    expect(human.out).toMatch(/^DENIED \(door_lockdown\)/)
  })

  it('rejects --at without a zone and a malformed --credential (exit 2)', async () => {
    expect((await cli('decide', '--door', '1', '--credential', '8:X', '--at', '2026-11-24T10:00')).code).toBe(2)
    expect((await cli('decide', '--door', '1', '--credential', 'HID-0001', '--at', at)).code).toBe(2)
  })

  it('splits --credential at the first colon', async () => {
    const run = await cli('decide', '--door', '1', '--credential', '8:a:b', '--at', at, '--json')
    expect(run.json()).toMatchObject({ code: 'credential_unknown' })
  })

  it('decides a JSONL batch in order, one decision per line', async () => {
    const requests = [
      { door_id: 1, credential_type_id: 8, value: 'HID-0001-C28595', at },
      { door_id: 99, credential_type_id: 8, value: 'HID-0001-C28595', at },
      { door_id: 6, credential_type_id: 9, value: 'nobody', at }
    ]
    const path = file('requests.jsonl', `${requests.map((r) => JSON.stringify(r)).join('\r\n')}\r\n\r\n`)
    const run = await cli('decide', '--requests', path, '--json')
    expect(run.code).toBe(0)
    expect(run.lines<{ code: string }>().map((d) => d.code)).toEqual(['granted', 'door_unknown', 'door_unlocked'])
  })

  it('writes a --json batch byte for byte as JSON.stringify would, each line as decide writes that request alone', async () => {
    const site = JSON.parse(readFileSync('resources/demo-site.json', 'utf8')) as { doors: { id: number }[]; credentials: { credential_type_id: number; value: string }[] }
    const requests = Array.from({ length: 2000 }, (_, i) => {
      const credential = site.credentials[(i * 7) % site.credentials.length]!
      return { door_id: i % 17 === 0 ? 999 : site.doors[i % site.doors.length]!.id, credential_type_id: credential.credential_type_id, value: i % 13 === 0 ? `${credential.value}"\u00e9` : credential.value, at: new Date(Date.UTC(2026, 10, 1 + (i % 9), i % 24, (i * 11) % 60)).toISOString() }
    })
    const path = file('many.jsonl', requests.map((r) => JSON.stringify(r)).join('\n'))
    const lines = (await cli('decide', '--requests', path, '--json')).out.trimEnd().split('\n')
    expect(lines).toHaveLength(requests.length)
    expect(new Set(lines).size).toBeGreaterThan(50)
    for (const line of lines) expect(JSON.stringify(JSON.parse(line))).toBe(line)
    for (let i = 0; i < requests.length; i += 97) {
      const r = requests[i]!
      const alone = await cli('decide', '--door', String(r.door_id), '--credential', `${r.credential_type_id}:${r.value}`, '--at', r.at, '--json')
      expect(lines[i], JSON.stringify(r)).toBe(alone.out.trimEnd())
    }
  })

  it('takes a batch line without the schema only when the schema would take it unchanged', () => {
    const ok = { door_id: 1, credential_type_id: 8, value: 'HID-0001', at: '2026-11-24T10:00:00Z' }
    const lines = [
      ok, { ...ok, pin: '1234' }, { ...ok, door_id: 'front' }, { ...ok, at: '2026-11-24T10:00:00+01:00' },
      { ...ok, door_id: 1.5 }, { ...ok, door_id: 2 ** 53 }, { ...ok, door_id: '' }, { ...ok, door_id: null }, { ...ok, credential_type_id: true },
      { ...ok, value: '' }, { ...ok, value: 7 }, { ...ok, at: '2026-11-24T10:00:00' }, { ...ok, at: 'tuesday' }, { ...ok, pin: '' }, { ...ok, pin: 1234 },
      { ...ok, extra: 1 }, JSON.parse('{"__proto__":{"x":1},"door_id":1,"credential_type_id":8,"value":"v","at":"2026-11-24T10:00:00Z"}'),
      { door_id: 1, credential_type_id: 8, value: 'v' }, [ok], null, 'text', 5
    ]
    const arbitrary = fc.record(
      { door_id: fc.oneof(fc.integer(), fc.double(), fc.string()), credential_type_id: fc.oneof(fc.nat(), fc.string()), value: fc.oneof(fc.string(), fc.nat()), at: fc.oneof(fc.constant(ok.at), fc.string()), pin: fc.oneof(fc.string(), fc.nat()) },
      { requiredKeys: [] }
    )
    for (const line of [...lines, ...fc.sample(arbitrary, 2000)]) {
      const schema = DecisionRequestSchema.safeParse(line)
      if (isPlainRequest(line)) expect(schema.data, JSON.stringify(line)).toEqual(line)
    }
    expect(lines.filter(isPlainRequest)).toHaveLength(4)
  })

  it('names file:line and the JSON path of a bad request line (exit 2, nothing on stdout)', async () => {
    const path = file('bad.jsonl', `${JSON.stringify({ door_id: 1, credential_type_id: 8, value: 'x', at })}\n{"door_id":1,"credential_type_id":8,"value":"x","at":"tuesday"}\n`)
    const run = await cli('decide', '--requests', path, '--json')
    expect(run.code).toBe(2)
    expect(run.err).toContain(`${path}:2`)
    expect(run.err).toContain('at')
    expect(run.out).not.toContain('granted')
  })
})

describe('the lintel launcher', () => {
  it('runs from bin/lintel.js under plain Node', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/lintel.js', 'site', '--json'], {
      env: { ...process.env, LINTEL_HOME: home }
    })
    expect(JSON.parse(stdout)).toMatchObject({ counts: { people: 40 } })
  })
})
