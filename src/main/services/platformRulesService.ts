import { ErrorCode, LintelError } from '../../shared/contract/result'
import { applyPlatformRules, platformRulesOf, PlatformRulesPatchSchema, type PlatformRules } from '../../shared/domain/platformRules'
import { SiteInfoSchema } from '../../shared/domain/site'
import type { Store } from '../store/store'
import type { SiteService } from './siteService'

export const PlatformRulesErrorCode = { noStore: 'no_database' } as const

/**
 * The site's platform rules (which radios iPhones and Android phones use, and how close they must
 * be): stored with the site in the replica's site record, so diagnosis, onboarding and the survey
 * read them from the one site.
 */
export class PlatformRulesService {
  constructor(private readonly deps: { site: SiteService; store: Pick<Store, 'meta' | 'transaction'> | undefined }) {}

  /** The rules of the open site (DoorFlow's default when it sets none). */
  get(): PlatformRules {
    return platformRulesOf(this.deps.site.snapshot().site)
  }

  /**
   * Applies a change to the site record and the open site.
   * @throws LintelError bad_request for an invalid patch; no_database for a snapshot file.
   */
  update(input: unknown): PlatformRules {
    const parsed = PlatformRulesPatchSchema.safeParse(input)
    if (!parsed.success) throw new LintelError(ErrorCode.badRequest, parsed.error.issues.map((i) => `${i.path.join('.') || 'rules'}: ${i.message}`).join('; '))
    const store = this.deps.store
    if (!store) throw new LintelError(PlatformRulesErrorCode.noStore, 'This session opened a snapshot file; platform rules are saved in the app\'s database (or edit site.mobile_platforms in the file).')
    const site = this.deps.site.snapshot()
    const info = SiteInfoSchema.parse(applyPlatformRules(site.site, parsed.data))
    store.transaction(() => {
      const stored = store.meta.get('site')
      const record = stored ? (JSON.parse(stored) as Record<string, unknown>) : { ...site.site }
      store.meta.set('site', JSON.stringify({ ...record, mobile_platforms: info.mobile_platforms, unlock_distance_cm: info.unlock_distance_cm }))
    })
    this.deps.site.replace({ ...site, site: info })
    return this.get()
  }
}
