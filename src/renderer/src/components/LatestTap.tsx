import type { TapEvent } from '../../../shared/nfc'
import type { SiteIndex } from '../siteIndex'
import { holderOf, tapSummary } from '../tapText'
import { DecisionView } from './DecisionView'
import { StatusPill } from './StatusPill'

/** The newest tap: what the card said, and the engine's verdict with every check. */
export function LatestTap({ event, index }: { event: TapEvent; index: SiteIndex }) {
  const { tap } = event
  const door = event.door_id === null ? undefined : index.doors.get(event.door_id)
  const holder = holderOf(index, event)
  return (
    <div data-testid="latest-tap">
      <dl className="facts">
        <div>
          <dt>Presented</dt>
          <dd>{tap.error ? '—' : tapSummary(index, event)}</dd>
        </div>
        <div>
          <dt>Person</dt>
          <dd>{holder ?? '—'}</dd>
        </div>
        <div>
          <dt>Card</dt>
          <dd>
            ISO/IEC {tap.standard}, UID <code>{tap.uid ?? '—'}</code>
            {tap.aid ? (
              <>
                , AID <code>{tap.aid}</code>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Read in</dt>
          <dd className="num">{tap.latency_ms.toFixed(1)} ms</dd>
        </div>
      </dl>
      {tap.error ? (
        <div className="verdict" role="status" aria-live="polite">
          <StatusPill tone="denied" large>
            Read failed
          </StatusPill>
          <code>{tap.error.code}</code>
          <span>{tap.error.message}</span>
        </div>
      ) : event.decision ? (
        <DecisionView decision={event.decision} question={`${door?.name ?? 'Unknown door'} · ${new Date(tap.at).toLocaleTimeString()}`} />
      ) : (
        <p className="note" role="status">
          {event.unmatched ?? 'Choose a door to decide taps at.'}
        </p>
      )}
    </div>
  )
}
