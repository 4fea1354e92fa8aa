import { PAGES, type PageSlug } from '../routes'
import { NavIcon } from './NavIcon'

/** The page list; each link's accessible name is exactly the page name. */
export function SideNav({ current }: { current: PageSlug }) {
  return (
    <nav className="side-nav" aria-label="Pages">
      <ul>
        {PAGES.map((page) => (
          <li key={page.slug}>
            <a href={`#/${page.slug}`} aria-current={page.slug === current ? 'page' : undefined}>
              <NavIcon slug={page.slug} />
              {page.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
