// Writes docs/survey-project.schema.json from the zod schema: npx tsx scripts/plan-schema.ts
// test/shared/plan/jsonSchema.test.ts fails when the committed file and the schema drift apart.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { surveyProjectJsonSchema } from '../src/shared/plan'

const target = fileURLToPath(new URL('../docs/survey-project.schema.json', import.meta.url))
writeFileSync(target, surveyProjectJsonSchema())
process.stdout.write(`wrote ${target}\n`)
