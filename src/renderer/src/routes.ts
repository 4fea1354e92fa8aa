/** Every page of the app, in navigation order. The slug is the hash route: `#/<slug>`. */
export const PAGES = [
  { slug: 'overview', name: 'Overview' },
  { slug: 'survey', name: 'Survey' },
  { slug: 'verify', name: 'Verify' },
  { slug: 'what-if', name: 'What-if' },
  { slug: 'provision', name: 'Provision' },
  { slug: 'troubleshoot', name: 'Troubleshoot' },
  { slug: 'settings', name: 'Settings' }
] as const

export type PageSlug = (typeof PAGES)[number]['slug']

export const PAGE_SLUGS: readonly PageSlug[] = PAGES.map((page) => page.slug)

export const DEFAULT_PAGE: PageSlug = 'overview'

export function pageName(slug: PageSlug): string {
  return PAGES.find((page) => page.slug === slug)?.name ?? slug
}
