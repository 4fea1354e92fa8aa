import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LintelApi } from '../../../src/shared/contract'
import demoSurvey from '../../../resources/demo-survey.json'
import { contractClient, openTestServices, valueOf as value, type TestServices } from '../../helpers/services'
import { CHROMIUM_PATH } from '../../helpers/chromium'

let t: TestServices
let api: LintelApi

beforeAll(async () => {
  t = await openTestServices()
  api = contractClient(t)
})
afterAll(() => t.dispose())

const project = () => JSON.parse(JSON.stringify(demoSurvey)) as Parameters<LintelApi['ble']['exportPlanReport']>[0]['project']

describe('the plan report over the contract', () => {
  it('writes one plan page per door as HTML with inline SVG, and as PDF', async () => {
    const html = value(await api.ble.exportPlanReport({ project: project(), format: 'html' }))
    expect(html.path).toMatch(/reports\/plan-[\w.-]+\.html$/)
    const text = readFileSync(html.path, 'utf8')
    expect(text.match(/<section class="plan-page">/g)).toHaveLength(demoSurvey.doors.length)
    expect(text).toContain('<svg')
    expect(text).not.toMatch(/<script|src=|href="http/)
    if (!CHROMIUM_PATH) throw new Error('Chromium is not installed: apt-get install -y chromium')
    const pdf = value(await api.ble.exportPlanReport({ project: project(), format: 'pdf' }))
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses a project the CLI would refuse, with the same code', async () => {
    const bad = project()
    bad.plan.scale.distance_m = 0
    const result = await api.ble.exportPlanReport({ project: bad, format: 'html' })
    expect(result).toMatchObject({ ok: false, error: { code: 'project_scale', message: expect.stringMatching(/^\$\.plan\.scale\.distance_m: the scale distance is 0 m/) } })
  })
})
