import { metresPerPixel } from './geometry'
import { SURVEY_PROJECT_VERSION, SurveyProjectSchema, type SurveyProject } from './schema'

/** Why a project file cannot be mapped. Each is bad input: the CLI exits 2 and the file is left untouched. */
export const ProjectErrorCode = {
  invalid: 'project_invalid',
  newer: 'project_newer',
  scale: 'project_scale',
  markOffPlan: 'project_mark_off_plan',
  unreadable: 'project_unreadable'
} as const
export type ProjectErrorCode = (typeof ProjectErrorCode)[keyof typeof ProjectErrorCode]

/** Images larger than this are slow to draw and to embed: the user is told to scale them down. */
export const MAX_IMAGE_PIXELS = 50_000_000

export type ProjectCheck =
  | { ok: true; project: SurveyProject; warnings: string[] }
  | { ok: false; code: ProjectErrorCode; path: string; message: string }

/** Validates a parsed project file: its version, its shape, its scale, its marks and its references; warns of what it can map anyway. */
export function checkProject(raw: unknown): ProjectCheck {
  const version = (raw as { version?: unknown } | null)?.version
  if (typeof version === 'number' && version > SURVEY_PROJECT_VERSION) {
    return fail(ProjectErrorCode.newer, '$.version', `version ${version} was written by a newer Lintel; this one reads up to version ${SURVEY_PROJECT_VERSION}`)
  }
  const parsed = SurveyProjectSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return fail(ProjectErrorCode.invalid, jsonPath(issue.path), issue.message)
  }
  const project = parsed.data
  return checkScale(project) ?? checkMarks(project) ?? checkReferences(project) ?? { ok: true, project, warnings: warnings(project) }
}

function fail(code: ProjectErrorCode, path: string, message: string): ProjectCheck {
  return { ok: false, code, path, message }
}

/** `$.marks[3].position` from zod's path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`), '$')
}

function checkScale(project: SurveyProject): ProjectCheck | null {
  const { scale } = project.plan
  if (!(scale.distance_m > 0)) return fail(ProjectErrorCode.scale, '$.plan.scale.distance_m', `the scale distance is ${scale.distance_m} m: it must be more than 0`)
  if (!(metresPerPixel(scale) > 0)) return fail(ProjectErrorCode.scale, '$.plan.scale', 'the two scale points are the same point: pick two points apart')
  return null
}

function checkMarks(project: SurveyProject): ProjectCheck | null {
  const { widthPx, heightPx } = project.plan
  const index = project.marks.findIndex((m) => !(m.position.x >= 0 && m.position.x <= widthPx && m.position.y >= 0 && m.position.y <= heightPx))
  if (index < 0) return null
  const { x, y } = project.marks[index]!.position
  return fail(ProjectErrorCode.markOffPlan, `$.marks[${index}].position`, `(${x}, ${y}) px is off the plan (${widthPx} × ${heightPx} px)`)
}

function checkReferences(project: SurveyProject): ProjectCheck | null {
  const doors = new Set(project.doors.map((d) => d.id))
  const readers = new Set(project.readers.map((r) => r.id))
  if (doors.size < project.doors.length) return fail(ProjectErrorCode.invalid, '$.doors', 'two doors share an id')
  if (readers.size < project.readers.length) return fail(ProjectErrorCode.invalid, '$.readers', 'two readers share an id')
  const point = project.doors.findIndex((d) => d.from.x === d.to.x && d.from.y === d.to.y)
  if (point >= 0) return fail(ProjectErrorCode.invalid, `$.doors[${point}]`, "the door's two ends are the same point: a door is a line with a side to approach from")
  const reader = project.readers.findIndex((r) => !doors.has(r.doorId))
  if (reader >= 0) return fail(ProjectErrorCode.invalid, `$.readers[${reader}].doorId`, `no door has the id "${project.readers[reader]!.doorId}"`)
  const mark = project.marks.findIndex((m) => !readers.has(m.readerId))
  if (mark >= 0) return fail(ProjectErrorCode.invalid, `$.marks[${mark}].readerId`, `no reader has the id "${project.marks[mark]!.readerId}"`)
  return null
}

function warnings(project: SurveyProject): string[] {
  const out: string[] = []
  const image = project.plan.image
  const width = image?.widthPx ?? project.plan.widthPx
  const height = image?.heightPx ?? project.plan.heightPx
  if (width * height > MAX_IMAGE_PIXELS) {
    out.push(`the plan image is ${width} × ${height} px (${Math.round((width * height) / 1e6)} MP), over ${MAX_IMAGE_PIXELS / 1e6} MP: scale it down (the map is unchanged; drawing and saving are slow)`)
  }
  const marked = new Set(project.marks.map((m) => m.readerId))
  for (const r of project.readers) if (!marked.has(r.id)) out.push(`reader ${r.id} (door ${r.doorId}) has no marks: its map is model only`)
  return out
}
