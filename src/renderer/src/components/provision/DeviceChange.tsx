import { useId, useState } from 'react'
import { decide, decisionValueOf, type Decision } from '../../../../shared/decision'
import { NO_VALUE_LABEL, type Credential, type Site } from '../../../../shared/domain/site'
import { compiledFor } from '../../compiledSite'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { idKey } from '../../siteIndex'
import { DecisionView } from '../DecisionView'
import { ErrorAlert } from '../ErrorAlert'
import { CredentialForm } from './CredentialForm'

interface DeviceChangeProps {
  site: Site
  old: Credential
  /** Set when the new phone's credential is already issued (the advice's "finish" action). */
  fresh?: Credential | undefined
  onDone(): void
}

/**
 * DoorFlow's device change, in its safe order: issue the new phone's credential, test it at a
 * door (a what-if decision by the shared engine), and only then disable the old phone's.
 */
export function DeviceChange({ site, old, fresh: issued, onDone }: DeviceChangeProps) {
  const api = useApi()
  const id = useId()
  const [fresh, setFresh] = useState<Credential | undefined>(issued)
  const doors = site.doors.filter((d) => d.accepts.includes(old.credential_type_id))
  const [doorKey, setDoorKey] = useState(doors[0] ? idKey(doors[0].id) : '')
  const [decision, setDecision] = useState<Decision | null>(null)
  const finish = useAction(async (pair: { old: Credential; fresh: Credential }) => {
    const disabled = await api.provisioning.saveCredential({ ...pair.old, value: pair.old.value ?? '', enabled: false, status: 'disabled' })
    if (!disabled.ok) return disabled
    return api.provisioning.saveCredential({ ...pair.fresh, value: pair.fresh.value ?? '', status: 'active' })
  })

  const accept = useAction((credential: Credential) => api.provisioning.saveCredential({ ...credential, value: credential.value ?? '', status: 'active' }))
  async function accepted(credential: Credential) {
    const result = await accept.run(credential)
    if (result.ok) {
      setFresh(result.value)
      setDecision(null)
    }
  }

  function test(credential: Credential) {
    const door = doors.find((d) => idKey(d.id) === doorKey)
    if (!door) return
    setDecision(decide(compiledFor(site), { door_id: door.id, credential_type_id: credential.credential_type_id, value: decisionValueOf(credential), at: new Date().toISOString() }))
  }

  return (
    <section className="card device-change" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Change phone, replacing “{old.device ?? old.label ?? 'the old phone'}”</h3>
      <ol className="steps">
        <li aria-current={fresh ? undefined : 'step'}>
          <strong>Issue the new phone&apos;s credential.</strong>
          {fresh ? (
            <p>Issued: {fresh.value ?? NO_VALUE_LABEL}{fresh.device ? ` on ${fresh.device}` : ''}.</p>
          ) : (
            <CredentialForm personId={old.person_id} site={site} preset={{ credential_type_id: old.credential_type_id, label: 'New phone', status: 'invited' }} onSaved={setFresh} onCancel={onDone} />
          )}
        </li>
        <li aria-current={fresh && !decision?.granted ? 'step' : undefined}>
          <strong>Test it at a door</strong> (a what-if decision now; the Verify page tests a real tap).
          {fresh ? (
            <div className="field-row">
              <div className="field">
                <label htmlFor={`${id}-door`}>Door</label>
                <select id={`${id}-door`} value={doorKey} onChange={(e) => setDoorKey(e.target.value)}>
                  {doors.map((d) => (
                    <option key={idKey(d.id)} value={idKey(d.id)}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" className="field-action" onClick={() => test(fresh)}>
                Test the new credential
              </button>
            </div>
          ) : null}
          {decision ? <DecisionView decision={decision} /> : null}
          {fresh?.status === 'invited' ? (
            <p>
              The phone has not accepted its invitation yet, so the credential cannot open doors.{' '}
              <button type="button" onClick={() => void accepted(fresh)} disabled={accept.state.kind === 'busy'}>
                The phone has accepted it
              </button>
            </p>
          ) : null}
        </li>
        <li aria-current={decision?.granted ? 'step' : undefined}>
          <strong>Disable the old phone&apos;s credential.</strong>
          {finish.state.kind === 'done' ? (
            <p role="status">The old credential is disabled and the new one is active.</p>
          ) : (
            <div className="actions">
              <button type="button" className="primary" disabled={!fresh || !decision?.granted || finish.state.kind === 'busy'} onClick={() => fresh && void finish.run({ old, fresh })}>
                Disable the old credential
              </button>
              {fresh && decision && !decision.granted ? <span className="muted">The new credential was not granted; fix that before disabling the old one.</span> : null}
            </div>
          )}
          {finish.state.kind === 'failed' ? <ErrorAlert error={finish.state.error} context="Not changed" /> : null}
        </li>
      </ol>
      <button type="button" onClick={onDone}>
        Close
      </button>
    </section>
  )
}
