import type { NfcState, NfcStatus } from '../../../shared/domain/hardware'
import { RadioStatus } from './RadioStatus'
import { SimulatedBadge, StatusPill, type PillTone } from './StatusPill'

const STATE_LABEL: Record<NfcState, [string, PillTone]> = {
  idle: ['Not reading', 'neutral'],
  starting: ['Starting', 'neutral'],
  ready: ['Ready', 'granted'],
  restarting: ['Restarting', 'denied'],
  pcscd_down: ['Waiting for pcscd', 'denied'],
  unavailable: ['Unavailable', 'denied']
}

/** The PC/SC service, the reader process's state, and what to do about it. */
export function NfcStatusCard({ status }: { status: NfcStatus }) {
  const running = status.pcscd === 'running'
  const [label, tone] = STATE_LABEL[status.state]
  return (
    <RadioStatus
      title="NFC readers (PC/SC)"
      mode={status.mode}
      facts={[
        ['PC/SC service (pcscd)', <StatusPill tone={running ? 'granted' : 'denied'}>{running ? 'Running' : 'Not found'}</StatusPill>],
        ['Reading', <StatusPill tone={tone}>{label}</StatusPill>],
        ['Readers', <span className="num">{status.readers.length}</span>]
      ]}
      advice={status.advice}
    />
  )
}

export function NfcReadersTable({ readers }: { readers: NfcStatus['readers'] }) {
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
