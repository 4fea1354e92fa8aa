import type { ReactNode } from 'react'

interface PageProps {
  slug: string
  title: string
  lede?: ReactNode
  children: ReactNode
}

/** A page's root: the testable section, its h1 (focused after navigation) and a one-line purpose. */
export function Page({ slug, title, lede, children }: PageProps) {
  const headingId = `page-${slug}-title`
  return (
    <section className="page" data-testid={`page-${slug}`} aria-labelledby={headingId}>
      <div className="page-header">
        <h1 id={headingId} tabIndex={-1}>
          {title}
        </h1>
        {lede ? <p className="lede">{lede}</p> : null}
      </div>
      {children}
    </section>
  )
}
