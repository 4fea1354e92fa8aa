import { createContext, useContext } from 'react'
import type { AppInfo, SiteSummary } from '../../../shared/contract'
import type { Settings } from '../../../shared/domain/settings'
import type { Site } from '../../../shared/domain/site'
import { useResult, type LiveLoadable } from './useResult'

/** What every page shares: what is running, the open site, and the settings, all kept live. */
export interface AppData {
  readonly info: LiveLoadable<AppInfo>
  readonly summary: LiveLoadable<SiteSummary>
  readonly site: LiveLoadable<Site>
  readonly settings: LiveLoadable<Settings>
}

export const AppDataContext = createContext<AppData | null>(null)

/** The shared data loaded by {@link useLoadAppData} in App. */
export function useAppData(): AppData {
  const data = useContext(AppDataContext)
  if (!data) throw new Error('useAppData() needs an <AppDataContext> above it')
  return data
}

/**
 * Loads the shared data once for the whole app. The snapshot is fetched again whenever the
 * site's revision changes (site.on.changed), and settings follow app.on.settingsChanged.
 */
export function useLoadAppData(): AppData {
  const info = useResult((api) => api.app.info({}))
  const summary = useResult((api) => api.site.summary({}), { on: (api) => api.site.on.changed })
  const revision = summary.status === 'ok' ? summary.value.revision : null
  const site = useResult((api) => api.site.snapshot({}), { deps: [revision], skip: summary.status === 'loading' })
  const settings = useResult((api) => api.app.getSettings({}), { on: (api) => api.app.on.settingsChanged })
  return { info, summary, site, settings }
}
