import { useMemo, useState, type ChangeEvent } from 'react'
import { checkProject, coverageMap, type ReaderCoverage, type SurveyProject } from '../../../../shared/plan'
import demoSurvey from '../../../../../resources/demo-survey.json'
import { editorState, openProject, readProjectText, type EditorState } from '../../plan/planEditor'
import { PlanCanvas } from './PlanCanvas'
import { PlanEditor, type KnownBleReader, type ScanRows } from './PlanEditor'
import { PlanReportExport } from './PlanReportExport'

/** The demo site's plan (resources/demo-survey.json), shown until the user opens a project. */
function demoProject(): SurveyProject {
  const checked = checkProject(demoSurvey)
  if (!checked.ok) throw new Error(`resources/demo-survey.json: ${checked.path}: ${checked.message}`)
  return checked.project
}

interface Opened {
  name: string
  warnings: string[]
}

/**
 * Floor-plan coverage: per reader, where the door unlocks reliably and where it leaks to the wrong
 * side, drawn from the same `coverageMap` as `lintel survey map`.
 */
/** `exportable`: offer the plan report (needs the app's API; the bare view in tests has none). */
export function PlanView({ initial, bleReaders, exportable = false, scanRows }: { initial?: SurveyProject; bleReaders?: readonly KnownBleReader[]; exportable?: boolean; scanRows?: ScanRows | null }) {
  const [opened, setOpened] = useState<Opened>(() => ({ name: initial ? 'project' : 'demo-survey.json', warnings: [] }))
  const [editor, setEditor] = useState<EditorState>(() => editorState(initial ?? demoProject()))
  const [problem, setProblem] = useState<string | null>(null)
  // Every edit redraws the coverage from the same shared function as `lintel survey map`.
  const project = editor.project
  const map = useMemo(() => {
    try {
      return coverageMap(project)
    } catch {
      return { readers: [] }
    }
  }, [project])
  const [readerId, setReaderId] = useState('')
  const coverage = map.readers.find((r) => r.readerId === readerId) ?? map.readers[0]

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (!file) return
    const result = await readProject(file)
    if (!result.ok) return setProblem(result.problem)
    setProblem(null)
    setReaderId('')
    setOpened({ name: file.name, warnings: result.warnings })
    setEditor((state) => openProject(state, result.project))
  }
  return (
    <div>
      <div className="toolbar">
        <label>
          Reader{' '}
          <select value={coverage?.readerId ?? ''} onChange={(e) => setReaderId(e.target.value)}>
            {map.readers.map((r) => (
              <option key={r.readerId} value={r.readerId}>
                {r.doorName} — {r.bleReaderId}
              </option>
            ))}
          </select>
        </label>
        <label>
          Open a survey project (.json) <input type="file" accept=".json,application/json" onChange={(e) => void open(e)} />
        </label>
        <span className="muted">Showing {opened.name}</span>
        {editor.undo.length ? <span className="muted"> (edited: save to keep the changes)</span> : null}
      </div>
      {problem ? (
        <div className="alert" role="alert">
          <strong>That project cannot be mapped: </strong>
          {problem} The plan shown is unchanged.
        </div>
      ) : null}
      {opened.warnings.length ? (
        <ul aria-label="Warnings about this project">
          {opened.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {coverage ? (
        <>
          <ReaderSummary coverage={coverage} />
          <PlanCanvas project={project} coverage={coverage} />
        </>
      ) : (
        <p className="muted">This project has no readers: place a door and its reader to see its coverage.</p>
      )}
      {exportable ? <PlanReportExport project={project} /> : null}
      <h3 id="plan-editor-title">Edit the plan</h3>
      <PlanEditor state={editor} onChange={setEditor} bleReaders={bleReaders} scanRows={scanRows} />
    </div>
  )
}

/** FileReader rather than `file.text()`: it is in every engine the view runs in, jsdom included. */
function fileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsText(file)
  })
}

async function readProject(file: File): Promise<ReturnType<typeof readProjectText>> {
  try {
    return readProjectText(file.name, await fileText(file))
  } catch {
    return { ok: false, problem: `${file.name} cannot be read.` }
  }
}

const m2 = (v: number): string => `${v.toFixed(1)} m²`

function ReaderSummary({ coverage }: { coverage: ReaderCoverage }) {
  const model = coverage.model
  return (
    <dl className="facts" aria-label={`Coverage of ${coverage.doorName}`}>
      <dt>Model</dt>
      <dd>
        {coverage.modelOnly ? <strong>Model only (no marks) </strong> : `Fitted from ${coverage.marks.length} marks: `}
        {model.rssiAt1m.toFixed(1)} dBm at 1 m, exponent {model.exponent.toFixed(2)}, σ {model.sigma_dB.toFixed(1)} dB
      </dd>
      <dt>Reliable area (p ≥ 95%)</dt>
      <dd>{m2(coverage.reliableArea_m2)}</dd>
      <dt>Leak area (p ≥ 5% on the wrong side)</dt>
      <dd>{coverage.leakArea_m2 > 0 ? `${m2(coverage.leakArea_m2)} in ${coverage.leakPolygons.length} zone(s)` : 'none'}</dd>
      <dt>Overlaps</dt>
      <dd>{coverage.overlaps.length ? coverage.overlaps.map((o) => `${o.readerId} (${m2(o.area_m2)})`).join(', ') : 'none'}</dd>
      {coverage.advice.map((a) => (
        <div key={a.text}>
          <dt>Advice</dt>
          <dd>{a.text}</dd>
        </div>
      ))}
    </dl>
  )
}
