import { useEffect } from 'react'
import type { Settings } from '../../../shared/domain/settings'

/**
 * Applies the theme setting to <html data-theme>. 'system' removes the attribute so the
 * stylesheet follows prefers-color-scheme.
 */
export function useTheme(theme: Settings['theme'] | undefined): void {
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme
    else delete root.dataset.theme
  }, [theme])
}
