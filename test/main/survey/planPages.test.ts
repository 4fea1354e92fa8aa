import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkProject, coverageMap } from '../../../src/shared/plan'
import { planReportHtml } from '../../../src/main/survey/report/planPages'

const demo = (() => {
  const checked = checkProject(JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/demo-survey.json', import.meta.url)), 'utf8')))
  if (!checked.ok) throw new Error(checked.message)
  return checked.project
})()

describe('the plan pages of the survey report', () => {
  const map = coverageMap(demo, { cell: 0.25 })
  const html = planReportHtml(demo, map, '2026-12-02T15:00:00Z')
  const pages = html.split('<section class="plan-page">').slice(1)

  it('has one page per door, in the project’s order, each with its plan', () => {
    expect(pages.map((p) => /<h2>([^<]+)<\/h2>/.exec(p)?.[1])).toEqual(demo.doors.map((d) => d.name))
    for (const page of pages) expect(page).toContain('<svg')
  })

  it('says when a door has no BLE reader, and draws the zones, figures and advice of each reader', () => {
    const store = pages.find((p) => p.includes('<h2>Store Room</h2>'))!
    expect(store).toContain('No BLE reader is placed on this door.')
    const server = pages.find((p) => p.includes('<h2>Server Room</h2>'))!
    const coverage = map.readers.find((r) => r.doorName === 'Server Room')!
    expect(server).toContain(`${coverage.reliableArea_m2.toFixed(1)} m²`)
    expect(server).toContain(coverage.advice[0]!.text)
    expect(server).toMatch(/<path d="M[^"]+" fill="#bf3989"/)
    expect(server).toMatch(/<path d="M[^"]+" fill="#2da44e"/)
  })

  it('is self-contained: no script and no external resource', () => {
    expect(html).not.toMatch(/<script|src="http|href="http/)
  })
})
