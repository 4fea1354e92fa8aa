// Writes resources/demo-survey.json: the demo site's plan with marks simulated on the virtual RF site.
// Deterministic (seeded): npx tsx scripts/demo-survey.ts; test/shared/plan/demoSurvey.test.ts checks the committed file.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { demoSurvey } from './demoSurveySite'

const target = fileURLToPath(new URL('../resources/demo-survey.json', import.meta.url))
writeFileSync(target, `${JSON.stringify(demoSurvey())}\n`)
process.stdout.write(`wrote ${target}\n`)
