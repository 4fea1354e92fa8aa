import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AdvertSchema } from '../../../src/shared/domain/ble'
import { SurveyAnalysisSchema, scenarioSamples, type SurveyAnalysis } from '../../../src/shared/rf'
import { cli } from '../../helpers/cli'

const HERALD = fileURLToPath(new URL('../../fixtures/herald-rssi', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'lintel-survey-cli-'))
const previousHome = process.env.LINTEL_HOME
// `ble scan` opens the app's services (its database and settings): a throwaway data folder here.
beforeAll(() => {
  process.env.LINTEL_HOME = join(dir, 'home')
})
afterAll(() => {
  if (previousHome === undefined) delete process.env.LINTEL_HOME
  else process.env.LINTEL_HOME = previousHome
  rmSync(dir, { recursive: true, force: true })
})

const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('lintel ble scan', () => {
  it('--simulate --json prints one advert per line, then one summary line', async () => {
    const run = await cli('ble', 'scan', '--seconds', '1', '--simulate', '--json')
    expect(run.code).toBe(0)
    const lines = run.lines<Record<string, unknown>>()
    const summary = lines.pop() as { summary: { adverts: number; advertisers: number; simulated: boolean } }
    expect(summary.summary).toMatchObject({ simulated: true, adverts: lines.length })
    expect(lines.length).toBeGreaterThan(10)
    for (const line of lines) expect(AdvertSchema.strict().parse(line)).toEqual(line)
    expect(lines.some((l) => typeof l.manufacturerData === 'string' && /^[0-9A-F]+$/.test(l.manufacturerData))).toBe(true)
  })

  it('exits 2 naming --seconds when it is not a number', async () => {
    const run = await cli('ble', 'scan', '--seconds', 'soon', '--simulate')
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/--seconds soon/)
  })
})

describe('lintel survey analyze', () => {
  it('analyses a Herald file as it is with --distance-unit cm, in the issue’s shape', async () => {
    const run = await cli('survey', 'analyze', join(HERALD, '20210312-1049-B.csv'), '--distance-unit', 'cm', '--threshold', '-70', '--json')
    expect(run.code).toBe(0)
    const a = SurveyAnalysisSchema.parse(run.json())
    expect(a.samples).toBeGreaterThan(80_000)
    expect(a.marks[0]).toMatchObject({ distance_m: 0, side: 'in' })
    expect(a.model.marksUsed).toBe(a.marks.length - 1)
    expect(a.reliableRange_m).toBeCloseTo(0.97, 1)
    expect(a.leakRange_m).toBeCloseTo(1.5, 1)
    for (const key of ['samples', 'marks', 'model', 'reliableRange_m', 'leakRange_m', 'leaksToWrongSide', 'interference', 'recommendations']) expect(a).toHaveProperty(key)
  })

  it('says in the evidence whether the advertising interval came from the option or was inferred', async () => {
    const samples = scenarioSamples('clear', 11, { dwell_s: 6 })
    const path = file('walk.jsonl', samples.map((s) => JSON.stringify(s)).join('\n'))
    const inferred = (await cli('survey', 'analyze', path, '--json')).json<SurveyAnalysis>()
    expect(inferred.advInterval?.source).toBe('inferred')
    expect(inferred.interference.evidence.join('\n')).toMatch(/inferred from the timestamps/)
    const given = (await cli('survey', 'analyze', path, '--adv-interval-ms', '100', '--json')).json<SurveyAnalysis>()
    expect(given.advInterval).toEqual({ ms: 100, source: 'option' })
    expect(given.interference.evidence.join('\n')).toMatch(/from the option/)
  })

  it('exits 2 naming the file and line of a malformed row', async () => {
    const path = file('bad.csv', 'time,rssi,distance\n1000,-60,1\n1100,loud,1\n')
    const run = await cli('survey', 'analyze', path, '--json')
    expect(run.code).toBe(2)
    expect(run.err).toContain(`${path}:3: rssi 'loud' is not a number`)
    expect(run.json()).toMatchObject({ ok: false, error: { code: 'samples_invalid' } })
  })

  it('exits 2 for a missing file, an empty file and a bad --distance-unit', async () => {
    expect((await cli('survey', 'analyze', join(dir, 'nope.csv'))).code).toBe(2)
    expect((await cli('survey', 'analyze', file('empty.csv', 'time,rssi,distance\n'))).err).toMatch(/empty\.csv:1: no samples/)
    expect((await cli('survey', 'analyze', file('x.csv', 'time,rssi,distance\n1,-60,1\n'), '--distance-unit', 'ft')).code).toBe(2)
  })

  it('prints a readable summary without --json', async () => {
    const run = await cli('survey', 'analyze', join(HERALD, '20210111-1015-A.csv'), '--distance-unit', 'cm')
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/reliable range .* leak range/)
    expect(run.out).toMatch(/interference: clear/)
  })
})
