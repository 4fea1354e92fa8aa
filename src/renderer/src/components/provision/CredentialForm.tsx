import { useId, useState, type FormEvent } from 'react'
import type { Credential, CredentialType, Id, RevokedReason, Site } from '../../../../shared/domain/site'
import { valueFormatOf } from '../../../../shared/formats/validate'
import { canEnrolByTap } from '../../../../shared/nfc/enrol'
import { CredentialInputSchema, credentialRules, fieldErrorsOf, type CredentialInput, type FieldErrors } from '../../../../shared/provisioning/schemas'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { useResult } from '../../hooks/useResult'
import { idFromKey, idKey } from '../../siteIndex'
import { RevokeField } from './RevokeField'
import { SaveActions } from './SaveActions'
import { Field } from '../Field'
import { TapToEnrol } from '../TapToEnrol'

/** What a credential form starts with; the advice actions preset some of it. */
export interface CredentialPreset {
  credential_type_id?: Id
  value?: string
  label?: string
  device?: string
  status?: Credential['status']
}

const HINTS: Record<ReturnType<typeof valueFormatOf>, string> = {
  pin: '4 to 7 digits; not 1234, 0000 or other easy guesses',
  h10301: 'facility:card, e.g. 118:25750 (facility 0–255, card 0–65535)',
  corporate1000: 'company:card, e.g. 1200:40000 (company 0–4095, card 0–1048575)',
  csn: 'the card serial number in hex, e.g. 0405E79F950F21',
  card_number: 'the card number, digits only',
  hid_mobile: 'the HID Mobile Access id, e.g. HID-0001-C28595',
  passflow: 'the PassFlow id, e.g. PF-18EB-6D86',
  mobile: 'the mobile credential id from the app',
  text: 'the value as DoorFlow holds it'
}

interface CredentialFormProps {
  personId: Id
  site: Pick<Site, 'credential_types' | 'credentials'>
  credential?: Credential | undefined
  preset?: CredentialPreset | undefined
  onSaved(credential: Credential): void
  onCancel(): void
}

/**
 * The credential types a form offers: those the DoorFlow account has (`offeredIds`, local type ids;
 * empty or not loaded = all local types), plus `keep` (the type of the credential being edited).
 */
export function offeredTypes(types: readonly CredentialType[], offeredIds: readonly string[] | undefined, keep?: Id): CredentialType[] {
  if (!offeredIds || offeredIds.length === 0) return [...types]
  const offered = new Set(offeredIds)
  return types.filter((t) => offered.has(String(t.id)) || (keep !== undefined && t.id === keep))
}

/** Issues or edits a credential: the value is checked for its type, unique per type; a PIN is masked as it is typed. */
export function CredentialForm({ personId, site, credential, preset, onSaved, onCancel }: CredentialFormProps) {
  const api = useApi()
  const id = useId()
  const start = { ...credential, ...preset }
  const offeredIds = useResult((a) => a.sync.offeredCredentialTypes({}))
  const types = offeredTypes(site.credential_types, offeredIds.status === 'ok' ? offeredIds.value : undefined, credential?.credential_type_id)
  const [chosenKey, setTypeKey] = useState(idKey(start.credential_type_id ?? site.credential_types[0]?.id ?? ''))
  const typeKey = types.some((t) => idKey(t.id) === chosenKey) ? chosenKey : idKey(types[0]?.id ?? '')
  const editingPin = credential !== undefined && site.credential_types.find((t) => t.id === credential.credential_type_id)?.format === 'pin'
  const [value, setValue] = useState(editingPin ? '' : (start.value ?? ''))
  const [label, setLabel] = useState(start.label ?? '')
  const [device, setDevice] = useState(start.device ?? '')
  const [enabled, setEnabled] = useState(credential?.enabled ?? true)
  const [allowWeak, setAllowWeak] = useState(false)
  const wasRevoked = credential?.status === 'revoked'
  const [revoke, setRevoke] = useState<RevokedReason | ''>(wasRevoked ? (credential?.revoked_reason ?? 'other') : '')
  const [errors, setErrors] = useState<FieldErrors>({})
  const save = useAction((input: CredentialInput) => api.provisioning.saveCredential(input))
  const type: CredentialType | undefined = site.credential_types.find((t) => idKey(t.id) === typeKey)
  const isPin = type?.format === 'pin'
  const shown = { ...save.fields, ...errors }

  const mobile = type?.format === 'mobile'

  async function submit(event: FormEvent) {
    event.preventDefault()
    const typed = editingPin && value === '' && credential ? (credential.value ?? '') : value
    const unchanged = credential !== undefined && typed.trim() === credential.value
    const input: CredentialInput = {
      ...(credential ? { id: credential.id } : {}),
      person_id: personId, credential_type_id: idFromKey(typeKey) ?? '', value: typed, enabled,
      ...(label.trim() ? { label } : {}), ...(device.trim() ? { device } : {}), ...(revoke ? { status: 'revoked' as const, revoked_reason: revoke } : start.status ? { status: start.status } : {}),
      ...(isPin ? { allow_weak_pin: allowWeak || unchanged } : {})
    }
    const parsed = CredentialInputSchema.safeParse(input)
    const ruled = parsed.success ? credentialRules(parsed.data, { types: site.credential_types, credentials: site.credentials }) : null
    setErrors(!parsed.success ? fieldErrorsOf(parsed.error) : ruled && !ruled.ok ? ruled.fields : {})
    if (!parsed.success || !ruled?.ok) return
    const result = await save.run(input)
    if (result.ok) onSaved(result.value)
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={credential ? 'Edit credential' : 'Issue a credential'} noValidate>
      <div className="field-row">
        <Field id={`${id}-type`} label="Type" error={shown.credential_type_id}>
          {(control) => (
            <select {...control} value={typeKey} onChange={(e) => setTypeKey(e.target.value)} disabled={credential !== undefined}>
              {types.map((t) => (
                <option key={idKey(t.id)} value={idKey(t.id)}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-value`} label={isPin ? 'PIN' : mobile ? 'Value (optional)' : 'Value'} hint={editingPin ? 'Leave empty to keep the current PIN' : mobile ? 'Leave empty to send an invitation: DoorFlow gives a mobile credential no value' : type ? HINTS[valueFormatOf(type)] : undefined} error={shown.value}>
          {(control) => (
            <input {...control} type={isPin ? 'password' : 'text'} inputMode={isPin ? 'numeric' : undefined} autoComplete="off" spellCheck={false} value={value} onChange={(e) => setValue(e.target.value)} />
          )}
        </Field>
      </div>
      {type && canEnrolByTap(type) ? <TapToEnrol key={typeKey} type={type} onValue={setValue} /> : null}
      <div className="field-row">
        <Field id={`${id}-label`} label="Label" error={shown.label}>
          {(control) => <input {...control} type="text" value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <Field id={`${id}-device`} label="Device" hint="The phone it is issued to; one credential per device" error={shown.device}>
          {(control) => <input {...control} type="text" value={device} onChange={(e) => setDevice(e.target.value)} />}
        </Field>
      </div>
      <label className="choice">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
      </label>
      {credential ? <RevokeField id={`${id}-revoke`} value={revoke} revoked={wasRevoked} onChange={setRevoke} /> : null}
      {isPin ? (
        <label className="choice">
          <input type="checkbox" checked={allowWeak} onChange={(e) => setAllowWeak(e.target.checked)} /> Keep this PIN even if it is easy to guess
        </label>
      ) : null}
      <SaveActions state={save.state} label={credential ? 'Save credential' : 'Issue credential'} onCancel={onCancel} />
    </form>
  )
}
