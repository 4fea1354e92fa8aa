import { describeOffset, describeUtc, localAt, resolveLocal, type LocalWhen, type SiteInstant } from '../siteTime'

interface WhenFieldsProps<T extends LocalWhen> {
  timeZone: string
  input: T
  onChange: (input: T) => void
  /** The instant the form resolved the reading to, or that it did not resolve. */
  outcome: { readonly ok: true; readonly at: SiteInstant } | { readonly ok: false }
  /** Prefix for the controls' ids, unique on the page. */
  idPrefix?: string
}

/** Date and time on the site's clocks, the instant they mean, and a choice in a repeated hour. */
export function WhenFields<T extends LocalWhen>({ timeZone, input, onChange, outcome, idPrefix = 'whatif' }: WhenFieldsProps<T>) {
  const resolved = resolveLocal(timeZone, { date: input.date, time: input.time })
  const setNow = (): void => onChange({ ...input, ...localAt(timeZone, Date.now()) })
  return (
    <fieldset>
      <legend>When (site time, {timeZone})</legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${idPrefix}-date`}>Date</label>
          <input id={`${idPrefix}-date`} type="date" value={input.date} onChange={(e) => onChange({ ...input, date: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-time`}>Time</label>
          <input id={`${idPrefix}-time`} type="time" value={input.time} onChange={(e) => onChange({ ...input, time: e.target.value })} />
        </div>
        <div className="field-action">
          <button type="button" onClick={setNow}>
            Now
          </button>
        </div>
      </div>
      {resolved.kind === 'repeated' ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-repeated`}>{input.time} happens twice that night (the clocks go back)</label>
          <select
            id={`${idPrefix}-repeated`}
            value={input.repeated}
            onChange={(e) => onChange({ ...input, repeated: e.target.value === 'later' ? 'later' : 'earlier' })}
          >
            <option value="earlier">The first time ({describeOffset(resolved.earlier.offsetMs)})</option>
            <option value="later">The second time ({describeOffset(resolved.later.offsetMs)})</option>
          </select>
        </div>
      ) : null}
      {outcome.ok ? (
        <p className="hint muted" data-testid={`${idPrefix}-instant`}>
          <code>{outcome.at.iso}</code>
          {outcome.at.offsetMs === 0 ? ' · the same as UTC' : ` · ${describeOffset(outcome.at.offsetMs)} · ${describeUtc(outcome.at.epochMs)}`}
        </p>
      ) : null}
    </fieldset>
  )
}
