import { useId, useState, type FormEvent } from 'react'
import type { Group, Person } from '../../../../shared/domain/site'
import { fieldErrorsOf, PersonInputSchema, type FieldErrors, type PersonInput } from '../../../../shared/provisioning/schemas'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { SaveActions } from './SaveActions'
import { Field } from '../Field'

interface Draft {
  first_name: string
  last_name: string
  email: string
  mobile: string
  enabled: boolean
  valid_from: string
  valid_to: string
  group_ids: Person['group_ids']
}

const draftOf = (person: Person | undefined): Draft => ({
  first_name: person?.first_name ?? '',
  last_name: person?.last_name ?? '',
  email: person?.email ?? '',
  mobile: person?.mobile ?? '',
  enabled: person?.enabled ?? true,
  valid_from: person?.valid_from ?? '',
  valid_to: person?.valid_to ?? '',
  group_ids: person?.group_ids ?? []
})

function inputOf(draft: Draft, id: Person['id'] | undefined): PersonInput {
  return { ...draft, ...(id === undefined ? {} : { id }), valid_from: draft.valid_from.trim() || null, valid_to: draft.valid_to.trim() || null, mobile: draft.mobile.trim() || null }
}

/** Adds or edits a person, checked with the shared PersonInputSchema here and again in main. */
export function PersonForm({ person, groups, onSaved, onCancel }: { person?: Person | undefined; groups: readonly Group[]; onSaved(person: Person): void; onCancel(): void }) {
  const api = useApi()
  const id = useId()
  const [draft, setDraft] = useState(() => draftOf(person))
  const [errors, setErrors] = useState<FieldErrors>({})
  const save = useAction((input: PersonInput) => api.provisioning.savePerson(input))
  const shown = { ...save.fields, ...errors }
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    const input = inputOf(draft, person?.id)
    const parsed = PersonInputSchema.safeParse(input)
    setErrors(parsed.success ? {} : fieldErrorsOf(parsed.error))
    if (!parsed.success) return
    const result = await save.run(input)
    if (result.ok) onSaved(result.value)
  }

  const text = (name: 'first_name' | 'last_name' | 'email' | 'mobile' | 'valid_from' | 'valid_to', label: string, hint?: string) => (
    <Field id={`${id}-${name}`} label={label} hint={hint} error={shown[name]}>
      {(control) => <input {...control} type="text" value={draft[name]} onChange={(e) => set({ [name]: e.target.value })} />}
    </Field>
  )

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={person ? `Edit ${person.first_name} ${person.last_name}` : 'Add a person'} noValidate>
      <div className="field-row">
        {text('first_name', 'First name')}
        {text('last_name', 'Last name')}
        {text('email', 'Email', 'People are matched by email when importing.')}
        {text('mobile', 'Mobile', 'Optional, for SMS invitations; international format, e.g. +44 7700 900123')}
      </div>
      <div className="field-row">
        {text('valid_from', 'Access from', 'Optional; an instant such as 2026-09-01T08:00:00Z')}
        {text('valid_to', 'Access until', 'Optional; after "Access from"')}
      </div>
      <label className="choice">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Enabled
      </label>
      <fieldset aria-describedby={shown.group_ids ? `${id}-groups-error` : undefined}>
        <legend>Groups</legend>
        {groups.map((group) => (
          <label className="choice" key={JSON.stringify(group.id)}>
            <input
              type="checkbox"
              checked={draft.group_ids.includes(group.id)}
              onChange={(e) => set({ group_ids: e.target.checked ? [...draft.group_ids, group.id] : draft.group_ids.filter((g) => g !== group.id) })}
            />
            {group.name}
          </label>
        ))}
        {shown.group_ids ? <span id={`${id}-groups-error`} className="field-error">{shown.group_ids}</span> : null}
      </fieldset>
      <SaveActions state={save.state} label={person ? 'Save person' : 'Add person'} onCancel={onCancel} />
    </form>
  )
}
