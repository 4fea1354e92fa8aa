import { useState, type FormEvent } from 'react'
import { PLATFORM_PRESETS, type PlatformRules, type PlatformRulesPatch } from '../../../shared/domain/platformRules'
import type { ReaderRadio } from '../../../shared/domain/site'
import { useApi } from '../hooks/useApi'
import { useAction } from '../hooks/useAction'
import { useResult } from '../hooks/useResult'
import { ErrorAlert } from './ErrorAlert'
import { Field } from './Field'
import { Loaded } from './Loaded'

const RADIOS: { radio: ReaderRadio; label: string }[] = [
  { radio: 'ble', label: 'Bluetooth (BLE)' },
  { radio: 'nfc', label: 'NFC' }
]
const PLATFORMS = [
  { key: 'ios', label: 'iPhones' },
  { key: 'android', label: 'Android phones' }
] as const

/** The site's platform rules: which radios phones use and how close they must be. Saved with the site, used by diagnosis. */
export function PlatformRulesSection() {
  const rules = useResult((api) => api.site.platformRules({}))
  return (
    <Loaded value={rules} what="platform rules">
      {(value) => <PlatformRulesForm saved={value} onSaved={rules.reload} />}
    </Loaded>
  )
}

type Draft = { ios: ReaderRadio[]; android: ReaderRadio[]; ios_cm: string; android_cm: string }

const draftOf = (rules: PlatformRules): Draft => ({ ios: rules.mobile_platforms.ios, android: rules.mobile_platforms.android, ios_cm: String(rules.unlock_distance_cm.ios ?? ''), android_cm: String(rules.unlock_distance_cm.android ?? '') })
const cm = (text: string): number | null => (text.trim() === '' ? null : Number(text))

function PlatformRulesForm({ saved, onSaved }: { saved: PlatformRules; onSaved: () => void }) {
  const api = useApi()
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved))
  const save = useAction((patch: PlatformRulesPatch) => api.site.setPlatformRules(patch))
  const toggle = (platform: 'ios' | 'android', radio: ReaderRadio, on: boolean) => setDraft((d) => ({ ...d, [platform]: on ? [...d[platform], radio] : d[platform].filter((r) => r !== radio) }))
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const result = await save.run({ ios: draft.ios, android: draft.android, ios_unlock_cm: cm(draft.ios_cm), android_unlock_cm: cm(draft.android_cm) })
    if (result.ok) onSaved()
  }
  return (
    <form className="form" aria-label="Platform rules" noValidate onSubmit={(e) => void onSubmit(e)}>
      <fieldset>
        <legend>Phones at this site</legend>
        <p className="hint">Saved with the site, not in this computer's settings. Diagnosis and onboarding sheets follow these rules.</p>
        <div className="actions">
          <button type="button" onClick={() => setDraft((d) => ({ ...d, ios: [...PLATFORM_PRESETS.doorflow.ios], android: [...PLATFORM_PRESETS.doorflow.android] }))}>DoorFlow default</button>
          <button type="button" onClick={() => setDraft((d) => ({ ...d, ios: [...PLATFORM_PRESETS.alarm_com.ios], android: [...PLATFORM_PRESETS.alarm_com.android] }))}>Alarm.com (Android NFC, iPhone BLE)</button>
        </div>
        {PLATFORMS.map(({ key, label }) => (
          <div key={key} className="field">
            <span>{label} use</span>
            {RADIOS.map(({ radio, label: radioLabel }) => (
              <label key={radio}>
                <input type="checkbox" checked={draft[key].includes(radio)} onChange={(e) => toggle(key, radio, e.target.checked)} /> {radioLabel}
              </label>
            ))}
            <Field id={`${key}-unlock-cm`} label={`${label}: unlock distance (cm)`} hint="How close the phone must be to the reader; empty when unknown.">
              {(control) => <input {...control} type="number" min={1} value={draft[`${key}_cm`]} onChange={(e) => setDraft((d) => ({ ...d, [`${key}_cm`]: e.target.value }))} />}
            </Field>
          </div>
        ))}
        <div className="actions">
          <button type="submit" className="primary" disabled={save.state.kind === 'busy'}>Save platform rules</button>
        </div>
        <p role="status" className="status-line">{save.state.kind === 'done' ? `Saved: ${save.state.value.preset === 'custom' ? 'custom rules' : save.state.value.preset === 'alarm_com' ? "Alarm.com's rules" : "DoorFlow's default"}.` : null}</p>
        {save.state.kind === 'failed' ? <ErrorAlert error={save.state.error} context="Lintel did not save the platform rules" /> : null}
      </fieldset>
    </form>
  )
}
