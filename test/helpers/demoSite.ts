import { readFileSync } from 'node:fs'
import { demoSitePath } from '../../src/main/paths'
import { parseSite, type Site } from '../../src/shared/domain/site'

/** A fresh copy of the real demo site, validated by the real schema. */
export function demoSite(): Site {
  const parsed = parseSite(JSON.parse(readFileSync(demoSitePath(), 'utf8')))
  if (!parsed.ok) throw new Error(`demo-site.json is invalid at ${parsed.path}: ${parsed.message}`)
  return parsed.site
}
