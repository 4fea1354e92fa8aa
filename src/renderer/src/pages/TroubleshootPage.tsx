import { useState } from 'react'
import { decide } from '../../../shared/decision'
import type { Credential, Id } from '../../../shared/domain/site'
import { CredentialStatePill } from '../components/CredentialState'
import { Verdict } from '../components/DecisionView'
import { Loaded } from '../components/Loaded'
import { Page } from '../components/Page'
import { compiledFor } from '../compiledSite'
import { useAppData } from '../hooks/useAppData'
import { idFromKey, idKey, indexSite, type SiteIndex } from '../siteIndex'
import { personName, shownValue } from '../siteText'
import { localAt } from '../siteTime'

/** Helpdesk: what the decision engine says right now for each credential of a person at a door. */
export function TroubleshootPage() {
  const { site, settings } = useAppData()
  const defaultDoor = settings.status === 'ok' ? settings.value.defaultDoorId : null
  return (
    <Page slug="troubleshoot" title="Troubleshoot" lede="Someone is at a door and it will not open. Start with what the decision engine says.">
      <p className="note">
        The guided diagnosis (phone platform, reader compatibility, sync state, live NFC and BLE tests, one-click fixes)
        arrives with the helpdesk feature. Below is only the decision engine's answer for each of the person's
        credentials.
      </p>
      <Loaded value={site} what="the site">
        {(value) => (settings.status === 'loading' ? null : <CredentialsAtDoor index={indexSite(value)} defaultDoor={defaultDoor} />)}
      </Loaded>
    </Page>
  )
}

function CredentialsAtDoor({ index, defaultDoor }: { index: SiteIndex; defaultDoor: Id | null }) {
  const firstDoor = defaultDoor !== null && index.doors.has(defaultDoor) ? defaultDoor : index.site.doors[0]?.id
  const [personKey, setPersonKey] = useState(() => (index.site.people[0] ? idKey(index.site.people[0].id) : ''))
  const [doorKey, setDoorKey] = useState(() => (firstDoor === undefined ? '' : idKey(firstDoor)))
  const [checkedAt, setCheckedAt] = useState(() => Date.now())
  const personId = idFromKey(personKey)
  const doorId = idFromKey(doorKey)
  const credentials = (personId === null ? undefined : index.credentialsByPerson.get(personId)) ?? []
  return (
    <>
      <form className="form" aria-label="Who and where" onSubmit={(e) => e.preventDefault()}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="troubleshoot-person">Person</label>
            <select id="troubleshoot-person" value={personKey} onChange={(e) => setPersonKey(e.target.value)}>
              {index.site.people.map((person) => (
                <option key={idKey(person.id)} value={idKey(person.id)}>
                  {personName(person)} · {person.email}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="troubleshoot-door">Door</label>
            <select id="troubleshoot-door" value={doorKey} onChange={(e) => setDoorKey(e.target.value)}>
              {index.site.doors.map((door) => (
                <option key={idKey(door.id)} value={idKey(door.id)}>
                  {door.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field-action">
            <button type="button" onClick={() => setCheckedAt(Date.now())}>
              Check again now
            </button>
          </div>
        </div>
      </form>
      {doorId === null ? null : <DecisionsTable index={index} doorId={doorId} credentials={credentials} epochMs={checkedAt} />}
    </>
  )
}

interface DecisionsTableProps {
  index: SiteIndex
  doorId: Id
  credentials: readonly Credential[]
  epochMs: number
}

function DecisionsTable({ index, doorId, credentials, epochMs }: DecisionsTableProps) {
  const local = localAt(index.site.site.timezone, epochMs)
  const compiled = compiledFor(index.site)
  const at = new Date(epochMs).toISOString()
  const rows = credentials.map((credential) => ({
    credential,
    decision: decide(compiled, { door_id: doorId, credential_type_id: credential.credential_type_id, value: credential.value, at })
  }))
  return (
    <div className="section table-wrap">
      <table className="data" data-testid="troubleshoot-decisions">
        <caption>
          At {index.doors.get(doorId)?.name ?? 'this door'}, {local.date} {local.time} site time
        </caption>
        <thead>
          <tr>
            <th scope="col">Credential</th>
            <th scope="col">State</th>
            <th scope="col">Decision</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                This person has no credentials, so no door will open for them.
              </td>
            </tr>
          ) : null}
          {rows.map(({ credential, decision }) => {
            const type = index.types.get(credential.credential_type_id)
            const failed = decision.checks.filter((check) => !check.passed)
            return (
              <tr key={idKey(credential.id)}>
                <th scope="row">
                  {type?.label ?? 'Unknown type'}
                  {credential.label ? ` · ${credential.label}` : ''} <span className="mono muted">{shownValue(credential, type)}</span>
                </th>
                <td>
                  <CredentialStatePill credential={credential} />
                </td>
                <td>
                  <Verdict decision={decision} /> <code>{decision.code}</code>
                </td>
                <td>{failed.length === 0 ? (decision.checks.at(-1)?.detail ?? '') : failed.map((check) => <div key={check.check}>{check.detail}</div>)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
