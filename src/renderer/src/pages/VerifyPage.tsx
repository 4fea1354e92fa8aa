import { useEffect, useMemo, useState } from 'react'
import type { Settings } from '../../../shared/domain/settings'
import type { CredentialType } from '../../../shared/domain/site'
import { tapStatistics } from '../../../shared/nfc'
import { LatestTap } from '../components/LatestTap'
import { Loaded } from '../components/Loaded'
import { NfcReadersTable, NfcStatusCard } from '../components/NfcStatusCard'
import { Page } from '../components/Page'
import { SimulatedTapPanel } from '../components/SimulatedTapPanel'
import { TapLog } from '../components/TapLog'
import { TapStatisticsView } from '../components/TapStatisticsView'
import { TapToEnrol } from '../components/TapToEnrol'
import { useApi } from '../hooks/useApi'
import { useAppData } from '../hooks/useAppData'
import { useNfcTaps } from '../hooks/useNfcTaps'
import { useResult } from '../hooks/useResult'
import { idFromKey, idKey, indexSite, type SiteIndex } from '../siteIndex'
import { personName } from '../siteText'
import { DoorSelect } from '../components/DoorSelect'

/** NFC verification: tap a card or phone, see what it presents and whether the chosen door opens. */
export function VerifyPage() {
  const { site, settings } = useAppData()
  return (
    <Page slug="verify" title="Verify" lede="Tap a card or phone on a USB NFC reader and check what it presents and whether the door opens.">
      <Loaded value={site} what="the site">
        {(value) => (settings.status === 'loading' ? null : <VerifyPanel index={indexSite(value)} settings={settings.status === 'ok' ? settings.value : undefined} />)}
      </Loaded>
    </Page>
  )
}

function VerifyPanel({ index, settings }: { index: SiteIndex; settings: Settings | undefined }) {
  const api = useApi()
  const status = useResult((a) => a.nfc.status({}), { on: (a) => a.nfc.on.status })
  const [doorKey, setDoorKey] = useState(() => initialDoorKey(index, settings))
  useEffect(() => {
    void api.nfc.startReading({ doorId: idFromKey(doorKey) })
  }, [api, doorKey])
  const taps = useNfcTaps()
  const [since, setSince] = useState(-1)
  const stats = useMemo(() => tapStatistics(taps.filter((t) => t.seq > since).map((t) => t.tap)), [taps, since])
  const latest = taps.at(-1)
  return (
    <>
      <Loaded value={status} what="the NFC status">
        {(value) => <NfcStatusCard status={value} />}
      </Loaded>
      <DoorSelect id="verify-door" className="field section" doors={index.site.doors} value={doorKey} onChange={setDoorKey} />
      {status.status === 'ok' && status.value.mode === 'simulated' ? <SimulatedTapPanel index={index} /> : null}
      <section className="section" aria-labelledby="latest-tap-title">
        <h2 id="latest-tap-title">Latest tap</h2>
        {latest ? <LatestTap event={latest} index={index} /> : <p className="muted">No taps yet.</p>}
      </section>
      <section className="section" aria-labelledby="tap-test-title">
        <h2 id="tap-test-title">Tap test</h2>
        <TapStatisticsView stats={stats} />
        <div className="actions">
          <button type="button" onClick={() => setSince(latest?.seq ?? -1)}>
            Start a new tap test
          </button>
        </div>
      </section>
      <section className="section" aria-label="Tap log">
        <TapLog taps={taps} index={index} />
      </section>
      <EnrolPanel index={index} />
      {status.status === 'ok' ? (
        <div className="section">
          <NfcReadersTable readers={status.value.readers} />
        </div>
      ) : null}
    </>
  )
}

function initialDoorKey(index: SiteIndex, settings: Settings | undefined): string {
  const preferred = settings?.defaultDoorId
  const door = (preferred !== null && preferred !== undefined ? index.doors.get(preferred) : undefined) ?? index.site.doors[0]
  return door ? idKey(door.id) : ''
}

const tappable = (type: CredentialType): boolean => (type.format === 'card' && type.technology.includes('nfc')) || type.format === 'mobile'

/** Read a card's value for enrolment: checked against the type's format, with who holds it already. */
function EnrolPanel({ index }: { index: SiteIndex }) {
  const types = index.site.credential_types.filter(tappable)
  const [typeKey, setTypeKey] = useState(() => (types[0] ? idKey(types[0].id) : ''))
  const typeId = idFromKey(typeKey)
  const type = typeId === null ? undefined : index.types.get(typeId)
  const holderName = ({ person_id }: { person_id: string | number }): string | undefined => {
    const person = index.people.get(person_id)
    return person ? personName(person) : undefined
  }
  return (
    <section className="section card" aria-labelledby="enrol-title">
      <h2 id="enrol-title">Read a value to enrol</h2>
      <div className="field">
        <label htmlFor="enrol-type">Credential type</label>
        <select id="enrol-type" value={typeKey} onChange={(e) => setTypeKey(e.target.value)}>
          {types.map((t) => (
            <option key={idKey(t.id)} value={idKey(t.id)}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      {type ? <TapToEnrol key={typeKey} type={type} holderName={holderName} /> : null}
    </section>
  )
}
