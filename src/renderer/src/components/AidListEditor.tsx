import { useRef } from 'react'
import { newAidRow, type FieldErrors, type SettingsDraft } from '../settingsDraft'
import { Field } from './Field'

interface AidListEditorProps {
  draft: SettingsDraft
  errors: FieldErrors
  update: (change: Partial<SettingsDraft>) => void
}

/** Extra AIDs Verify selects on phones doing HCE, after the built-in list: add, edit, remove. */
export function AidListEditor({ draft, errors, update }: AidListEditorProps) {
  const rows = draft.customAids
  const addButton = useRef<HTMLButtonElement>(null)
  const setRow = (key: number, change: { label?: string; aid?: string }): void =>
    update({ customAids: rows.map((row) => (row.key === key ? { ...row, ...change } : row)) })
  const remove = (key: number): void => {
    update({ customAids: rows.filter((row) => row.key !== key) })
    addButton.current?.focus()
  }
  return (
    <fieldset>
      <legend>Custom AIDs</legend>
      <p className="hint muted">Selected on phones after the built-in HID Mobile Access and PassFlow AIDs. Hex, 5 to 16 bytes.</p>
      {rows.length === 0 ? <p className="muted">No custom AIDs.</p> : null}
      {rows.map((row, i) => (
        <div className="field-row" key={row.key} role="group" aria-label={`Custom AID ${i + 1}`}>
          <Field id={`customAids.${i}.label`} label={`Label of AID ${i + 1}`} error={errors[`customAids.${i}.label`]}>
            {(control) => <input {...control} type="text" value={row.label} onChange={(e) => setRow(row.key, { label: e.target.value })} />}
          </Field>
          <Field id={`customAids.${i}.aid`} label={`AID ${i + 1} (hex)`} error={errors[`customAids.${i}.aid`]}>
            {(control) => (
              <input {...control} type="text" className="mono" spellCheck={false} autoComplete="off" value={row.aid} onChange={(e) => setRow(row.key, { aid: e.target.value })} />
            )}
          </Field>
          <div className="field-action">
            <button type="button" onClick={() => remove(row.key)}>
              Remove AID {i + 1}
            </button>
          </div>
        </div>
      ))}
      {errors.customAids ? <span className="field-error">{errors.customAids}</span> : null}
      <div>
        <button type="button" ref={addButton} onClick={() => update({ customAids: [...rows, newAidRow()] })}>
          Add AID
        </button>
      </div>
    </fieldset>
  )
}
