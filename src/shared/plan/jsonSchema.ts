import { z } from 'zod'
import { SurveyProjectSchema } from './schema'

/** The JSON Schema of a survey-project file, as committed in docs/survey-project.schema.json (written by scripts/plan-schema.ts). */
export function surveyProjectJsonSchema(): string {
  const schema = z.toJSONSchema(SurveyProjectSchema, { io: 'input', target: 'draft-2020-12' })
  const document = {
    $id: 'https://lintel.local/schemas/survey-project.schema.json',
    title: 'Lintel survey project',
    description: 'A floor-plan survey: the plan and its scale, doors, readers, walls and marks with RSSI samples. Positions are pixels on the plan image. See docs/survey-plan.md.',
    ...schema
  }
  return `${JSON.stringify(document, null, 2)}\n`
}
