import type { NfcStatus } from '../../../shared/domain/hardware'
import { Loaded } from '../components/Loaded'
import { Page } from '../components/Page'
import { RadioStatus } from '../components/RadioStatus'
import { SimulatedBadge, StatusPill } from '../components/StatusPill'
import { useResult } from '../hooks/useResult'

/** NFC verification: the PC/SC service and the readers a card or phone can be tapped on. */
export function VerifyPage() {
  const status = useResult((api) => api.nfc.status({}), { on: (api) => api.nfc.on.status })
  return (
    <Page slug="verify" title="Verify" lede="Tap a card or phone on a USB NFC reader and check what it presents.">
      <Loaded value={status} what="the NFC status">
        {(value) => (
          <>
            <NfcStatusCard status={value} />
            <p className="note">
              Reading taps, the tap log and tap-test statistics arrive with the NFC verification feature. Until then this
              page shows the PC/SC service and its readers.
            </p>
            <div className="section">
              <NfcReadersTable readers={value.readers} />
            </div>
          </>
        )}
      </Loaded>
    </Page>
  )
}

function NfcStatusCard({ status }: { status: NfcStatus }) {
  const running = status.pcscd === 'running'
  return (
    <RadioStatus
      title="NFC readers (PC/SC)"
      mode={status.mode}
      facts={[
        [
          'PC/SC service (pcscd)',
          <StatusPill tone={running ? 'granted' : 'denied'}>{running ? 'Running' : 'Not found'}</StatusPill>
        ],
        ['Readers', <span className="num">{status.readers.length}</span>]
      ]}
      advice={status.advice}
    />
  )
}

function NfcReadersTable({ readers }: { readers: NfcStatus['readers'] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Readers ({readers.length})</caption>
        <thead>
          <tr>
            <th scope="col">Reader</th>
            <th scope="col">Card on reader</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {readers.length === 0 ? (
            <tr>
              <td colSpan={3} className="muted">
                No readers. Plug in a USB NFC reader.
              </td>
            </tr>
          ) : (
            readers.map((reader) => (
              <tr key={reader.name}>
                <th scope="row">{reader.name}</th>
                <td>{reader.cardPresent ? 'Yes' : 'No'}</td>
                <td>{reader.simulated ? <SimulatedBadge /> : <StatusPill tone="neutral">Real</StatusPill>}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}
