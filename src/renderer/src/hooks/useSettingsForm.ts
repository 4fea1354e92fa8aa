import { useEffect, useState } from 'react'
import type { ContractError } from '../../../shared/contract'
import type { Settings } from '../../../shared/domain/settings'
import { checkDraft, draftFrom, patchBetween, sameDraft, type FieldErrors, type SettingsDraft } from '../settingsDraft'
import { useApi } from './useApi'

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly message: string }
  | { readonly kind: 'invalid'; readonly count: number }
  | { readonly kind: 'failed'; readonly error: ContractError }

export interface SettingsForm {
  readonly draft: SettingsDraft
  readonly errors: FieldErrors
  readonly save: SaveState
  readonly dirty: boolean
  /** How many times the user has tried to save; lets the page focus the first error each time. */
  readonly attempts: number
  update(change: Partial<SettingsDraft>): void
  submit(): Promise<void>
  reset(): void
}

/**
 * The Settings form: a draft of the saved settings, checked with the shared SettingsSchema before
 * anything is sent, saved as a patch of only the changed settings through app.updateSettings.
 * While the draft is untouched it follows changes made elsewhere (app.on.settingsChanged).
 */
export function useSettingsForm(saved: Settings, onSaved: (settings: Settings) => void): SettingsForm {
  const api = useApi()
  const [base, setBase] = useState(saved)
  const [draft, setDraft] = useState(() => draftFrom(saved))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [save, setSave] = useState<SaveState>({ kind: 'idle' })
  const [attempts, setAttempts] = useState(0)
  const dirty = !sameDraft(draft, draftFrom(base))

  useEffect(() => {
    if (saved === base || dirty) return
    setBase(saved)
    setDraft(draftFrom(saved))
  }, [saved, base, dirty])

  const update = (change: Partial<SettingsDraft>): void => {
    const next = { ...draft, ...change }
    setDraft(next)
    if (attempts > 0) {
      const check = checkDraft(next)
      setErrors(check.ok ? {} : check.errors)
    }
  }

  const submit = async (): Promise<void> => {
    setAttempts((n) => n + 1)
    const check = checkDraft(draft)
    if (!check.ok) {
      setErrors(check.errors)
      setSave({ kind: 'invalid', count: Object.keys(check.errors).length })
      return
    }
    setErrors({})
    const patch = patchBetween(base, check.settings)
    if (Object.keys(patch).length === 0) {
      setSave({ kind: 'saved', message: 'Nothing to save: these are the current settings.' })
      return
    }
    setSave({ kind: 'saving' })
    const result = await api.app.updateSettings(patch)
    if (!result.ok) {
      setSave({ kind: 'failed', error: result.error })
      return
    }
    setBase(result.value)
    setDraft(draftFrom(result.value))
    setSave({ kind: 'saved', message: 'Settings saved.' })
    onSaved(result.value)
  }

  const reset = (): void => {
    setDraft(draftFrom(base))
    setErrors({})
    setSave({ kind: 'idle' })
  }

  return { draft, errors, save, dirty, attempts, update, submit, reset }
}
