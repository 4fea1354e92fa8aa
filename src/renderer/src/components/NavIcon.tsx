import type { PageSlug } from '../routes'

const PATHS: Record<PageSlug, string> = {
  overview: 'M2 3h5v5H2zM9 3h5v5H9zM2 10h5v3H2zM9 10h5v3H9z',
  survey: 'M8 13.5a1 1 0 1 0 0-2 1 1 0 0 0 0 2zM5.2 9.8a4 4 0 0 1 5.6 0M3.1 7.7a7 7 0 0 1 9.8 0M1 5.6a10 10 0 0 1 14 0',
  verify: 'M4 2h8v12H4zM6 4.5h4M6.5 9.5l1.2 1.2 2.3-2.5',
  'what-if': 'M8 14.5A6.5 6.5 0 1 0 8 1.5a6.5 6.5 0 0 0 0 13zM6 6a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.2V10M8 12v.2',
  provision: 'M6 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM1.5 14c.4-2.6 2.2-4 4.5-4s4.1 1.4 4.5 4M12 5v5M9.5 7.5h5',
  troubleshoot: 'M10.5 2.5a3 3 0 0 0-3.7 3.9L2 11.2 4.8 14l4.8-4.8a3 3 0 0 0 3.9-3.7l-1.8 1.8-2-.5-.5-2z',
  settings: 'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4'
}

/** A 16px line icon for a navigation entry; decorative, the link text names the page. */
export function NavIcon({ slug }: { slug: PageSlug }) {
  return (
    <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[slug]} />
    </svg>
  )
}
