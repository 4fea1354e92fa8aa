import { mkdir, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { parseSince } from '../../../shared/events/since'
import type { OnboardingSheet } from '../../../shared/onboarding/sheet'
import type { OnboardingFormat } from '../../services/onboardingService'
import { entityId, entityOption, requireOption, stringOption } from '../args'
import type { CliCommand } from '../command'
import { DB_OPTION_HELP, SITE_OPTIONS, withServices } from '../services'
import { UsageError } from '../io'

const FORMATS: Record<string, OnboardingFormat> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.eml': 'eml' }

export const onboardingCommand: CliCommand = {
  name: 'onboarding',
  summary: "The phone holder's onboarding sheet: install, accept, wait 2 minutes, present the phone, backup, changing phones",
  usage: '[--db <path> | --site <file>] (--person <id|name|email> [--credential <id>] [--out <file.pdf|file.html|file.eml>] | --issued-since <ISO|2h|14d> --out-dir <dir> [--format pdf|html|eml]) [--json]',
  options: { ...SITE_OPTIONS, person: { type: 'string' }, credential: { type: 'string' }, out: { type: 'string' }, 'issued-since': { type: 'string' }, 'out-dir': { type: 'string' }, format: { type: 'string' }, 'one-file': { type: 'boolean' } },
  details: [
    DB_OPTION_HELP,
    '--credential <id> the phone credential (default: their newest usable one)',
    '--out <file>      write the sheet: .html, .pdf (Chromium), or .eml (an email draft with the PDF attached; HTML when no PDF can be made)',
    '--issued-since T  a batch after an import: one sheet per person with a phone credential issued since T (an ISO instant or 30m, 2h, 14d)',
    '--out-dir <dir>   where the batch goes, one file per person; --format pdf (default), html or eml (PDFs printed once and split per person)',
    '--one-file        the whole batch as one onboarding-batch.pdf (or .html), one sheet per page, to print in one go',
    'Without --out: the steps as text (or the sheet as JSON with --json). Warnings for the helpdesk go to stderr.'
  ],
  async run(values, _positionals, io) {
    if (values['issued-since'] !== undefined) return runBatch(values, io)
    const out = stringOption(values, 'out')
    const format = out === undefined ? undefined : FORMATS[extname(out).toLowerCase()]
    if (out !== undefined && !format) throw new UsageError(`--out ${out}: expected a file ending .pdf, .html or .eml`)
    await withServices(values, io, async (services) => {
      const site = services.site.snapshot()
      const person = entityId(requireOption(values, 'person'), site, 'person')
      const credential = entityOption(values, site, 'credential')
      if (!out || !format) {
        const sheet = services.onboarding.sheet(person, credential)
        for (const warning of sheet.warnings) io.err(`warning: ${warning}`)
        return void io.out(io.json ? JSON.stringify(sheet) : describeSheet(sheet))
      }
      const file = await services.onboarding.render(person, credential, format)
      await writeFile(out, file.bytes)
      for (const note of file.notes) io.err(`warning: ${note}`)
      io.out(io.json ? JSON.stringify({ path: out, format, bytes: file.bytes.length, warnings: file.notes }) : `Wrote ${out} (${file.bytes.length} bytes) for ${file.sheet.person.name}.`)
    })
  }
}

/** The sheet as numbered steps. */
export function describeSheet(sheet: OnboardingSheet): string {
  const head = `${sheet.person.name}: ${sheet.credential.type}${sheet.credential.device ? ` on ${sheet.credential.device}` : ''} at ${sheet.site}`
  const link = sheet.invitation_url ? [`Invitation link (QR code on the sheet): ${sheet.invitation_url}`] : []
  return [head, ...link, '', ...sheet.steps.map((s, i) => `${i + 1}. ${s.title}\n   ${s.text}`)].join('\n')
}

/** One sheet per person whose phone credential was issued since the given time (after an import). */
async function runBatch(values: Parameters<CliCommand['run']>[0], io: Parameters<CliCommand['run']>[2]): Promise<void> {
  const raw = stringOption(values, 'issued-since')!
  const since = parseSince(raw, Date.now())
  if (!since) throw new UsageError(`--issued-since ${raw}: expected an ISO 8601 instant with Z or an offset, or a duration like 30m, 2h or 14d`)
  const dir = requireOption(values, 'out-dir')
  const format = (stringOption(values, 'format') ?? 'pdf').toLowerCase()
  if (format !== 'pdf' && format !== 'html' && format !== 'eml') throw new UsageError(`--format ${format}: expected pdf, html or eml`)
  await mkdir(dir, { recursive: true })
  if (values['one-file'] === true) return runOneFile(dir, format, since, values, io)
  const written = await withServices(values, io, async (services) => {
    const files: { person: string; path: string; warnings: string[] }[] = []
    await services.onboarding.renderBatch(services.onboarding.newlyIssued(since), format, async (file) => {
      const path = join(dir, file.filename)
      await writeFile(path, file.bytes)
      for (const note of file.notes) io.err(`warning: ${file.sheet.person.name}: ${note}`)
      files.push({ person: file.sheet.person.name, path, warnings: file.notes })
    })
    return files
  })
  io.out(io.json ? JSON.stringify({ files: written }) : written.length ? written.map((f) => `Wrote ${f.path} for ${f.person}.`).join('\n') : 'No phone credentials were issued in that window.')
}

async function runOneFile(dir: string, format: string, since: string, values: Parameters<CliCommand['run']>[0], io: Parameters<CliCommand['run']>[2]): Promise<void> {
  if (format !== 'pdf' && format !== 'html') throw new UsageError(`--one-file needs --format pdf or html, not ${format}`)
  const file = await withServices(values, io, async (services) => {
    const list = services.onboarding.newlyIssued(since)
    return list.length ? services.onboarding.renderOneFile(list, format) : null
  })
  if (!file) return void io.out(io.json ? JSON.stringify({ files: [] }) : 'No phone credentials were issued in that window.')
  const path = join(dir, file.filename)
  await writeFile(path, file.bytes)
  for (const sheet of file.sheets) for (const w of sheet.warnings) io.err(`warning: ${sheet.person.name}: ${w}`)
  io.out(io.json ? JSON.stringify({ files: [{ path, sheets: file.sheets.length }] }) : `Wrote ${path}: ${file.sheets.length} sheets.`)
}
