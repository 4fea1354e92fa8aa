import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { PlanView } from '../../src/renderer/src/components/survey/PlanView'
import { newProject } from '../../src/renderer/src/plan/planEditor'

afterEach(cleanup)

const tool = (name: string) => fireEvent.click(within(screen.getByRole('toolbar', { name: 'Plan tools' })).getByRole('button', { name }))
const typePoint = (x: number, y: number) => {
  fireEvent.change(screen.getByLabelText('x (px)'), { target: { value: String(x) } })
  fireEvent.change(screen.getByLabelText('y (px)'), { target: { value: String(y) } })
  fireEvent.click(screen.getByRole('button', { name: 'Place point' }))
}

describe('the plan editor in the Plan view', () => {
  it('builds a plan from the keyboard: scale, door, reader, wall, mark; the coverage follows each edit', () => {
    render(<PlanView initial={newProject(400, 300)} bleReaders={[{ id: 'sim-2', name: 'Side Door reader' }]} />)
    expect(screen.getByText(/This project has no readers/)).toBeTruthy()
    const tools = within(screen.getByRole('toolbar', { name: 'Plan tools' })).getAllByRole('button')
    expect(tools.map((b) => b.textContent)).toEqual(['Look', 'Scale', 'Door', 'Reader', 'Wall', 'Mark'])
    expect(tools.every((b) => b.tabIndex === 0)).toBe(true)

    tool('Scale')
    fireEvent.change(screen.getByLabelText('Known distance (m)'), { target: { value: '0' } })
    typePoint(0, 0)
    typePoint(100, 0)
    expect(screen.getByRole('alert').textContent).toMatch(/The scale distance must be more than 0 m \(it is 0 m\)/)
    fireEvent.change(screen.getByLabelText('Known distance (m)'), { target: { value: '5' } })
    typePoint(0, 0)
    typePoint(100, 0)
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByTestId('plan-editor-status').textContent).toMatch(/scale 0\.0500 m\/px/)

    tool('Door')
    fireEvent.change(screen.getByLabelText('Door name'), { target: { value: 'Side Door' } })
    typePoint(200, 100)
    expect(screen.getByTestId('plan-editor-status').textContent).toMatch(/First point at \(200, 100\) px/)
    typePoint(200, 200)
    tool('Reader')
    fireEvent.change(screen.getByLabelText('BLE reader'), { target: { value: 'sim-2' } })
    typePoint(180, 150)
    // The coverage appears for the new reader, model only.
    expect(screen.getByLabelText('Coverage of Side Door').textContent).toMatch(/Model only \(no marks\)/)
    expect(within(screen.getByRole('list', { name: 'Doors' })).getByText(/approached from the right/)).toBeTruthy()

    tool('Wall')
    fireEvent.change(screen.getByLabelText('Material'), { target: { value: 'metal' } })
    typePoint(0, 250)
    typePoint(400, 250)
    expect(within(screen.getByRole('list', { name: 'Walls' })).getByText(/metal wall/)).toBeTruthy()

    tool('Mark')
    fireEvent.change(screen.getByLabelText('RSSI samples (dBm)'), { target: { value: '-60, -62, -61' } })
    typePoint(150, 150)
    fireEvent.change(screen.getByLabelText('RSSI samples (dBm)'), { target: { value: '-64 -66' } })
    typePoint(170, 120)
    expect(screen.getByLabelText('Coverage of Side Door').textContent).toMatch(/Fitted from 2 marks/)
    typePoint(500, 10)
    expect(screen.getByRole('alert').textContent).toMatch(/\(500, 10\) px is off the plan/)

    fireEvent.click(screen.getByRole('button', { name: 'Flip side of Side Door' }))
    expect(within(screen.getByRole('list', { name: 'Doors' })).getByText(/approached from the left/)).toBeTruthy()
    fireEvent.keyDown(screen.getByRole('button', { name: 'Undo' }), { key: 'z', ctrlKey: true })
    expect(within(screen.getByRole('list', { name: 'Doors' })).getByText(/approached from the right/)).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Delete reader-1' }))
    expect(screen.getByText(/This project has no readers/)).toBeTruthy()
    expect(within(screen.getByRole('list', { name: 'Marks' })).queryAllByRole('listitem')).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(within(screen.getByRole('list', { name: 'Marks' })).getAllByRole('listitem')).toHaveLength(2)
  })

  it('takes a mark’s samples from the live scan, or says the scan has not heard the reader', () => {
    const rows = [{ address: 'CC:DD', readerId: 'sim-2', history: [-61, -63] }]
    render(<PlanView initial={newProject(400, 300)} scanRows={rows} />)
    tool('Door')
    typePoint(200, 100)
    typePoint(200, 200)
    tool('Reader')
    fireEvent.change(screen.getByLabelText('BLE reader'), { target: { value: 'sim-2' } })
    typePoint(180, 150)
    tool('Mark')
    fireEvent.click(screen.getByRole('button', { name: 'Take samples from the live scan' }))
    expect((screen.getByLabelText('RSSI samples (dBm)') as HTMLInputElement).value).toBe('-61, -63')
    typePoint(150, 150)
    expect(within(screen.getByRole('list', { name: 'Marks' })).getByText(/Mark 1 of reader-1 at \(150, 150\) px: 2 samples/)).toBeTruthy()
    fireEvent.change(screen.getByLabelText('BLE reader of reader-1'), { target: { value: 'sim-7' } })
    fireEvent.blur(screen.getByLabelText('BLE reader of reader-1'))
    fireEvent.click(screen.getByRole('button', { name: 'Take samples from the live scan' }))
    expect(screen.getByRole('alert').textContent).toMatch(/The live scan has not heard sim-7/)
  })

  it('refuses a file that is not a plan image, or a project from a newer version, keeping the plan being edited', async () => {
    render(<PlanView initial={newProject(400, 300)} />)
    tool('Door')
    typePoint(10, 10)
    typePoint(50, 10)
    const image = screen.getByLabelText('Plan image (PNG, JPEG or PDF)')
    fireEvent.change(image, { target: { files: [new File(['GIF89a'], 'floor.gif', { type: 'image/gif' })] } })
    expect((await screen.findByRole('alert')).textContent).toBe('floor.gif is not a PNG, JPEG or PDF file. The plan is unchanged.')
    const open = screen.getByLabelText(/Open a survey project/)
    fireEvent.change(open, { target: { files: [new File([JSON.stringify({ version: 9 })], 'future.json', { type: 'application/json' })] } })
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toMatch(/future\.json: \$\.version: version 9 was written by a newer Lintel/))
    expect(within(screen.getByRole('list', { name: 'Doors' })).getAllByRole('listitem')).toHaveLength(1)
  })
})
