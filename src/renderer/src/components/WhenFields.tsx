import { describeOffset, describeUtc, localAt, resolveLocal } from '../siteTime'
import type { WhatIfInput, WhatIfRequest } from '../whatIf'

interface WhenFieldsProps {
  timeZone: string
  input: WhatIfInput
  onChange: (input: WhatIfInput) => void
  outcome: WhatIfRequest
}

/** Date and time on the site's clocks, the instant they mean, and a choice in a repeated hour. */
export function WhenFields({ timeZone, input, onChange, outcome }: WhenFieldsProps) {
  const resolved = resolveLocal(timeZone, { date: input.date, time: input.time })
  const setNow = (): void => onChange({ ...input, ...localAt(timeZone, Date.now()) })
  return (
    <fieldset>
      <legend>When (site time, {timeZone})</legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor="whatif-date">Date</label>
          <input id="whatif-date" type="date" value={input.date} onChange={(e) => onChange({ ...input, date: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="whatif-time">Time</label>
          <input id="whatif-time" type="time" value={input.time} onChange={(e) => onChange({ ...input, time: e.target.value })} />
        </div>
        <div className="field-action">
          <button type="button" onClick={setNow}>
            Now
          </button>
        </div>
      </div>
      {resolved.kind === 'repeated' ? (
        <div className="field">
          <label htmlFor="whatif-repeated">{input.time} happens twice that night (the clocks go back)</label>
          <select
            id="whatif-repeated"
            value={input.repeated}
            onChange={(e) => onChange({ ...input, repeated: e.target.value === 'later' ? 'later' : 'earlier' })}
          >
            <option value="earlier">The first time ({describeOffset(resolved.earlier.offsetMs)})</option>
            <option value="later">The second time ({describeOffset(resolved.later.offsetMs)})</option>
          </select>
        </div>
      ) : null}
      {outcome.ok ? (
        <p className="hint muted" data-testid="whatif-instant">
          <code>{outcome.at.iso}</code>
          {outcome.at.offsetMs === 0 ? ' · the same as UTC' : ` · ${describeOffset(outcome.at.offsetMs)} · ${describeUtc(outcome.at.epochMs)}`}
        </p>
      ) : null}
    </fieldset>
  )
}
