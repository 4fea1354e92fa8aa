import { useState, type FormEvent } from 'react'
import type { ContractError } from '../../../../shared/contract'
import type { BleReader } from '../../../../shared/domain/hardware'
import type { MarkPlan } from '../../../../shared/domain/survey'
import { ErrorAlert } from '../ErrorAlert'
import { Field } from '../Field'

export interface SetupValues {
  address: string
  threshold: number
  inMarks: string
  outMarks: string
  seconds: number
}

/** "0.25, 0.5, 1" → marks on one side; blanks and junk are left for validation to name. */
export function parseMarks(text: string, side: MarkPlan['side']): MarkPlan[] {
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => ({ distance_m: Number(part), side }))
}

function problems(values: SetupValues): Record<string, string> {
  const out: Record<string, string> = {}
  if (!values.address) out.address = 'Choose the reader to test.'
  if (!Number.isInteger(values.threshold) || values.threshold < -110 || values.threshold > -20) out.threshold = 'A whole number of dBm from −110 to −20.'
  const marks = [...parseMarks(values.inMarks, 'in'), ...parseMarks(values.outMarks, 'out')]
  if (parseMarks(values.inMarks, 'in').length === 0) out.inMarks = 'At least one mark in front of the door.'
  else if (marks.some((m) => !Number.isFinite(m.distance_m) || m.distance_m < 0 || m.distance_m > 50)) out.inMarks = 'Distances in metres from 0 to 50, separated by commas.'
  if (marks.length > 24) out.inMarks = 'At most 24 marks in all.'
  if (!(values.seconds >= 1 && values.seconds <= 120)) out.seconds = 'From 1 to 120 seconds.'
  return out
}

interface RangeTestSetupProps {
  readers: readonly BleReader[]
  address: string
  threshold: number
  onStart: (values: SetupValues) => void
  error: ContractError | null
}

/** Step 1: which reader, the unlock threshold, the marks on both sides of the door and the capture time. */
export function RangeTestSetup({ readers, address, threshold, onStart, error }: RangeTestSetupProps) {
  const [values, setValues] = useState<SetupValues>({ address: address || (readers[0]?.address ?? ''), threshold, inMarks: '0.25, 0.5, 1, 1.5, 2, 3', outMarks: '0.5, 1', seconds: 10 })
  const [shown, setShown] = useState<Record<string, string>>({})
  const set = (patch: Partial<SetupValues>) => setValues((v) => ({ ...v, ...patch }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = problems(values)
    setShown(found)
    if (Object.keys(found).length === 0) onStart(values)
  }
  const known = readers.some((r) => r.address === values.address)
  return (
    <form className="form range-setup" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Range test</legend>
        <Field id="rt-reader" label="Reader" error={shown.address}>
          {(control) => (
            <select {...control} value={values.address} onChange={(e) => set({ address: e.target.value })}>
              {!known && values.address ? <option value={values.address}>{values.address}</option> : null}
              {readers.map((r) => (
                <option key={r.id} value={r.address}>
                  {r.name} ({r.address})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rt-threshold" label="Unlock threshold (dBm)" hint="The RSSI at which the reader opens for a phone." error={shown.threshold}>
          {(control) => <input {...control} type="number" step={1} value={values.threshold} onChange={(e) => set({ threshold: Number(e.target.value) })} />}
        </Field>
        <Field id="rt-in" label="Marks in front of the door (m)" hint="Where phones should open the door, e.g. 0.25, 0.5, 1, 1.5, 2, 3." error={shown.inMarks}>
          {(control) => <input {...control} type="text" value={values.inMarks} onChange={(e) => set({ inMarks: e.target.value })} />}
        </Field>
        <Field id="rt-out" label="Marks behind the door (m)" hint="The wrong side: the door must not open from here. Leave empty to skip.">
          {(control) => <input {...control} type="text" value={values.outMarks} onChange={(e) => set({ outMarks: e.target.value })} />}
        </Field>
        <Field id="rt-seconds" label="Capture per mark (s)" error={shown.seconds}>
          {(control) => <input {...control} type="number" min={1} max={120} value={values.seconds} onChange={(e) => set({ seconds: Number(e.target.value) })} />}
        </Field>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          Start range test
        </button>
      </div>
      {error ? <ErrorAlert error={error} context="Could not start the range test" /> : null}
    </form>
  )
}
