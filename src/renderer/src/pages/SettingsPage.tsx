import { useEffect, useRef, type FormEvent } from 'react'
import type { Settings } from '../../../shared/domain/settings'
import type { Site } from '../../../shared/domain/site'
import { AidListEditor } from '../components/AidListEditor'
import { BleAdapterFields } from '../components/BleAdapterFields'
import { ErrorAlert } from '../components/ErrorAlert'
import { Field } from '../components/Field'
import { Loaded } from '../components/Loaded'
import { Page } from '../components/Page'
import { PlatformRulesSection } from '../components/PlatformRulesForm'
import { useAppData } from '../hooks/useAppData'
import { useSettingsForm, type SaveState, type SettingsForm as Form } from '../hooks/useSettingsForm'
import { idKey } from '../siteIndex'
import type { SettingsDraft } from '../settingsDraft'

/** Settings for surveys, NFC verification, the default door and the theme, saved in main. */
export function SettingsPage() {
  const { settings, site } = useAppData()
  return (
    <Page slug="settings" title="Settings" lede="How Lintel surveys, reads cards and phones, and looks.">
      <Loaded value={settings} what="settings">
        {(value) => <SettingsForm saved={value} site={site.status === 'ok' ? site.value : undefined} onSaved={settings.reload} />}
      </Loaded>
      <PlatformRulesSection />
    </Page>
  )
}

interface SettingsFormProps {
  saved: Settings
  site: Site | undefined
  onSaved: () => void
}

function SettingsForm({ saved, site, onSaved }: SettingsFormProps) {
  const form = useSettingsForm(saved, onSaved)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, form)
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    void form.submit()
  }
  const { draft, errors, update } = form
  return (
    <form ref={formRef} className="form" aria-label="Settings" noValidate onSubmit={onSubmit}>
      <fieldset>
        <legend>BLE survey</legend>
        <Field id="unlockThresholdDbm" label="Unlock threshold (dBm)" hint="A phone at or above this signal strength is expected to unlock. From −110 to −20." error={errors.unlockThresholdDbm}>
          {(control) => (
            <input {...control} type="number" inputMode="numeric" step={1} value={draft.unlockThresholdDbm} onChange={(e) => update({ unlockThresholdDbm: e.target.value })} />
          )}
        </Field>
      </fieldset>
      <BleAdapterFields draft={draft} errors={errors} update={update} />
      <fieldset>
        <legend>NFC verification</legend>
        <Field id="nfcTimeoutSeconds" label="Tap timeout (seconds)" hint="How long Verify waits for a tap. From 1 to 120." error={errors.nfcTimeoutSeconds}>
          {(control) => (
            <input {...control} type="number" inputMode="decimal" value={draft.nfcTimeoutSeconds} onChange={(e) => update({ nfcTimeoutSeconds: e.target.value })} />
          )}
        </Field>
      </fieldset>
      <AidListEditor draft={draft} errors={errors} update={update} />
      <fieldset>
        <legend>Doors and appearance</legend>
        <DefaultDoorField draft={draft} site={site} update={update} error={errors.defaultDoorId} />
        <Field id="theme" label="Theme" error={errors.theme}>
          {(control) => (
            <select {...control} value={draft.theme} onChange={(e) => update({ theme: e.target.value as SettingsDraft['theme'] })}>
              <option value="system">Same as the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          )}
        </Field>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.save.kind === 'saving'}>
          Save
        </button>
        <button type="button" onClick={form.reset} disabled={!form.dirty}>
          Discard changes
        </button>
      </div>
      <SaveStatus save={form.save} />
    </form>
  )
}

function DefaultDoorField({ draft, site, update, error }: { draft: SettingsDraft; site: Site | undefined; update: Form['update']; error: string | undefined }) {
  const known = site?.doors.some((door) => idKey(door.id) === draft.defaultDoorKey) ?? false
  return (
    <Field id="defaultDoorId" label="Default door" hint="Preselected wherever you choose a door." error={error}>
      {(control) => (
        <select {...control} value={draft.defaultDoorKey} onChange={(e) => update({ defaultDoorKey: e.target.value })}>
          <option value="">None (the first door)</option>
          {draft.defaultDoorKey !== '' && !known ? <option value={draft.defaultDoorKey}>Door {draft.defaultDoorKey} (not on this site)</option> : null}
          {site?.doors.map((door) => (
            <option key={idKey(door.id)} value={idKey(door.id)}>
              {door.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

function SaveStatus({ save }: { save: SaveState }) {
  return (
    <>
      <p role="status" aria-live="polite" className={`status-line ${save.kind === 'saved' ? 'success' : save.kind === 'invalid' ? 'error' : ''}`} data-testid="settings-status">
        {save.kind === 'saving' ? 'Saving…' : null}
        {save.kind === 'saved' ? save.message : null}
        {save.kind === 'invalid' ? `Not saved: ${save.count === 1 ? 'one field needs' : `${save.count} fields need`} attention.` : null}
      </p>
      {save.kind === 'failed' ? <ErrorAlert error={save.error} context="Lintel did not save the settings" /> : null}
    </>
  )
}

/** After a rejected save, focus moves to the first field with an error. */
function useFocusFirstError(formRef: { readonly current: HTMLFormElement | null }, form: Form): void {
  const { attempts, save } = form
  useEffect(() => {
    if (save.kind !== 'invalid') return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [attempts, save, formRef])
}
