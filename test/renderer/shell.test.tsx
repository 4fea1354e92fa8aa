import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createConnectionStore } from '../../src/renderer/src/connectionStore'
import { PAGES } from '../../src/renderer/src/routes'
import { renderApp } from './renderApp'

describe('app shell', () => {
  it('lists every page in the navigation by its name', async () => {
    renderApp('overview')
    const nav = screen.getByRole('navigation', { name: 'Pages' })
    const names = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent)
    expect(names).toEqual(['Overview', 'Survey', 'Verify', 'What-if', 'Provision', 'Troubleshoot', 'Settings'])
    expect(within(nav).getByRole('link', { name: 'What-if' }).getAttribute('href')).toBe('#/what-if')
    await screen.findByRole('table', { name: 'Doors' })
  })

  it('shows the site name and time zone and badges both simulated radios', async () => {
    renderApp('overview')
    const header = screen.getByRole('banner')
    expect(await within(header).findByText('BLE SIMULATED')).toBeTruthy()
    expect(within(header).getByText('NFC SIMULATED')).toBeTruthy()
    expect(within(header).getByText('Harbour Street Office (demo)')).toBeTruthy()
    expect(within(header).getByText('Europe/London')).toBeTruthy()
  })

  it('badges no radio when both are real', async () => {
    renderApp('overview', { simulated: { ble: false, nfc: false } })
    await within(screen.getByRole('banner')).findByText('Harbour Street Office (demo)')
    await screen.findByRole('table', { name: 'Doors' })
    expect(screen.queryByText(/SIMULATED/)).toBeNull()
  })

  it.each(PAGES.map((page) => [page.slug, page.name]))('opens %s from its link with an h1 of the page name', async (slug, name) => {
    renderApp(slug === 'overview' ? 'settings' : 'overview')
    await act(async () => screen.getByRole('link', { name }).click())
    const page = await screen.findByTestId(`page-${slug}`)
    const heading = within(page).getByRole('heading', { level: 1 })
    expect(heading.textContent).toBe(name)
    expect(document.activeElement).toBe(heading)
    expect(screen.getByRole('link', { name }).getAttribute('aria-current')).toBe('page')
    expect(document.title).toBe(`${name} · Lintel`)
  })

  it('keeps the page when the hash is not a route, and opens Overview for an unknown one', async () => {
    renderApp('survey')
    await screen.findByTestId('page-survey')
    await act(async () => {
      window.location.hash = '#main-content'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    expect(screen.getByTestId('page-survey')).toBeTruthy()
    await act(async () => {
      window.location.hash = '#/no-such-page'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    expect(await screen.findByTestId('page-overview')).toBeTruthy()
  })

  it('says when the browser host is reconnecting', async () => {
    const connection = createConnectionStore('open')
    renderApp('overview', { session: (api) => ({ api, transport: 'browser-host', connection }) })
    expect(await screen.findByText('Connected')).toBeTruthy()
    act(() => connection.set('reconnecting'))
    expect(screen.getByText('Reconnecting…')).toBeTruthy()
  })

  it('offers a skip link that moves focus to the main content', async () => {
    renderApp('overview')
    const skip = screen.getByRole('link', { name: 'Skip to content' })
    act(() => skip.click())
    expect(document.activeElement).toBe(screen.getByRole('main'))
    expect(window.location.hash).toBe('#/overview')
  })

  it('follows the theme setting when it changes elsewhere', async () => {
    const fake = renderApp('overview')
    await screen.findByRole('table', { name: 'Doors' })
    expect(document.documentElement.dataset.theme).toBeUndefined()
    const settings = (await fake.api.app.getSettings({})) as { ok: true; value: Record<string, unknown> }
    act(() => fake.emit('app.settingsChanged', { ...settings.value, theme: 'dark' }))
    expect(document.documentElement.dataset.theme).toBe('dark')
  })
})
