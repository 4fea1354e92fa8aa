import type { ChangeEvent } from 'react'
import { idFromKey, idKey, type SiteIndex } from '../siteIndex'
import { personName, shownValue } from '../siteText'
import { firstCredentialKey, type WhatIfInput, type WhatIfRequest } from '../whatIf'
import { DoorSelect } from './DoorSelect'
import { WhenFields } from './WhenFields'

interface WhatIfFormProps {
  index: SiteIndex
  input: WhatIfInput
  onChange: (input: WhatIfInput) => void
  outcome: WhatIfRequest
}

/** Door, credential (a person's, or typed by hand), site-local date and time, and an optional PIN. */
export function WhatIfForm({ index, input, onChange, outcome }: WhatIfFormProps) {
  const set =
    <K extends keyof WhatIfInput>(key: K) =>
    (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>): void =>
      onChange({ ...input, [key]: event.target.value })
  return (
    <form className="form" aria-label="What-if request" onSubmit={(event) => event.preventDefault()}>
      <DoorSelect id="whatif-door" doors={index.site.doors} value={input.doorKey} onChange={(doorKey) => onChange({ ...input, doorKey })} />
      <CredentialFields index={index} input={input} onChange={onChange} />
      <WhenFields timeZone={index.site.site.timezone} input={input} onChange={onChange} outcome={outcome} />
      <div className="field">
        <label htmlFor="whatif-pin">PIN entered at the keypad (optional)</label>
        <input id="whatif-pin" type="password" inputMode="numeric" autoComplete="off" value={input.pin} onChange={set('pin')} />
      </div>
    </form>
  )
}

function CredentialFields({ index, input, onChange }: Omit<WhatIfFormProps, 'outcome'>) {
  const setSource = (source: WhatIfInput['source']) => () => onChange({ ...input, source })
  return (
    <fieldset>
      <legend>Credential presented</legend>
      <div className="field-row" role="radiogroup" aria-label="Where the credential comes from">
        <label className="choice">
          <input type="radio" name="whatif-source" checked={input.source === 'person'} onChange={setSource('person')} />
          A person's credential
        </label>
        <label className="choice">
          <input type="radio" name="whatif-source" checked={input.source === 'typed'} onChange={setSource('typed')} />
          Type and value by hand
        </label>
      </div>
      {input.source === 'person' ? <PersonCredential index={index} input={input} onChange={onChange} /> : <TypedCredential index={index} input={input} onChange={onChange} />}
    </fieldset>
  )
}

function PersonCredential({ index, input, onChange }: Omit<WhatIfFormProps, 'outcome'>) {
  const personId = idFromKey(input.personKey)
  const credentials = (personId === null ? undefined : index.credentialsByPerson.get(personId)) ?? []
  const choosePerson = (event: ChangeEvent<HTMLSelectElement>): void =>
    onChange({ ...input, personKey: event.target.value, credentialKey: firstCredentialKey(index, event.target.value) })
  return (
    <>
      <div className="field">
        <label htmlFor="whatif-person">Person</label>
        <select id="whatif-person" value={input.personKey} onChange={choosePerson}>
          {index.site.people.map((person) => (
            <option key={idKey(person.id)} value={idKey(person.id)}>
              {personName(person)}
              {person.enabled ? '' : ' (disabled)'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="whatif-credential">Credential</label>
        <select id="whatif-credential" value={input.credentialKey} onChange={(e) => onChange({ ...input, credentialKey: e.target.value })}>
          {credentials.length === 0 ? <option value="">This person has no credentials</option> : null}
          {credentials.map((credential) => {
            const type = index.types.get(credential.credential_type_id)
            const state = credential.enabled && credential.status === 'active' ? '' : ` (${credential.enabled ? credential.status : 'switched off'})`
            return (
              <option key={idKey(credential.id)} value={idKey(credential.id)}>
                {`${type?.label ?? 'Unknown type'}${credential.label ? ` · ${credential.label}` : ''} · ${shownValue(credential, type)}${state}`}
              </option>
            )
          })}
        </select>
      </div>
    </>
  )
}

function TypedCredential({ index, input, onChange }: Omit<WhatIfFormProps, 'outcome'>) {
  const typeId = idFromKey(input.typeKey)
  const isPin = typeId !== null && index.types.get(typeId)?.format === 'pin'
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor="whatif-type">Credential type</label>
        <select id="whatif-type" value={input.typeKey} onChange={(e) => onChange({ ...input, typeKey: e.target.value })}>
          {index.site.credential_types.map((type) => (
            <option key={idKey(type.id)} value={idKey(type.id)}>
              {type.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="whatif-value">Value</label>
        <input
          id="whatif-value"
          type={isPin ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={input.value}
          onChange={(e) => onChange({ ...input, value: e.target.value })}
        />
      </div>
    </div>
  )
}
