import type { z } from 'zod'
import { SettingsSchema, type Settings, type SettingsPatch } from '../../shared/domain/settings'
import { idFromKey, idKey } from './siteIndex'

/** One custom AID row; `key` keeps React rows stable while rows are added and removed. */
export interface AidDraft {
  readonly key: number
  readonly label: string
  readonly aid: string
}

/** The Settings form as typed: numbers stay text until they are validated. */
export interface SettingsDraft {
  readonly unlockThresholdDbm: string
  readonly adapterKind: 'default' | 'uart'
  readonly uartPort: string
  readonly uartBaudRate: string
  readonly nfcTimeoutSeconds: string
  readonly customAids: readonly AidDraft[]
  readonly defaultDoorKey: string
  readonly theme: Settings['theme']
}

/** Field name (as used for element ids and errors) → one sentence saying what to enter. */
export type FieldErrors = Readonly<Record<string, string>>

export type DraftCheck = { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly errors: FieldErrors }

const DEFAULT_BAUD_RATE = 1_000_000
let nextAidKey = 1

export function newAidRow(label = '', aid = ''): AidDraft {
  return { key: nextAidKey++, label, aid }
}

export function draftFrom(settings: Settings): SettingsDraft {
  const uart = settings.bleAdapter.kind === 'uart' ? settings.bleAdapter : null
  return {
    unlockThresholdDbm: String(settings.unlockThresholdDbm),
    adapterKind: settings.bleAdapter.kind,
    uartPort: uart?.port ?? '',
    uartBaudRate: String(uart?.baudRate ?? DEFAULT_BAUD_RATE),
    nfcTimeoutSeconds: String(settings.nfcTimeoutSeconds),
    customAids: settings.customAids.map((entry) => newAidRow(entry.label, entry.aid)),
    defaultDoorKey: settings.defaultDoorId === null ? '' : idKey(settings.defaultDoorId),
    theme: settings.theme
  }
}

/** True when two drafts would save the same settings (row keys aside). */
export function sameDraft(a: SettingsDraft, b: SettingsDraft): boolean {
  const strip = (d: SettingsDraft): unknown => ({ ...d, customAids: d.customAids.map(({ label, aid }) => ({ label, aid })) })
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b))
}

/** "" is not 0: an empty number field is an error, not a zero. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text)
}

/** AIDs are stored as uppercase hex without separators; accept spaces and colons as typed. */
export function normaliseAid(text: string): string {
  return text.replace(/[\s:]/g, '').toUpperCase()
}

/** Validates the draft with the shared SettingsSchema, as main will. */
export function checkDraft(draft: SettingsDraft): DraftCheck {
  const candidate = {
    unlockThresholdDbm: toNumber(draft.unlockThresholdDbm),
    bleAdapter:
      draft.adapterKind === 'uart'
        ? { kind: 'uart', port: draft.uartPort.trim(), baudRate: toNumber(draft.uartBaudRate) }
        : { kind: 'default' },
    customAids: draft.customAids.map((row) => ({ label: row.label.trim(), aid: normaliseAid(row.aid) })),
    nfcTimeoutSeconds: toNumber(draft.nfcTimeoutSeconds),
    defaultDoorId: idFromKey(draft.defaultDoorKey),
    theme: draft.theme
  }
  const result = SettingsSchema.safeParse(candidate)
  if (result.success) return { ok: true, settings: result.data }
  return { ok: false, errors: fieldErrors(result.error) }
}

const MESSAGES: Record<string, string> = {
  unlockThresholdDbm: 'Enter a whole number of dBm from −110 to −20, for example −70.',
  'bleAdapter.baudRate': 'Enter the baud rate as a whole number, for example 1000000.',
  nfcTimeoutSeconds: 'Enter a number of seconds from 1 to 120.',
  customAids: 'Lintel can select at most 32 custom AIDs.',
  label: 'Give the AID a label of 1 to 60 characters.'
}

function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.')
    const last = String(issue.path.at(-1) ?? '')
    const message = MESSAGES[field] ?? (issue.path[0] === 'customAids' ? MESSAGES[last] : undefined) ?? sentence(issue.message)
    errors[field] ??= message
  }
  return errors
}

function sentence(text: string): string {
  const trimmed = text.trim()
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}

/** Only the settings that differ, so a save never overwrites a change made elsewhere. */
export function patchBetween(current: Settings, next: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(next) as (keyof Settings)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) patch[key] = next[key]
  }
  return patch as SettingsPatch
}
