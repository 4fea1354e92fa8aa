import { useEffect, useState } from 'react'

/** The page slug in `#/<slug>`; other hashes (such as the skip link's) leave the page as it is. */
export function slugFromHash(hash: string): string | null {
  if (!hash.startsWith('#/')) return null
  return hash.slice(2).split(/[/?]/)[0] ?? ''
}

function routeFor(hash: string, previous: string, known: readonly string[], fallback: string): string {
  const slug = slugFromHash(hash)
  if (slug === null) return previous
  return known.includes(slug) ? slug : fallback
}

/**
 * The current page slug from the location hash, following `hashchange`. The path and the
 * query string (the browser host's `?token=`) are never touched.
 */
export function useHashRoute(known: readonly string[], fallback: string): string {
  const [slug, setSlug] = useState(() => routeFor(window.location.hash, fallback, known, fallback))
  useEffect(() => {
    const onChange = (): void => setSlug((previous) => routeFor(window.location.hash, previous, known, fallback))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [known, fallback])
  return slug
}
