import { useId, useState } from 'react'
import type { Person } from '../../../shared/domain/site'
import { CredentialStatePill } from '../components/CredentialState'
import { Loaded } from '../components/Loaded'
import { Page } from '../components/Page'
import { StatusPill } from '../components/StatusPill'
import { useAppData } from '../hooks/useAppData'
import { idKey, indexSite, type SiteIndex } from '../siteIndex'
import { personName, shownValue } from '../siteText'
import { siteDateTime } from '../siteTime'

/** People and their credentials, read-only until the provisioning store and forms arrive. */
export function ProvisionPage() {
  const { site } = useAppData()
  return (
    <Page slug="provision" title="Provision" lede="People, their groups and the credentials issued to them. PINs are always masked.">
      <p className="note">
        Issuing, editing, bulk import and sync to DoorFlow arrive with the provisioning feature. This page is read-only
        until then.
      </p>
      <Loaded value={site} what="people and credentials">
        {(value) => <PeopleAndCredentials index={indexSite(value)} />}
      </Loaded>
    </Page>
  )
}

function matches(person: Person, query: string): boolean {
  const q = query.trim().toLowerCase()
  return q === '' || personName(person).toLowerCase().includes(q) || person.email.toLowerCase().includes(q)
}

function PeopleAndCredentials({ index }: { index: SiteIndex }) {
  const [query, setQuery] = useState('')
  const filterId = useId()
  const people = index.site.people.filter((person) => matches(person, query))
  return (
    <>
      <div className="field">
        <label htmlFor={filterId}>Find a person by name or email</label>
        <input id={filterId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="muted" role="status">
        {people.length === index.site.people.length ? `${people.length} people` : `${people.length} of ${index.site.people.length} people`}
      </p>
      <div className="section">
        <PeopleTable index={index} people={people} />
      </div>
      <div className="section">
        <CredentialsTable index={index} people={people} />
      </div>
    </>
  )
}

function validity(index: SiteIndex, person: Person): string {
  const zone = index.site.site.timezone
  const from = person.valid_from ? siteDateTime(zone, person.valid_from) : null
  const to = person.valid_to ? siteDateTime(zone, person.valid_to) : null
  if (!from && !to) return 'Always'
  if (from && to) return `${from} – ${to}`
  return from ? `From ${from}` : `Until ${to ?? ''}`
}

function PeopleTable({ index, people }: { index: SiteIndex; people: readonly Person[] }) {
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function CredentialsTable({ index, people }: { index: SiteIndex; people: readonly Person[] }) {
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
