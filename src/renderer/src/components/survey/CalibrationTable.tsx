import { useState, type FormEvent } from 'react'
import type { ContractError } from '../../../../shared/contract'
import { useApi } from '../../hooks/useApi'
import { useResult } from '../../hooks/useResult'
import { ErrorAlert } from '../ErrorAlert'
import { Field } from '../Field'
import { Loaded } from '../Loaded'

/** Per-device RSSI offsets against the reference phone, and a form to type one in. */
export function CalibrationTable({ device }: { device: { id: string; label: string } }) {
  const api = useApi()
  const list = useResult((a) => a.ble.calibrations({}))
  const [offset, setOffset] = useState('0')
  const [error, setError] = useState<ContractError | null>(null)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    const result = await api.ble.setCalibration({ deviceId: device.id, label: device.label, offset_dB: Number(offset) })
    setError(result.ok ? null : result.error)
    if (result.ok) list.reload()
  }
  return (
    <div>
      <Loaded value={list} what="calibrations">
        {(calibrations) => (
          <div className="table-wrap">
            <table className="data">
              <caption>Device calibration ({calibrations.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col" className="num">Offset (dB)</th>
                  <th scope="col">How</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {calibrations.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="muted">
                      No device calibrated: readings are used as measured.
                    </td>
                  </tr>
                ) : (
                  calibrations.map((c) => (
                    <tr key={c.deviceId}>
                      <th scope="row">{c.label}</th>
                      <td className="num">{c.offset_dB}</td>
                      <td>{c.source === 'paired' ? `against the reference phone at ${c.marks} marks` : 'typed in'}</td>
                      <td>{new Date(c.updatedAt).toLocaleString()}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
      <form className="form inline-form" onSubmit={(e) => void save(e)} noValidate>
        <Field id="cal-offset" label={`Offset for ${device.label} (dB)`} hint="Added to every reading so this device reads like the reference phone.">
          {(control) => <input {...control} type="number" step={0.5} min={-40} max={40} value={offset} onChange={(e) => setOffset(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit">Save offset</button>
        </div>
      </form>
      {error ? <ErrorAlert error={error} context="Could not save the offset" /> : null}
    </div>
  )
}
