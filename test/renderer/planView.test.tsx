import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { coverageMap, CellZone, cellZones, checkProject, type SurveyProject } from '../../src/shared/plan'
import { PlanView } from '../../src/renderer/src/components/survey/PlanView'
import { coverageImage, labelsThatFit } from '../../src/renderer/src/components/survey/planImage'
import demoSurvey from '../../resources/demo-survey.json'

const demo = (): SurveyProject => {
  const checked = checkProject(demoSurvey)
  if (!checked.ok) throw new Error(checked.message)
  return checked.project
}

const upload = (name: string, text: string) => {
  const input = screen.getByLabelText(/Open a survey project/) as HTMLInputElement
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } })
}

afterEach(cleanup)

describe('the Plan view', () => {
  it('shows the demo plan’s readers by door and the chosen reader’s areas and advice', () => {
    render(<PlanView />)
    const select = screen.getByRole('combobox', { name: 'Reader' })
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Front Entrance — sim-1', 'Side Door — sim-2', 'Server Room — sim-3', 'Roof Access — sim-5', 'Lobby — sim-6'])
    fireEvent.change(select, { target: { value: 'reader-3' } })
    const facts = screen.getByLabelText('Coverage of Server Room')
    const expected = coverageMap(demo()).readers.find((r) => r.readerId === 'reader-3')!
    expect(facts.textContent).toContain(`${expected.reliableArea_m2.toFixed(1)} m²`)
    expect(facts.textContent).toContain(expected.advice[0]!.text)
  })

  it('pans from the keyboard on the labelled, focusable map', () => {
    render(<PlanView />)
    const map = screen.getByRole('img', { name: /Coverage map of Front Entrance/ })
    expect(map.tabIndex).toBe(0)
    fireEvent.keyDown(map, { key: 'ArrowRight' })
    fireEvent.keyDown(map, { key: 'ArrowDown', shiftKey: true })
    expect(screen.getByTestId('plan-view-position').textContent).toMatch(/^View from \(1\.0, 5\.0\) m/)
    fireEvent.click(screen.getByRole('button', { name: 'Fit the plan' }))
    expect(screen.getByTestId('plan-view-position').textContent).toMatch(/^View from \(0\.0, 0\.0\) m/)
  })

  it('labels a reader without marks model only after opening such a project', async () => {
    render(<PlanView />)
    upload('unmarked.json', JSON.stringify({ ...demoSurvey, marks: [] }))
    await waitFor(() => expect(screen.getByText('Showing unmarked.json')).toBeTruthy())
    expect(screen.getByLabelText('Coverage of Front Entrance').textContent).toMatch(/Model only \(no marks\)/)
    expect(within(screen.getByRole('list', { name: 'Warnings about this project' })).getAllByRole('listitem')).toHaveLength(5)
  })

  it('refuses a project with a zero scale in one line and keeps the plan it was showing', async () => {
    render(<PlanView />)
    upload('broken.json', JSON.stringify({ ...demoSurvey, plan: { ...demoSurvey.plan, scale: { ...demoSurvey.plan.scale, distance_m: 0 } } }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/broken\.json: \$\.plan\.scale\.distance_m: the scale distance is 0 m/)
    expect(screen.getByText('Showing demo-survey.json')).toBeTruthy()
  })
})

describe('coverageImage', () => {
  it('shades leak and reliable cells differently and draws the threshold contour in black', () => {
    const coverage = coverageMap(demo(), { cell: 0.2, advice: false }).readers[1]!
    const pixels = coverageImage(coverage)
    const zones = cellZones(coverage)
    const colourOf = (zone: number) => {
      const i = zones.findIndex((z, k) => z === zone && pixels[k * 4]! + pixels[k * 4 + 1]! + pixels[k * 4 + 2]! > 0)
      return Array.from(pixels.slice(i * 4, i * 4 + 3))
    }
    expect(colourOf(CellZone.leak)).not.toEqual(colourOf(CellZone.reliable))
    const black = pixels.reduce((n, v, k) => n + (k % 4 === 3 && v === 255 && pixels[k - 1] === 0 && pixels[k - 2] === 0 && pixels[k - 3] === 0 ? 1 : 0), 0)
    expect(black).toBeGreaterThan(20)
  })
})

describe('labelsThatFit', () => {
  const box = (x: number, y: number) => ({ x, y, width: 10, height: 5 })

  it('draws each label that overlaps none drawn before it, in order', () => {
    expect(labelsThatFit([box(0, 0), box(5, 2), box(10, 0), box(20, 20), box(29, 24), box(30, 24)])).toEqual([true, false, true, true, false, true])
    // A skipped label does not block the ones after it.
    expect(labelsThatFit([box(0, 0), box(8, 0), box(16, 0)])).toEqual([true, false, true])
    expect(labelsThatFit([])).toEqual([])
  })

  it('on the demo plan, no two drawn values overlap, and zooming in draws more of them', () => {
    const project = demoSurvey as unknown as SurveyProject
    const map = coverageMap(project, { cell: 0.1, advice: false })
    const marks = map.readers[0]!.marks
    const drawn = (zoom: number) => {
      const size = 11 / zoom
      const boxes = marks.map((m) => ({ x: m.position_m.x + 5 / zoom, y: m.position_m.y - 5 / zoom - size, width: (3 * size * 0.6), height: size }))
      const fits = labelsThatFit(boxes)
      const kept = boxes.filter((_, i) => fits[i])
      for (const [i, a] of kept.entries()) for (const b of kept.slice(i + 1)) expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false)
      return kept.length
    }
    expect(drawn(200)).toBe(marks.length)
    expect(drawn(5)).toBeLessThan(marks.length)
    expect(drawn(5)).toBeGreaterThan(0)
  })
})
