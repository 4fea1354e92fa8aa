import type { TapEvent } from '../../../shared/nfc'
import type { SiteIndex } from '../siteIndex'
import { holderOf, tapSummary, tapVerdict } from '../tapText'
import { StatusPill } from './StatusPill'

/** Every tap this session, newest first, with an announcement of the newest for screen readers. */
export function TapLog({ taps, index }: { taps: readonly TapEvent[]; index: SiteIndex }) {
  const newest = taps.at(-1)
  return (
    <div className="table-wrap">
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="tap-announcement">
        {newest ? `Tap ${newest.seq + 1}: ${tapVerdict(newest)}. ${holderOf(index, newest) ?? tapSummary(index, newest)}` : ''}
      </p>
      <table className="data" data-testid="tap-log">
        <caption>Taps ({taps.length})</caption>
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            <th scope="col">Time</th>
            <th scope="col">Presented</th>
            <th scope="col">Person</th>
            <th scope="col">Result</th>
            <th scope="col" className="num">Read (ms)</th>
          </tr>
        </thead>
        <tbody>
          {taps.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                No taps yet. Hold a card or phone on the reader.
              </td>
            </tr>
          ) : (
            [...taps].reverse().map((event) => <TapRow key={event.seq} event={event} index={index} />)
          )}
        </tbody>
      </table>
    </div>
  )
}

function TapRow({ event, index }: { event: TapEvent; index: SiteIndex }) {
  const tone = event.tap.error || (event.decision && !event.decision.granted) ? 'denied' : event.decision ? 'granted' : 'neutral'
  return (
    <tr>
      <td className="num">{event.seq + 1}</td>
      <td>{new Date(event.tap.at).toLocaleTimeString()}</td>
      <th scope="row">{tapSummary(index, event)}</th>
      <td>{holderOf(index, event) ?? '—'}</td>
      <td>
        <StatusPill tone={tone}>{tapVerdict(event)}</StatusPill>
      </td>
      <td className="num">{event.tap.latency_ms.toFixed(1)}</td>
    </tr>
  )
}
