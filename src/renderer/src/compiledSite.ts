import { compileSite, type CompiledSite } from '../../shared/decision'
import type { Site } from '../../shared/domain/site'

const compiled = new WeakMap<Site, CompiledSite>()

/** The decision engine's compiled form of a snapshot, built once per snapshot object. */
export function compiledFor(site: Site): CompiledSite {
  let result = compiled.get(site)
  if (!result) {
    result = compileSite(site)
    compiled.set(site, result)
  }
  return result
}
