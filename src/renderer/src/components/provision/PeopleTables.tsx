import type { Person } from '../../../../shared/domain/site'
import type { RecordState } from '../../../../shared/provisioning/contract'
import { idKey, type SiteIndex } from '../../siteIndex'
import { personName, shownValue } from '../../siteText'
import { siteDateTime } from '../../siteTime'
import { CredentialStatePill } from '../CredentialState'
import { StatusPill } from '../StatusPill'
import { SyncStatePill } from './SyncStatePill'

type StateOf = (entity: RecordState['entity'], id: unknown) => RecordState | undefined

function validity(index: SiteIndex, person: Person): string {
  const zone = index.site.site.timezone
  const from = person.valid_from ? siteDateTime(zone, person.valid_from) : null
  const to = person.valid_to ? siteDateTime(zone, person.valid_to) : null
  if (!from && !to) return 'Always'
  if (from && to) return `${from} – ${to}`
  return from ? `From ${from}` : `Until ${to ?? ''}`
}

/** People with their groups, access window, state and sync state; Edit opens the person. */
export function PeopleTable({ index, people, stateOf, onEdit }: { index: SiteIndex; people: readonly Person[]; stateOf: StateOf; onEdit(person: Person): void }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>People</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Groups</th>
            <th scope="col">Access window (site time)</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Credentials</th>
            <th scope="col">Sync</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={idKey(person.id)}>
              <th scope="row">{personName(person)}</th>
              <td>{person.email}</td>
              <td>{person.group_ids.map((id) => index.groups.get(id)?.name ?? `group ${idKey(id)}`).join(', ')}</td>
              <td>{validity(index, person)}</td>
              <td>{person.enabled ? <StatusPill tone="granted">Enabled</StatusPill> : <StatusPill tone="denied">Disabled</StatusPill>}</td>
              <td className="num">{index.credentialsByPerson.get(person.id)?.length ?? 0}</td>
              <td>
                <SyncStatePill state={stateOf('person', person.id)} />
              </td>
              <td>
                <button type="button" onClick={() => onEdit(person)} aria-label={`Edit ${personName(person)}`}>
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Every credential of the listed people; PIN values are masked. */
export function CredentialsTable({ index, people }: { index: SiteIndex; people: readonly Person[] }) {
  const rows = people.flatMap((person) => (index.credentialsByPerson.get(person.id) ?? []).map((credential) => ({ person, credential })))
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Credentials ({rows.length})</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Type</th>
            <th scope="col">Value</th>
            <th scope="col">Label</th>
            <th scope="col">Device</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ person, credential }) => {
            const type = index.types.get(credential.credential_type_id)
            return (
              <tr key={idKey(credential.id)}>
                <th scope="row">{personName(person)}</th>
                <td>{type?.label ?? `type ${idKey(credential.credential_type_id)}`}</td>
                <td className="mono">{shownValue(credential, type)}</td>
                <td>{credential.label ?? ''}</td>
                <td>{credential.device ?? ''}</td>
                <td>
                  <CredentialStatePill credential={credential} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
