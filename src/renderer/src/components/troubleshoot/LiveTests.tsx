import type { Ref } from 'react'
import type { LiveScan, LiveTap } from '../../../../shared/diagnose'
import type { SiteIndex } from '../../siteIndex'
import { shownValue } from '../../siteText'
import { SimulatedTapPanel } from '../SimulatedTapPanel'
import { SimulatedBadge } from '../StatusPill'
import { SCAN_SECONDS, TAP_SECONDS, type RunKind } from './useDiagnosis'

interface LiveTestsProps {
  index: SiteIndex
  live: { tap: LiveTap | null; scan: LiveScan | null }
  running: RunKind | null
  disabled: boolean
  /** The demo's NFC reader is simulated: offer its tap panel so the test can be completed here. */
  simulatedNfc: boolean
  onTest(kind: 'tap' | 'scan'): void
  resultsRef?: Ref<HTMLDivElement>
}

const BUSY: Partial<Record<RunKind, string>> = {
  tap: `Ask them to hold the phone on the USB reader now. Waiting up to ${TAP_SECONDS} s…`,
  scan: `Scanning for the door's reader… (${SCAN_SECONDS} s)`
}

/** A tap on the USB NFC reader, or a BLE scan where the caller stands, folded into the diagnosis. */
export function LiveTests({ index, live, running, disabled, simulatedNfc, onTest, resultsRef }: LiveTestsProps) {
  return (
    <section className="section live-tests" aria-labelledby="live-tests-title">
      <h2 id="live-tests-title">Live tests</h2>
      <p className="muted">Each runs the diagnosis again with what the reader or radio sees now.</p>
      <div className="actions">
        <button type="button" disabled={disabled} aria-busy={running === 'tap'} onClick={() => onTest('tap')}>
          Tap test (NFC)
        </button>
        <button type="button" disabled={disabled} aria-busy={running === 'scan'} onClick={() => onTest('scan')}>
          Scan at the door (BLE)
        </button>
      </div>
      <p className="status-line live-busy" role="status" data-testid="live-busy">
        {running ? (BUSY[running] ?? '') : ''}
      </p>
      {simulatedNfc ? <SimulatedTapPanel index={index} /> : null}
      <div className="live-results" ref={resultsRef} tabIndex={-1} data-testid="live-results">
        {live.tap ? <TapResult tap={live.tap} index={index} /> : null}
        {live.scan ? <ScanResult scan={live.scan} /> : null}
      </div>
    </section>
  )
}

function TapResult({ tap, index }: { tap: LiveTap; index: SiteIndex }) {
  return (
    <div className="card">
      <h3>Tap test</h3>
      {tap.outcome === 'unavailable' ? <p>Not available: {tap.reason}</p> : null}
      {tap.outcome === 'no_tap' ? <p>Nothing was held on the reader in {tap.seconds} s.</p> : null}
      {tap.outcome === 'read_failed' ? (
        <p>
          {tap.reader} could not read it: {tap.error}
        </p>
      ) : null}
      {tap.outcome === 'presented' ? <Presented tap={tap} index={index} /> : null}
    </div>
  )
}

function Presented({ tap, index }: { tap: Extract<LiveTap, { outcome: 'presented' }>; index: SiteIndex }) {
  const type = tap.credential_type_id === null ? undefined : index.types.get(tap.credential_type_id)
  return (
    <dl className="facts">
      <div>
        <dt>Reader</dt>
        <dd>{tap.reader}</dd>
      </div>
      <div>
        <dt>Read as</dt>
        <dd>{tap.credential_type_id === null ? 'Nothing enrolled at this site matched' : (type?.label ?? String(tap.credential_type_id))}</dd>
      </div>
      {tap.value !== null ? (
        <div>
          <dt>Value</dt>
          <dd className="mono">{shownValue({ value: tap.value }, type)}</dd>
        </div>
      ) : null}
      {tap.uid !== null ? (
        <div>
          <dt>UID</dt>
          <dd className="mono">{tap.uid}</dd>
        </div>
      ) : null}
      <div>
        <dt>Read in</dt>
        <dd>{tap.latency_ms.toFixed(1)} ms</dd>
      </div>
    </dl>
  )
}

function ScanResult({ scan }: { scan: LiveScan }) {
  return (
    <div className="card">
      <h3>Scan at the door</h3>
      {scan.outcome === 'scanned' ? (
        <dl className="facts">
          <div>
            <dt>Reader</dt>
            <dd>
              {scan.reader.name} <span className="mono muted">{scan.reader.address}</span> {scan.simulated ? <SimulatedBadge /> : null}
            </dd>
          </div>
          <div>
            <dt>Heard</dt>
            <dd>
              {scan.adverts === 1 ? '1 report' : `${scan.adverts} reports`} in {scan.seconds} s
            </dd>
          </div>
          <div>
            <dt>Median signal</dt>
            <dd>{dbm(scan.median_rssi)}</dd>
          </div>
          <div>
            <dt>Strongest signal</dt>
            <dd>{dbm(scan.max_rssi)}</dd>
          </div>
          <div>
            <dt>Needed to open</dt>
            <dd>{dbm(scan.threshold_dbm)} or stronger</dd>
          </div>
        </dl>
      ) : (
        <p>
          {scan.outcome === 'unavailable' ? 'Not available' : 'No reader to listen for'}: {scan.reason}
        </p>
      )}
    </div>
  )
}

const dbm = (value: number | null): string => (value === null ? '—' : `${Number.isInteger(value) ? value : value.toFixed(1)} dBm`)
