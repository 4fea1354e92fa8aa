import { useId, useState } from 'react'
import type { Id, Person, Site } from '../../../shared/domain/site'
import { Loaded } from '../components/Loaded'
import { Page } from '../components/Page'
import { GroupsDoors } from '../components/provision/GroupsDoors'
import { ImportWizard } from '../components/provision/ImportWizard'
import { CredentialsTable, PeopleTable } from '../components/provision/PeopleTables'
import { PersonForm } from '../components/provision/PersonForm'
import { PersonPanel } from '../components/provision/PersonPanel'
import { stateIndex } from '../components/provision/SyncStatePill'
import { SyncPanel } from '../components/provision/SyncPanel'
import { downloadBase64, downloadText, XLSX_TYPE } from '../hooks/useAction'
import { useApi } from '../hooks/useApi'
import { useAppData } from '../hooks/useAppData'
import { useResult } from '../hooks/useResult'
import { indexSite } from '../siteIndex'
import { personName } from '../siteText'

/** Provisioning: people and their credentials, groups and doors, bulk import and sync to DoorFlow. PINs are always masked. */
export function ProvisionPage() {
  const { site, summary } = useAppData()
  const revision = summary.status === 'ok' ? summary.value.revision : 0
  const records = useResult((api) => api.provisioning.recordStates({}), { deps: [revision] })
  return (
    <Page slug="provision" title="Provision" lede="People, their groups and the credentials issued to them; bulk import and sync to DoorFlow. PINs are always masked.">
      <Loaded value={site} what="people and credentials">
        {(value) => <Provisioning site={value} records={records.status === 'ok' ? records.value.records : []} />}
      </Loaded>
      <section className="section" aria-labelledby="import-title">
        <h2 id="import-title">Bulk import</h2>
        <ImportWizard />
      </section>
      <Loaded value={site} what="the site">
        {(value) => (
          <section className="section" aria-labelledby="sync-title">
            <h2 id="sync-title">Sync with DoorFlow</h2>
            <SyncPanel site={value} records={records} />
          </section>
        )}
      </Loaded>
    </Page>
  )
}

function matches(person: Person, query: string): boolean {
  const q = query.trim().toLowerCase()
  return q === '' || personName(person).toLowerCase().includes(q) || person.email.toLowerCase().includes(q)
}

function Provisioning({ site, records }: { site: Site; records: Parameters<typeof stateIndex>[0] }) {
  const api = useApi()
  const index = indexSite(site)
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState<Id | 'new' | null>(null)
  const filterId = useId()
  const people = site.people.filter((person) => matches(person, query))
  const stateOf = stateIndex(records)
  const person = selected === null || selected === 'new' ? undefined : index.people.get(selected)
  const exportCsv = (kind: 'people' | 'credentials') => void api.provisioning.exportCsv({ kind }).then((r) => r.ok && downloadText(r.value.filename, r.value.text))
  const exportXlsx = (kind: 'people' | 'credentials') => void api.provisioning.exportXlsx({ kind }).then((r) => r.ok && downloadBase64(r.value.filename, r.value.base64, XLSX_TYPE))
  return (
    <>
      <div className="field-row">
        <div className="field">
          <label htmlFor={filterId}>Find a person by name or email</label>
          <input id={filterId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="actions field-action">
          <button type="button" onClick={() => setSelected('new')}>Add a person</button>
          <button type="button" onClick={() => exportCsv('people')}>Export people (CSV)</button>
          <button type="button" onClick={() => exportCsv('credentials')}>Export credentials (CSV)</button>
          <button type="button" onClick={() => exportXlsx('people')}>Export people (XLSX)</button>
          <button type="button" onClick={() => exportXlsx('credentials')}>Export credentials (XLSX)</button>
        </div>
      </div>
      <p className="muted" role="status">
        {people.length === site.people.length ? `${people.length} people` : `${people.length} of ${site.people.length} people`}
      </p>
      {selected === 'new' ? (
        <section className="card" aria-label="New person">
          <PersonForm groups={site.groups} onSaved={(p) => setSelected(p.id)} onCancel={() => setSelected(null)} />
        </section>
      ) : null}
      {person ? <PersonPanel site={site} person={person} stateOf={stateOf} onClose={() => setSelected(null)} /> : null}
      <div className="section">
        <PeopleTable index={index} people={people} stateOf={stateOf} onEdit={(p) => setSelected(p.id)} />
      </div>
      <div className="section">
        <CredentialsTable index={index} people={people} />
      </div>
      <section className="section" aria-labelledby="groups-doors-title">
        <h2 id="groups-doors-title">Groups and doors</h2>
        <GroupsDoors site={site} />
      </section>
    </>
  )
}
