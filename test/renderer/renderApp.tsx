import { StrictMode } from 'react'
import { cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { openSession, type LintelSession } from '../../src/renderer/src/hooks/useApi'
import { createFakeApi, type FakeApi, type FakeOptions } from './fakeApi'

let consoleProblems: string[] = []

beforeEach(() => {
  consoleProblems = []
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleProblems.push(`console.${level}: ${args.map(String).join(' ')}`)
    })
  }
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  window.location.hash = ''
  delete document.documentElement.dataset.theme
  expect(consoleProblems, 'the app wrote errors or warnings to the console').toEqual([])
})

/** Renders the whole app on a page (`#/<slug>`) over a fake API built from the demo site. */
export function renderApp(slug: string, options: FakeOptions & { session?: (api: FakeApi['api']) => LintelSession } = {}) {
  window.location.hash = `#/${slug}`
  const fake = createFakeApi(options)
  const session = options.session ? options.session(fake.api) : openSession(fake.api)
  const view = render(
    <StrictMode>
      <App session={session} />
    </StrictMode>
  )
  return { ...fake, ...view, session }
}
