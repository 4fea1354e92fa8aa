import { rename, writeFile } from 'node:fs/promises'
import { readJsonFile } from '../../jsonFile'
import { resolve } from 'node:path'
import { LintelError } from '../../../shared/contract/result'
import { checkProject, coverageMap, DEFAULT_CELL_M, ProjectErrorCode, type CoverageMap, type ReaderCoverage, type SurveyProject } from '../../../shared/plan'
import type { CliCommand, OptionValues } from '../command'
import { stringOption } from '../args'
import { UsageError, type CliIo } from '../io'
import { planReportHtml } from '../../survey/report/planPages'

/** A grid larger than this would not fit in memory as JSON: the user is asked for a larger cell. */
const MAX_CELLS = 5_000_000

export const surveyMapCommand: CliCommand = {
  name: 'survey map',
  summary: 'Coverage maps of a survey project: per reader, predicted RSSI and p(unlock) over the plan, reliable and leak areas, advice',
  usage: '<project.json> [--reader <id>] [--cell 0.1] [--report <plan.html>]',
  options: { reader: { type: 'string' }, cell: { type: 'string' }, report: { type: 'string' } },
  positionals: true,
  details: [
    '--reader ID   one reader, by its project id or its BLE reader id (default: every reader)',
    '--cell M      grid cell in metres, 0.02 to 5 (default 0.1)',
    '--report F    also write an HTML report with one plan page per door (print it to PDF from a browser)',
    'The project file is self-contained (docs/survey-plan.md); nothing is read from the store and the file is never written.',
    'Exit 2 with one line for a scale of 0 or less, a mark off the plan, a project from a newer version, or a malformed file.',
    'Warnings (an image over 50 MP, a reader without marks: model only) go to stderr.'
  ],
  async run(values, positionals, io) {
    const path = positionals[0]
    if (!path || positionals.length > 1) throw new UsageError('give exactly one survey project file (.json)')
    const cell = cellOption(values)
    const project = await readProject(path, io)
    const readerId = readerOption(values, project)
    const cells = Math.ceil(project.plan.widthPx * mpp(project) / cell) * Math.ceil(project.plan.heightPx * mpp(project) / cell)
    if (cells > MAX_CELLS) throw new UsageError(`--cell ${cell}: ${cells.toLocaleString('en')} cells per reader is too many; use a larger cell`)
    const report = stringOption(values, 'report')
    if (report !== undefined && resolve(report) === resolve(path)) throw new UsageError(`--report ${report}: that is the project file; name another file`)
    const map = coverageMap(project, { cell, ...(readerId !== undefined ? { readerId } : {}) })
    if (report !== undefined) await writeReport(report, planReportHtml(project, map, new Date().toISOString()), io)
    io.out(io.json ? JSON.stringify(mapJson(map)) : describeMap(map))
  }
}

/** Written beside its target and renamed into place, so a failed write never leaves half a report. */
async function writeReport(target: string, html: string, io: CliIo): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`
  try {
    await writeFile(temporary, html)
    await rename(temporary, target)
  } catch (error) {
    throw new LintelError('report_unwritable', `--report ${target}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  io.err(`wrote the plan report to ${target}`)
}

function cellOption(values: OptionValues): number {
  const raw = stringOption(values, 'cell')
  if (raw === undefined) return DEFAULT_CELL_M
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0.02 || n > 5) throw new UsageError(`--cell ${raw}: expected metres from 0.02 to 5`)
  return n
}

function readerOption(values: OptionValues, project: SurveyProject): string | undefined {
  const wanted = stringOption(values, 'reader')
  if (wanted === undefined) return undefined
  if (project.readers.some((r) => r.id === wanted || r.bleReaderId === wanted)) return wanted
  throw new UsageError(`--reader ${wanted}: no such reader; the project has ${project.readers.map((r) => `${r.id} (${r.bleReaderId})`).join(', ') || 'none'}`)
}

function mpp(project: SurveyProject): number {
  const { from, to, distance_m } = project.plan.scale
  return distance_m / Math.hypot(to.x - from.x, to.y - from.y)
}

/** Reads and checks the file; it is only ever read, so nothing saved can be lost. */
async function readProject(path: string, io: CliIo): Promise<SurveyProject> {
  const raw = readJsonFile(path, ProjectErrorCode)
  const checked = checkProject(raw)
  if (!checked.ok) throw new LintelError(checked.code, `${path}: ${checked.path}: ${checked.message}`)
  for (const warning of checked.warnings) io.err(`warning: ${path}: ${warning}`)
  return checked.project
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits

/** The JSON document: typed arrays become plain arrays, RSSI to 0.1 dB and p(unlock) to 0.001. */
function mapJson(map: CoverageMap): unknown {
  return {
    plan: { width_m: round(map.plan.width_m, 3), height_m: round(map.plan.height_m, 3), metresPerPixel: map.plan.metresPerPixel },
    readers: map.readers.map((r) => ({
      ...r,
      reliableArea_m2: round(r.reliableArea_m2, 2),
      leakArea_m2: round(r.leakArea_m2, 2),
      overlaps: r.overlaps.map((o) => ({ ...o, area_m2: round(o.area_m2, 2) })),
      leakPolygons: r.leakPolygons.map((ring) => ring.map(([x, y]) => [round(x, 3), round(y, 3)])),
      grid: { ...r.grid, rssi: Array.from(r.grid.rssi, (v) => round(v, 1)), pUnlock: Array.from(r.grid.pUnlock, (v) => round(v, 3)) }
    }))
  }
}

function describeMap(map: CoverageMap): string {
  const head = `plan ${round(map.plan.width_m, 1)} × ${round(map.plan.height_m, 1)} m, ${map.readers.length} reader${map.readers.length === 1 ? '' : 's'}`
  return [head, ...map.readers.flatMap(describeReader)].join('\n')
}

function describeReader(r: ReaderCoverage): string[] {
  const m = r.model
  const model = r.modelOnly
    ? `MODEL ONLY (no marks): RSSI(d) = ${round(m.rssiAt1m, 1)} − 10·${m.exponent}·log10(d) − walls, σ ${m.sigma_dB} dB`
    : `${m.source} from ${r.marks.length} marks: RSSI(d) = ${round(m.rssiAt1m, 1)} − 10·${round(m.exponent, 2)}·log10(d) − walls, σ ${round(m.sigma_dB, 1)} dB`
  const leak = r.leakArea_m2 > 0 ? `${round(r.leakArea_m2, 1)} m² on the wrong side in ${r.leakPolygons.length} zone${r.leakPolygons.length === 1 ? '' : 's'}` : 'none'
  const lines = [
    '',
    `${r.doorName} · reader ${r.readerId} (BLE ${r.bleReaderId}) · threshold ${r.threshold_dBm} dBm`,
    `  model: ${model}`,
    `  reliable area (p ≥ 95%): ${round(r.reliableArea_m2, 1)} m² · leak (p ≥ 5% beyond the door): ${leak}`,
    `  grid: ${r.grid.cols} × ${r.grid.rows} cells of ${r.grid.cell_m} m from the plan's origin`
  ]
  if (r.overlaps.length) lines.push(`  OVERLAPS ${r.overlaps.map((o) => `${o.readerId} (${round(o.area_m2, 1)} m²)`).join(', ')}`)
  for (const advice of r.advice) lines.push(`  advice: ${advice.text}`)
  return lines
}
