import { useMemo, useRef, useState } from 'react'
import type { AdvertiserRow } from '../../../../shared/domain/ble'
import { Sparkline } from './Sparkline'

type SortKey = 'rssi' | 'name' | 'address'

/** Rows drawn until the user asks for all: a crowded room sends 150 rows 4 times a second. */
const FIRST_ROWS = 40

interface ScanTableProps {
  rows: readonly AdvertiserRow[]
  /** Advertisers tracked in main (the table shows the strongest). */
  total: number
  onChooseReader?: (row: AdvertiserRow) => void
}

/** The live advertiser table: known readers only or all, sorted by RSSI (or name, address), rows pinned or hidden. */
export function ScanTable({ rows, total, onChooseReader }: ScanTableProps) {
  const [readersOnly, setReadersOnly] = useState(false)
  const [sort, setSort] = useState<SortKey>('rssi')
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set())
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set())
  const [all, setAll] = useState(false)
  const lastSeen = useRef(new Map<string, AdvertiserRow>())
  const shown = useMemo(() => {
    for (const row of rows) if (pinned.has(row.address)) lastSeen.current.set(row.address, row)
    const present = new Set(rows.map((r) => r.address))
    const kept = [...pinned].filter((a) => !present.has(a)).flatMap((a) => lastSeen.current.get(a) ?? [])
    const visible = [...rows, ...kept].filter((r) => !hidden.has(r.address) && (!readersOnly || r.readerType !== null))
    return visible.sort((a, b) => Number(pinned.has(b.address)) - Number(pinned.has(a.address)) || compare(a, b, sort))
  }, [rows, pinned, hidden, readersOnly, sort])
  const drawn = all ? shown : shown.slice(0, FIRST_ROWS)
  const toggle = (set: ReadonlySet<string>, address: string) => {
    const next = new Set(set)
    if (!next.delete(address)) next.add(address)
    return next
  }
  return (
    <div className="scan-table">
      <div className="toolbar">
        <label className="choice">
          <input type="checkbox" checked={readersOnly} onChange={(e) => setReadersOnly(e.target.checked)} /> Known door readers only
        </label>
        {shown.length > FIRST_ROWS ? (
          <button type="button" aria-pressed={all} onClick={() => setAll((a) => !a)}>
            {all ? `Show the first ${FIRST_ROWS}` : `Show all ${shown.length}`}
          </button>
        ) : null}
        {hidden.size > 0 ? (
          <button type="button" onClick={() => setHidden(new Set())}>
            Show {hidden.size} hidden
          </button>
        ) : null}
      </div>
      <div className="table-wrap">
        <table className="data">
          <caption>
            Advertisers heard ({drawn.length} shown of {total})
          </caption>
          <thead>
            <tr>
              <th scope="col">Pin</th>
              <SortHeader label="Name" by="name" sort={sort} setSort={setSort} />
              <SortHeader label="Address" by="address" sort={sort} setSort={setSort} />
              <SortHeader label="RSSI (dBm)" by="rssi" sort={sort} setSort={setSort} numeric />
              <th scope="col">Recent RSSI</th>
              <th scope="col" className="num">TX power</th>
              <th scope="col">Service UUIDs</th>
              <th scope="col">Manufacturer data</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={9} className="muted">
                  No advertiser yet. Start the scan.
                </td>
              </tr>
            ) : (
              drawn.map((row) => (
                <tr key={row.address} className={pinned.has(row.address) ? 'pinned' : undefined}>
                  <td>
                    <button type="button" className="icon" aria-pressed={pinned.has(row.address)} aria-label={`Pin ${row.name ?? row.address}`} onClick={() => setPinned((p) => toggle(p, row.address))}>
                      {pinned.has(row.address) ? '★' : '☆'}
                    </button>
                  </td>
                  <th scope="row">
                    {row.name ?? <span className="muted">(no name)</span>}
                    {row.readerType ? <span className="reader-type"> · {row.readerType}</span> : null}
                  </th>
                  <td className="mono">{row.address}</td>
                  <td className="num">{row.rssi}</td>
                  <td>
                    <Sparkline values={row.history} />
                  </td>
                  <td className="num">{row.txPower ?? '—'}</td>
                  <td className="mono small">{row.serviceUuids.join(' ') || '—'}</td>
                  <td className="mono small">{row.manufacturerData ?? '—'}</td>
                  <td className="row-actions">
                    {onChooseReader && row.readerType ? (
                      <button type="button" onClick={() => onChooseReader(row)}>
                        Range test
                      </button>
                    ) : null}
                    <button type="button" aria-label={`Hide ${row.name ?? row.address}`} onClick={() => setHidden((h) => toggle(h, row.address))}>
                      Hide
                    </button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function compare(a: AdvertiserRow, b: AdvertiserRow, sort: SortKey): number {
  if (sort === 'rssi') return b.rssi - a.rssi
  if (sort === 'name') return (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')
  return a.address.localeCompare(b.address)
}

interface SortHeaderProps {
  label: string
  by: SortKey
  sort: SortKey
  setSort: (key: SortKey) => void
  numeric?: boolean
}

function SortHeader({ label, by, sort, setSort, numeric = false }: SortHeaderProps) {
  const active = sort === by
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (by === 'rssi' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort(by)}>
        {label}
        <span aria-hidden="true">{active ? (by === 'rssi' ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  )
}
