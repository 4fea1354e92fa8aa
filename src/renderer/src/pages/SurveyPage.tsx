import type { BleReader, BleStatus } from '../../../shared/domain/hardware'
import { Loaded } from '../components/Loaded'
import { Page } from '../components/Page'
import { RadioStatus } from '../components/RadioStatus'
import { SimulatedBadge, StatusPill } from '../components/StatusPill'
import { useAppData } from '../hooks/useAppData'
import { useResult } from '../hooks/useResult'
import { idKey, indexSite } from '../siteIndex'

/** BLE door survey: the radio's status and the door readers the survey knows about. */
export function SurveyPage() {
  const status = useResult((api) => api.ble.status({}), { on: (api) => api.ble.on.status })
  const readers = useResult((api) => api.ble.readers({}))
  return (
    <Page slug="survey" title="Survey" lede="Where BLE door readers are, and whether phones will open them at the right distance.">
      <Loaded value={status} what="the Bluetooth status">
        {(value) => <BleStatusCard status={value} />}
      </Loaded>
      <p className="note">
        Scanning, range walk tests and survey reports arrive with the BLE survey feature. Until then this page lists the
        readers Lintel knows about.
      </p>
      <div className="section">
        <Loaded value={readers} what="door readers">
          {(value) => <ReadersTable readers={value} />}
        </Loaded>
      </div>
    </Page>
  )
}

function BleStatusCard({ status }: { status: BleStatus }) {
  return (
    <RadioStatus
      title="Bluetooth radio"
      mode={status.mode}
      facts={[
        ['Adapter', status.adapter],
        ['State', <StatusPill tone={status.state === 'poweredOn' || status.state === 'simulated' ? 'neutral' : 'denied'}>{status.state}</StatusPill>]
      ]}
      advice={status.advice}
    />
  )
}

function ReadersTable({ readers }: { readers: readonly BleReader[] }) {
  const { site } = useAppData()
  const doorName = (doorId: BleReader['doorId']): string => {
    if (doorId === null) return 'Not assigned'
    const door = site.status === 'ok' ? indexSite(site.value).doors.get(doorId) : undefined
    return door?.name ?? `door ${idKey(doorId)}`
  }
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Known door readers ({readers.length})</caption>
        <thead>
          <tr>
            <th scope="col">Reader</th>
            <th scope="col">Door</th>
            <th scope="col">Address</th>
            <th scope="col">Credentials over BLE</th>
            <th scope="col" className="num">TX power (dBm)</th>
            <th scope="col" className="num">Advertising interval (ms)</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {readers.length === 0 ? (
            <tr>
              <td colSpan={7} className="muted">
                No door readers are known yet.
              </td>
            </tr>
          ) : (
            readers.map((reader) => (
              <tr key={reader.id}>
                <th scope="row">{reader.name}</th>
                <td>{doorName(reader.doorId)}</td>
                <td className="mono">{reader.address}</td>
                <td>{reader.technology}</td>
                <td className="num">{reader.txPowerDbm}</td>
                <td className="num">{reader.advIntervalMs.toFixed(2)}</td>
                <td>{reader.simulated ? <SimulatedBadge /> : <StatusPill tone="neutral">Real</StatusPill>}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}
