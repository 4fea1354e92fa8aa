import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkProject, coverageMap } from '../../src/shared/plan'
import { demoSurvey } from '../../scripts/demoSurveySite'

const read = (path: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'))
const committed = read('../../resources/demo-survey.json')

describe('resources/demo-survey.json', () => {
  it('is what scripts/demo-survey.ts generates (run npx tsx scripts/demo-survey.ts after changing the generator)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(demoSurvey())))
  })

  it('draws the demo site’s six doors by their names, with no warnings', () => {
    const site = read('../../resources/demo-site.json') as { doors: { id: number; name: string }[] }
    const result = checkProject(committed)
    expect(result.ok && result.warnings).toEqual([])
    if (!result.ok) return
    expect(result.project.doors.map((d) => [d.siteDoorId, d.name])).toEqual(site.doors.map((d) => [d.id, d.name]))
  })

  it('maps every reader from a fitted model near the virtual site’s own', () => {
    const result = checkProject(committed)
    if (!result.ok) throw new Error(result.message)
    const map = coverageMap(result.project, { cell: 0.2, advice: false })
    expect(map.readers).toHaveLength(5)
    for (const reader of map.readers) {
      expect(reader.model.source).toBe('fitted')
      const tx = result.project.readers.find((r) => r.id === reader.readerId)!.txPower_dBm!
      expect(Math.abs(reader.model.rssiAt1m - (tx - 55))).toBeLessThan(4)
      expect(reader.reliableArea_m2).toBeGreaterThan(0.5)
    }
  })
})
