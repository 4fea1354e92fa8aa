import { useState } from 'react'
import type { Credential, Person, Site } from '../../../../shared/domain/site'
import type { RecordState } from '../../../../shared/provisioning/contract'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { idKey } from '../../siteIndex'
import { personName, shownValue } from '../../siteText'
import { CredentialStatePill } from '../CredentialState'
import { ErrorAlert } from '../ErrorAlert'
import { AdvicePanel } from './AdvicePanel'
import { CredentialForm, type CredentialPreset } from './CredentialForm'
import { DeviceChange } from './DeviceChange'
import { PersonForm } from './PersonForm'
import { SyncStatePill } from './SyncStatePill'

type Mode = { kind: 'none' } | { kind: 'issue'; preset?: CredentialPreset } | { kind: 'edit'; credential: Credential } | { kind: 'change'; old: Credential; fresh?: Credential }

interface PersonPanelProps {
  site: Site
  person: Person
  stateOf(entity: RecordState['entity'], id: unknown): RecordState | undefined
  onClose(): void
}

/** One person: their details, best-practice warnings, and their credentials with the actions on each. */
export function PersonPanel({ site, person, stateOf, onClose }: PersonPanelProps) {
  const [mode, setMode] = useState<Mode>({ kind: 'none' })
  const close = () => setMode({ kind: 'none' })
  return (
    <section className="card person-panel" aria-labelledby="person-panel-title">
      <h2 id="person-panel-title">{personName(person)}</h2>
      <PersonForm key={idKey(person.id)} person={person} groups={site.groups} onSaved={() => undefined} onCancel={onClose} />
      <AdvicePanel site={site} personId={person.id} onIssue={(preset) => setMode({ kind: 'issue', preset })} onDeviceChange={(old, fresh) => setMode({ kind: 'change', old, fresh })} />
      <PersonCredentials site={site} person={person} stateOf={stateOf} onEdit={(credential) => setMode({ kind: 'edit', credential })} onChange={(old) => setMode({ kind: 'change', old })} />
      {mode.kind === 'none' ? (
        <button type="button" onClick={() => setMode({ kind: 'issue' })}>
          Issue a credential
        </button>
      ) : null}
      {mode.kind === 'issue' || mode.kind === 'edit' ? (
        <CredentialForm
          key={mode.kind === 'edit' ? idKey(mode.credential.id) : JSON.stringify(mode.preset ?? {})}
          personId={person.id}
          site={site}
          credential={mode.kind === 'edit' ? mode.credential : undefined}
          preset={mode.kind === 'issue' ? mode.preset : undefined}
          onSaved={close}
          onCancel={close}
        />
      ) : null}
      {mode.kind === 'change' ? <DeviceChange site={site} old={mode.old} fresh={mode.fresh} onDone={close} /> : null}
    </section>
  )
}

interface PersonCredentialsProps {
  site: Site
  person: Person
  stateOf: PersonPanelProps['stateOf']
  onEdit(credential: Credential): void
  onChange(old: Credential): void
}

function PersonCredentials({ site, person, stateOf, onEdit, onChange }: PersonCredentialsProps) {
  const api = useApi()
  const toggle = useAction((c: Credential) => api.provisioning.saveCredential({ ...c, value: c.value ?? '', enabled: !c.enabled }))
  const remove = useAction((c: Credential) => api.provisioning.deleteCredential({ id: c.id }))
  const credentials = site.credentials.filter((c) => c.person_id === person.id)
  const failed = toggle.state.kind === 'failed' ? toggle.state.error : remove.state.kind === 'failed' ? remove.state.error : null
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Credentials of {personName(person)} ({credentials.length})</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Value</th>
            <th scope="col">Label</th>
            <th scope="col">Device</th>
            <th scope="col">State</th>
            <th scope="col">Sync</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {credentials.map((c) => {
            const type = site.credential_types.find((t) => t.id === c.credential_type_id)
            const what = `${type?.label ?? 'credential'} ${c.label ?? ''}`.trim()
            return (
              <tr key={idKey(c.id)}>
                <th scope="row">{type?.label ?? String(c.credential_type_id)}</th>
                <td className="mono">{shownValue(c, type)}</td>
                <td>{c.label ?? ''}</td>
                <td>{c.device ?? ''}</td>
                <td>
                  <CredentialStatePill credential={c} />
                </td>
                <td>
                  <SyncStatePill state={stateOf('credential', c.id)} />
                </td>
                <td>
                  <div className="actions">
                    <button type="button" onClick={() => onEdit(c)} aria-label={`Edit ${what}`}>Edit</button>
                    <button type="button" onClick={() => void toggle.run(c)} aria-label={`${c.enabled ? 'Disable' : 'Enable'} ${what}`}>{c.enabled ? 'Disable' : 'Enable'}</button>
                    {type?.format === 'mobile' && c.enabled ? <button type="button" onClick={() => onChange(c)} aria-label={`Change phone for ${what}`}>Change phone</button> : null}
                    <button type="button" onClick={() => void remove.run(c)} aria-label={`Delete ${what}`}>Delete</button>
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {failed ? <ErrorAlert error={failed} context="Not changed" /> : null}
    </div>
  )
}
