import type { Diagnosis } from '../../../../shared/diagnose'

const KIND = { admit: 'Admitted', reject: 'Rejected', other: 'Event' } as const

/** The door's own recent events: what it saw, newest first (PIN numbers arrive masked), or that they are not available yet. */
export function DoorEvents({ diagnosis }: { diagnosis: Diagnosis }) {
  const events = diagnosis.events ?? null
  return (
    <section className="section" aria-labelledby="troubleshoot-events-title">
      <h2 id="troubleshoot-events-title">What {diagnosis.door.name} saw</h2>
      {events === null ? (
        <p className="muted">The door&apos;s events are not available yet: Lintel&apos;s copy of the site does not hold DoorFlow&apos;s events.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="troubleshoot-events">
            <caption>
              Events in the {events.window_minutes} minutes before {diagnosis.local_time}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Verdict</th>
                <th scope="col">Event</th>
                <th scope="col">Credential</th>
              </tr>
            </thead>
            <tbody>
              {events.items.length === 0 ? (
                <tr>
                  <td colSpan={4} className="muted">No events from this door in that window.</td>
                </tr>
              ) : null}
              {events.items.map((e, i) => (
                <tr key={`${e.at}-${i}`} className={e.theirs ? 'theirs' : undefined}>
                  <td>{e.local_time}</td>
                  <td>{KIND[e.kind]} ({e.code})</td>
                  <td>
                    {e.label}
                    {e.theirs ? <span className="muted"> · {diagnosis.person.name}</span> : null}
                  </td>
                  <td>{e.credential_number ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
