import { useAppData } from '../hooks/useAppData'
import { ConnectionIndicator } from './ConnectionIndicator'
import { LintelMark } from './LintelMark'
import { SimulatedBadge } from './StatusPill'

/** Product name, the open site with its time zone, simulated radios, and the link state. */
export function AppHeader() {
  const { info, summary } = useAppData()
  return (
    <header className="app-header">
      <div className="brand">
        <LintelMark />
        <span>Lintel</span>
      </div>
      <div className="site-identity">
        <span className="visually-hidden">Open site: </span>
        {summary.status === 'ok' ? (
          <>
            <span className="site-name">{summary.value.name}</span>
            <span className="site-zone">{summary.value.timezone}</span>
          </>
        ) : (
          <span className="site-zone">{summary.status === 'error' ? 'No site open' : 'Opening site…'}</span>
        )}
      </div>
      <div className="header-status">
        {info.status === 'ok' && info.value.simulated.ble ? <SimulatedBadge what="BLE" /> : null}
        {info.status === 'ok' && info.value.simulated.nfc ? <SimulatedBadge what="NFC" /> : null}
        <ConnectionIndicator />
      </div>
    </header>
  )
}
