import { expect } from 'vitest'
import type { Diagnosis } from '../../../src/shared/diagnose'

/** The summary's verdict matches the top finding: it quotes its title, and says "will not open" only for an error. */
export function expectSummaryMatchesTop(d: Diagnosis): void {
  const top = d.findings[0]
  if (!top) return
  expect(d.summary).toContain(top.title)
  if (top.severity === 'error') expect(d.summary).toMatch(/will not open for|opens for .* but: /)
  else expect(d.summary).not.toMatch(/will not open/)
}
