import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { surveyProjectJsonSchema } from '../../../src/shared/plan'

const committed = fileURLToPath(new URL('../../../docs/survey-project.schema.json', import.meta.url))

describe('docs/survey-project.schema.json', () => {
  it('is the schema generated from the zod schema (run npx tsx scripts/plan-schema.ts after changing it)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(surveyProjectJsonSchema())
  })

  it('lists the wall materials and requires the version, the plan, doors and readers', () => {
    const schema = JSON.parse(surveyProjectJsonSchema())
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'plan', 'doors', 'readers']))
    expect(schema.properties.walls.items.properties.material.enum).toEqual(['drywall', 'glass', 'brick', 'concrete', 'metal'])
  })
})
