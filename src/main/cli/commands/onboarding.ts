import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
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
  usage: '[--db <path> | --site <file>] --person <id|name|email> [--credential <id>] [--out <file.pdf|file.html|file.eml>] [--json]',
  options: { ...SITE_OPTIONS, person: { type: 'string' }, credential: { type: 'string' }, out: { type: 'string' } },
  details: [
    DB_OPTION_HELP,
    '--credential <id> the phone credential (default: their newest usable one)',
    '--out <file>      write the sheet: .html, .pdf (Chromium), or .eml (an email draft with the PDF attached; HTML when no PDF can be made)',
    'Without --out: the steps as text (or the sheet as JSON with --json). Warnings for the helpdesk go to stderr.'
  ],
  async run(values, _positionals, io) {
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
