import { useEffect, useRef, type ComponentType, type MouseEvent } from 'react'
import { AppHeader } from './components/AppHeader'
import { SideNav } from './components/SideNav'
import { LintelSessionContext, type LintelSession } from './hooks/useApi'
import { AppDataContext, useLoadAppData } from './hooks/useAppData'
import { useHashRoute } from './hooks/useHashRoute'
import { useTheme } from './hooks/useTheme'
import { OverviewPage } from './pages/OverviewPage'
import { ProvisionPage } from './pages/ProvisionPage'
import { SettingsPage } from './pages/SettingsPage'
import { SurveyPage } from './pages/SurveyPage'
import { TroubleshootPage } from './pages/TroubleshootPage'
import { VerifyPage } from './pages/VerifyPage'
import { WhatIfPage } from './pages/WhatIfPage'
import { DEFAULT_PAGE, PAGE_SLUGS, pageName, type PageSlug } from './routes'

const PAGE_COMPONENTS: Record<PageSlug, ComponentType> = {
  overview: OverviewPage,
  survey: SurveyPage,
  verify: VerifyPage,
  'what-if': WhatIfPage,
  provision: ProvisionPage,
  troubleshoot: TroubleshootPage,
  settings: SettingsPage
}

/** The whole app for one session (Electron preload or browser host). */
export function App({ session }: { session: LintelSession }) {
  return (
    <LintelSessionContext value={session}>
      <Shell />
    </LintelSessionContext>
  )
}

function Shell() {
  const data = useLoadAppData()
  useTheme(data.settings.status === 'ok' ? data.settings.value.theme : undefined)
  const slug = useHashRoute(PAGE_SLUGS, DEFAULT_PAGE) as PageSlug
  const mainRef = useRef<HTMLElement>(null)
  useFocusOnNavigation(slug, mainRef)
  const Current = PAGE_COMPONENTS[slug]
  return (
    <AppDataContext value={data}>
      <div className="shell">
        <a className="skip-link" href="#main-content" onClick={(event) => skipTo(event, mainRef.current)}>
          Skip to content
        </a>
        <AppHeader />
        <SideNav current={slug} />
        <main id="main-content" className="app-main" ref={mainRef} tabIndex={-1}>
          <Current key={slug} />
        </main>
      </div>
    </AppDataContext>
  )
}

/** Follows the skip link without writing its target into the hash, which holds the route. */
function skipTo(event: MouseEvent, main: HTMLElement | null): void {
  event.preventDefault()
  main?.focus()
}

/** After the user changes page, the title follows and focus moves to the new page's h1. */
function useFocusOnNavigation(slug: PageSlug, mainRef: { readonly current: HTMLElement | null }): void {
  const first = useRef(true)
  useEffect(() => {
    document.title = `${pageName(slug)} · Lintel`
    if (first.current) {
      first.current = false
      return
    }
    mainRef.current?.scrollTo?.({ top: 0 })
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus()
  }, [slug, mainRef])
}
