import { useMemo, useState, type FormEvent } from 'react'
import type { DiagnoseRequest } from '../../../../shared/diagnose'
import { idKey, type SiteIndex } from '../../siteIndex'
import { personName, shownValue } from '../../siteText'
import { Field } from '../Field'
import { DoorSelect } from '../DoorSelect'
import { WhenFields } from '../WhenFields'
import { diagnoseRequestFrom, peopleMatching, personFor, type DiagnoseInput } from './diagnoseForm'

interface DiagnoseFormProps {
  index: SiteIndex
  input: DiagnoseInput
  onChange(input: DiagnoseInput): void
  onSubmit(request: DiagnoseRequest): void
  busy: boolean
}

const PLATFORMS = [
  { value: 'unknown', label: 'Not known' },
  { value: 'ios', label: 'iPhone (iOS)' },
  { value: 'android', label: 'Android' }
] as const

/** Who (email or name), which door, when, which phone, and optionally one credential. */
export function DiagnoseForm({ index, input, onChange, onSubmit, busy }: DiagnoseFormProps) {
  const outcome = useMemo(() => diagnoseRequestFrom(index, input), [index, input])
  const [tried, setTried] = useState(false)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setTried(true)
    if (outcome.ok) onSubmit(outcome.request)
  }
  const problem = outcome.ok || (!tried && input.person.trim() === '') ? '' : outcome.problem
  return (
    <form className="form troubleshoot-form" aria-label="Who, where and when" onSubmit={submit} noValidate>
      <div className="field-row">
        <PersonField index={index} input={input} onChange={onChange} />
        <DoorSelect id="troubleshoot-door" doors={index.site.doors} value={input.doorKey} onChange={(doorKey) => onChange({ ...input, doorKey })} />
      </div>
      <div className="field-row">
        <fieldset>
          <legend>When</legend>
          <div className="field-row">
            <label className="choice">
              <input type="radio" name="troubleshoot-when" checked={input.when === 'now'} onChange={() => onChange({ ...input, when: 'now' })} />
              Now
            </label>
            <label className="choice">
              <input type="radio" name="troubleshoot-when" checked={input.when === 'at'} onChange={() => onChange({ ...input, when: 'at' })} />
              At another time (site time)
            </label>
          </div>
          {input.when === 'at' ? (
            <WhenFields
              timeZone={index.site.site.timezone}
              input={input}
              onChange={onChange}
              outcome={outcome.ok && outcome.at ? { ok: true, at: outcome.at } : { ok: false }}
              idPrefix="troubleshoot"
            />
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Phone platform</legend>
          <div className="field-row">
            {PLATFORMS.map((platform) => (
              <label className="choice" key={platform.value}>
                <input
                  type="radio"
                  name="troubleshoot-platform"
                  value={platform.value}
                  checked={input.platform === platform.value}
                  onChange={() => onChange({ ...input, platform: platform.value })}
                />
                {platform.label}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="field-row">
        <CredentialField index={index} input={input} onChange={onChange} />
        <button type="submit" className="primary field-action" disabled={busy} aria-busy={busy}>
          Diagnose
        </button>
        <span className="field-error field-action troubleshoot-problem" role="status" data-testid="troubleshoot-problem">
          {problem}
        </span>
      </div>
    </form>
  )
}

type FieldProps = Pick<DiagnoseFormProps, 'index' | 'input' | 'onChange'>

/** A text box with the site's people as suggestions: an email from a ticket works as typed. */
function PersonField({ index, input, onChange }: FieldProps) {
  const person = personFor(index, input.person)
  const suggestions = useMemo(() => peopleMatching(index, input.person), [index, input.person])
  const count = person ? (index.credentialsByPerson.get(person.id)?.length ?? 0) : 0
  const hint = person
    ? `${personName(person)} · ${person.email} · ${count === 1 ? '1 credential' : `${count} credentials`}${person.enabled ? '' : ' · disabled'}`
    : input.person.trim() === ''
      ? 'Type a name or email and pick from the suggestions.'
      : 'No one at this site has that name or email; Lintel will look it up as an email.'
  const choose = (text: string): void => {
    const chosen = personFor(index, text)
    onChange({ ...input, person: text, credentialKey: chosen && chosen.id === person?.id ? input.credentialKey : '' })
  }
  return (
    <Field id="troubleshoot-person" label="Person (name or email)" hint={hint}>
      {(control) => (
        <>
          <input
            {...control}
            type="text"
            className="person-input"
            list="troubleshoot-people"
            autoComplete="off"
            spellCheck={false}
            value={input.person}
            onChange={(e) => choose(e.target.value)}
          />
          <datalist id="troubleshoot-people">
            {suggestions.map((p) => (
              <option key={idKey(p.id)} value={p.email}>
                {personName(p)}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  )
}

function CredentialField({ index, input, onChange }: FieldProps) {
  const person = personFor(index, input.person)
  const credentials = (person ? index.credentialsByPerson.get(person.id) : undefined) ?? []
  return (
    <div className="field">
      <label htmlFor="troubleshoot-credential">Only this credential</label>
      <select id="troubleshoot-credential" value={input.credentialKey} onChange={(e) => onChange({ ...input, credentialKey: e.target.value })}>
        <option value="">All of their credentials</option>
        {credentials.map((credential) => {
          const type = index.types.get(credential.credential_type_id)
          return (
            <option key={idKey(credential.id)} value={idKey(credential.id)}>
              {`${type?.label ?? 'Unknown type'}${credential.label ? ` · ${credential.label}` : ''} · ${shownValue(credential, type)}`}
            </option>
          )
        })}
      </select>
    </div>
  )
}
