import { useMemo, useState } from 'react'
import { decide } from '../../../shared/decision'
import type { Settings } from '../../../shared/domain/settings'
import { DecisionView } from '../components/DecisionView'
import { Loaded } from '../components/Loaded'
import { MainAgreement } from '../components/MainAgreement'
import { Page } from '../components/Page'
import { WhatIfForm } from '../components/WhatIfForm'
import { compiledFor } from '../compiledSite'
import { useAppData } from '../hooks/useAppData'
import { idFromKey, indexSite, type SiteIndex } from '../siteIndex'
import { initialWhatIf, requestFrom } from '../whatIf'

/** Ask the decision engine "would this credential open this door at this time?" as you type. */
export function WhatIfPage() {
  const { site, settings } = useAppData()
  return (
    <Page slug="what-if" title="What-if" lede="Would this credential open this door at this time? The answer updates as you edit.">
      <Loaded value={site} what="the site">
        {(value) =>
          settings.status === 'loading' ? null : (
            <WhatIfPanel index={indexSite(value)} settings={settings.status === 'ok' ? settings.value : undefined} />
          )
        }
      </Loaded>
    </Page>
  )
}

function WhatIfPanel({ index, settings }: { index: SiteIndex; settings: Settings | undefined }) {
  const [input, setInput] = useState(() => initialWhatIf(index, settings, Date.now()))
  const outcome = useMemo(() => requestFrom(index, input), [index, input])
  const decision = useMemo(() => (outcome.ok ? decide(compiledFor(index.site), outcome.request) : null), [index, outcome])
  const doorId = idFromKey(input.doorKey)
  const doorName = doorId === null ? undefined : index.doors.get(doorId)?.name
  return (
    <div className="whatif">
      <WhatIfForm index={index} input={input} onChange={setInput} outcome={outcome} />
      <section aria-label="Decision">
        <h2>Decision</h2>
        {outcome.ok && decision ? (
          <>
            <DecisionView decision={decision} question={`${doorName ?? 'Unknown door'} · ${input.date} ${input.time}`} />
            <MainAgreement request={outcome.request} local={decision} />
          </>
        ) : (
          <p className="note" role="status">
            {outcome.ok ? '' : outcome.problem}
          </p>
        )}
      </section>
    </div>
  )
}
