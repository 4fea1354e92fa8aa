/** The Lintel mark: a door frame under its lintel. Decorative next to the product name. */
export function LintelMark({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false">
      <rect x="2" y="3" width="20" height="4" rx="1" fill="currentColor" />
      <path d="M5 7v14M19 7v14M9 21V10h6v11" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <circle cx="13.2" cy="15.5" r="1" fill="currentColor" />
    </svg>
  )
}
