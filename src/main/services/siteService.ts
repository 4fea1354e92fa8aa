import { readJsonFile } from '../jsonFile'
import { basename } from 'node:path'
import { LintelError, ErrorCode } from '../../shared/contract/result'
import type { SiteSummary } from '../../shared/contract'
import { parseSite, type Site } from '../../shared/domain/site'
import { compileSite, decide, type CompiledSite, type Decision, type DecisionRequest } from '../../shared/decision'

export const SiteErrorCode = { unreadable: 'site_unreadable', invalid: 'site_invalid' } as const

/** Reads and validates a snapshot file; errors name the file and the JSON path. */
export async function loadSiteFile(path: string): Promise<Site> {
  return readSiteFile(path)
}

/** {@link loadSiteFile}, synchronously: for a seed read only when a new database needs it. */
export function readSiteFile(path: string): Site {
  const parsed = parseSite(readJsonFile(path, SiteErrorCode))
  if (!parsed.ok) throw new LintelError(SiteErrorCode.invalid, `${path}: ${parsed.path}: ${parsed.message}`)
  return parsed.site
}

/** The open site, compiled once per revision for the decision engine. */
export class SiteService {
  private compiled: CompiledSite | undefined
  private revision = 1

  private constructor(
    private site: Site,
    private readonly name: string,
    private readonly source: SiteSummary['source']
  ) {}

  static async open(path: string, source: SiteSummary['source']): Promise<SiteService> {
    const site = await loadSiteFile(path)
    const name = siteName(site) ?? basename(path, '.json')
    return new SiteService(site, name, source)
  }

  /** The site read from the app's database (source 'database'). */
  static fromSnapshot(site: Site, source: SiteSummary['source']): SiteService {
    return new SiteService(site, siteName(site) ?? 'Lintel', source)
  }

  snapshot(): Site {
    return this.site
  }

  compiledSite(): CompiledSite {
    this.compiled ??= compileSite(this.site)
    return this.compiled
  }

  /** The decision engine's answer on this site: the What-if page, `lintel decide` and NFC taps ask here. */
  decide(request: DecisionRequest): Decision {
    return decide(this.compiledSite(), request)
  }

  replace(site: Site): SiteSummary {
    this.site = site
    this.compiled = undefined
    this.revision += 1
    return this.summary()
  }

  summary(): SiteSummary {
    const s = this.site
    return {
      name: this.name,
      source: this.source,
      timezone: s.site.timezone,
      revision: this.revision,
      counts: {
        doors: s.doors.length,
        people: s.people.length,
        credentials: s.credentials.length,
        groups: s.groups.length,
        schedules: s.schedules.length
      }
    }
  }

  doorById(id: string | number): Site['doors'][number] {
    const door = this.site.doors.find((d) => d.id === id)
    if (!door) throw new LintelError(ErrorCode.notFound, `There is no door ${JSON.stringify(id)} on this site.`)
    return door
  }
}

function siteName(site: Site): string | undefined {
  const name = (site.site as { name?: unknown }).name
  return typeof name === 'string' && name.trim() ? name : undefined
}
