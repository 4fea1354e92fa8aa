import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'

const FIXTURE = 'test/fixtures/diagnose/site.json'
let home: string

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'lintel-cli-onboarding-'))
  process.env.LINTEL_HOME = home
})
afterAll(() => {
  delete process.env.LINTEL_HOME
  rmSync(home, { recursive: true, force: true })
})

describe('lintel onboarding', () => {
  it('prints the steps for a person, and writes the sheet as HTML and as a PDF', async () => {
    const text = await cli('onboarding', '--site', FIXTURE, '--person', 'Alice Able')
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/^Alice Able: HID Mobile Access on Pixel 8/)
    expect(text.out).toMatch(/3\. Wait 2 minutes/)
    expect(text.out).not.toContain('583920')
    const html = join(home, 'alice.html')
    expect((await cli('onboarding', '--site', FIXTURE, '--person', '100', '--out', html)).code).toBe(0)
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/)
    const pdf = join(home, 'alice.pdf')
    const printed = await cli('onboarding', '--site', FIXTURE, '--person', '100', '--out', pdf, '--json')
    expect(printed.code).toBe(0)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  }, 60_000)

  it('exits 2 for an unknown person or an --out it cannot write', async () => {
    expect((await cli('onboarding', '--site', FIXTURE, '--person', 'Nobody Here')).code).toBe(2)
    const bad = await cli('onboarding', '--site', FIXTURE, '--person', '100', '--out', 'sheet.docx')
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/--out sheet.docx/)
  })
})
