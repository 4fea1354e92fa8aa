import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'
import { pdfPageTexts } from '../../helpers/pdfText'

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

describe('lintel onboarding: a batch after an import', () => {
  it('writes one sheet per person whose phone credential was issued since the given time', async () => {
    const dir = join(home, 'batch')
    const run = await cli('onboarding', '--site', FIXTURE, '--issued-since', '2026-10-01T00:00:00Z', '--out-dir', dir, '--format', 'html', '--json')
    expect(run.code).toBe(0)
    const files = run.json<{ files: { person: string; path: string }[] }>().files
    expect(files.map((f) => f.person)).toEqual(['Alice Able', 'Bob Baker'])
    expect(readFileSync(files[1]!.path, 'utf8')).toContain('Bob Baker')
    const none = await cli('onboarding', '--site', FIXTURE, '--issued-since', '2026-11-02T00:00:00Z', '--out-dir', dir, '--format', 'html')
    expect(none.out.trim()).toBe('No phone credentials were issued in that window.')
    expect((await cli('onboarding', '--site', FIXTURE, '--issued-since', 'last week', '--out-dir', dir)).code).toBe(2)
  })

  it("--format pdf: one PDF per person, each one page with that person's sheet", async () => {
    const dir = join(home, 'pdfs')
    const run = await cli('onboarding', '--site', FIXTURE, '--issued-since', '2026-10-01T00:00:00Z', '--out-dir', dir, '--format', 'pdf', '--json')
    expect(run.code).toBe(0)
    const files = run.json<{ files: { person: string; path: string }[] }>().files
    expect(files.map((f) => [f.person, basename(f.path)])).toEqual([['Alice Able', 'onboarding-alice-able.pdf'], ['Bob Baker', 'onboarding-bob-baker.pdf']])
    for (const file of files) {
      const pages = await pdfPageTexts(readFileSync(file.path))
      expect(pages).toHaveLength(1)
      expect(pages[0]!.replace(/\s+/g, '')).toContain(file.person.replace(/\s+/g, ''))
    }
  }, 60_000)

  it('--one-file puts the whole batch in one document, one sheet per page', async () => {
    const dir = join(home, 'one')
    const run = await cli('onboarding', '--site', FIXTURE, '--issued-since', '2026-10-01T00:00:00Z', '--out-dir', dir, '--format', 'html', '--one-file')
    expect(run.code).toBe(0)
    const html = readFileSync(join(dir, 'onboarding-batch.html'), 'utf8')
    expect(html.match(/<section class="sheet">/g)).toHaveLength(2)
    expect(html).toContain('Alice Able')
    expect(html).toContain('Bob Baker')
    expect((await cli('onboarding', '--site', FIXTURE, '--issued-since', '14d', '--out-dir', dir, '--format', 'eml', '--one-file')).code).toBe(2)
  })
})
