import { useState } from 'react'
import type { BleReader, BleStatus } from '../../../shared/domain/hardware'
import { ErrorAlert } from '../components/ErrorAlert'
import { Loaded } from '../components/Loaded'
import { Page } from '../components/Page'
import { RadioStatus } from '../components/RadioStatus'
import { SimulatedBadge, StatusPill } from '../components/StatusPill'
import { CalibrationTable } from '../components/survey/CalibrationTable'
import { PlanView } from '../components/survey/PlanView'
import { RangeTestWizard } from '../components/survey/RangeTestWizard'
import { SavedSurveys } from '../components/survey/SavedSurveys'
import { ScanTable } from '../components/survey/ScanTable'
import { useAppData } from '../hooks/useAppData'
import { useResult } from '../hooks/useResult'
import { useScan } from '../hooks/useScan'
import '../styles/survey.css'

/** BLE door survey: live scan, range test wizard with live RSSI, results, saved surveys, reports and calibration. */
export function SurveyPage() {
  const status = useResult((api) => api.ble.status({}), { on: (api) => api.ble.on.status })
  const readers = useResult((api) => api.ble.readers({}))
  const { settings } = useAppData()
  const threshold = settings.status === 'ok' ? settings.value.unlockThresholdDbm : -70
  const [chosen, setChosen] = useState('')
  const [wizardKey, setWizardKey] = useState(0)
  const choose = (address: string) => {
    setChosen(address)
    setWizardKey((k) => k + 1)
    document.getElementById('range-test-title')?.scrollIntoView?.({ block: 'start' })
  }
  return (
    <Page slug="survey" title="Survey" lede="Where BLE door readers are, and whether phones open them at the right distance — and not from the wrong side.">
      <Loaded value={status} what="the Bluetooth status">
        {(value) => <BleStatusCard status={value} />}
      </Loaded>
      <section className="section" aria-labelledby="scan-title">
        <h2 id="scan-title">Live scan</h2>
        <ScanPanel onChooseReader={choose} />
      </section>
      <section className="section" aria-labelledby="range-test-title">
        <h2 id="range-test-title">Range test</h2>
        <p className="muted">Test at each door: marks in front of the door should unlock, marks behind it must not. Metal doors and concrete walls show up in the verdict.</p>
        <Loaded value={readers} what="door readers">
          {(value) => <RangeTestWizard key={wizardKey} readers={value} address={chosen} threshold={threshold} />}
        </Loaded>
      </section>
      <section className="section" aria-labelledby="plan-title">
        <h2 id="plan-title">Floor plan</h2>
        <p className="muted">Coverage per reader on the building's plan: where the door unlocks reliably, and where it leaks to the wrong side. The demo site's plan is shown until you open a survey project or load a plan image to edit.</p>
        <PlanSection readers={readers.status === 'ok' ? readers.value : []} />
      </section>
      <section className="section" aria-labelledby="saved-title">
        <h2 id="saved-title">Saved surveys</h2>
        <SavedSurveys />
      </section>
      <section className="section" aria-labelledby="calibration-title">
        <h2 id="calibration-title">Calibration</h2>
        <Loaded value={status} what="the scanning device">
          {(value) => <CalibrationTable device={deviceOf(value)} />}
        </Loaded>
      </section>
      <section className="section" aria-labelledby="readers-title">
        <h2 id="readers-title">Known door readers</h2>
        <Loaded value={readers} what="door readers">
          {(value) => <ReadersTable readers={value} onChoose={choose} />}
        </Loaded>
      </section>
    </Page>
  )
}

/** The Plan view with the scan's known readers to link and its live rows to take a mark's samples from. */
function PlanSection({ readers }: { readers: readonly BleReader[] }) {
  const { batch } = useScan()
  return <PlanView exportable bleReaders={readers.map((r) => ({ id: r.id, name: r.name }))} scanRows={batch?.rows ?? []} />
}

function deviceOf(status: BleStatus): { id: string; label: string } {
  if (status.mode === 'simulated') return { id: 'simulated', label: 'virtual RF site' }
  const port = /^HCI UART dongle on (.+)$/.exec(status.adapter)?.[1]
  return port ? { id: `uart:${port}`, label: status.adapter } : { id: 'default', label: status.adapter }
}

function ScanPanel({ onChooseReader }: { onChooseReader: (address: string) => void }) {
  const { batch, error, busy, start, stop } = useScan()
  const scanning = batch?.scanning ?? false
  return (
    <div>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void (scanning ? stop() : start())}>
          {scanning ? 'Stop scan' : 'Start scan'}
        </button>
        <span className="muted" role="status">
          {scanning ? `Scanning: ${batch?.advertsPerSecond ?? 0} adverts/s from ${batch?.advertisers ?? 0} advertisers` : 'Not scanning.'}{' '}
          {batch?.simulated ? <SimulatedBadge /> : null}
        </span>
      </div>
      {error ? <ErrorAlert error={error} context="The scan could not start" /> : null}
      <ScanTable rows={batch?.rows ?? []} total={batch?.advertisers ?? 0} onChooseReader={(row) => onChooseReader(row.address)} />
    </div>
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

function ReadersTable({ readers, onChoose }: { readers: readonly BleReader[]; onChoose: (address: string) => void }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Known door readers ({readers.length})</caption>
        <thead>
          <tr>
            <th scope="col">Reader</th>
            <th scope="col">Address</th>
            <th scope="col">Credentials over BLE</th>
            <th scope="col" className="num">TX power (dBm)</th>
            <th scope="col" className="num">Advertising interval (ms)</th>
            <th scope="col">Source</th>
            <th scope="col">Actions</th>
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
                <td className="mono">{reader.address}</td>
                <td>{reader.technology}</td>
                <td className="num">{reader.txPowerDbm}</td>
                <td className="num">{reader.advIntervalMs.toFixed(2)}</td>
                <td>{reader.simulated ? <SimulatedBadge /> : <StatusPill tone="neutral">Real</StatusPill>}</td>
                <td>
                  <button type="button" aria-label={`Range test ${reader.name}`} onClick={() => onChoose(reader.address)}>
                    Range test
                  </button>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}
