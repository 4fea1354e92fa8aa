import { useEffect, useRef, useState } from 'react'
import type { DiagnoseRequest, Diagnosis, FixAction } from '../../../shared/diagnose'
import type { Settings } from '../../../shared/domain/settings'
import type { Id } from '../../../shared/domain/site'
import { ErrorAlert } from '../components/ErrorAlert'
import { Loaded } from '../components/Loaded'
import { Page } from '../components/Page'
import { DeviceChange } from '../components/provision/DeviceChange'
import { StatusPill } from '../components/StatusPill'
import { CredentialVerdicts } from '../components/troubleshoot/CredentialVerdicts'
import { DiagnoseForm } from '../components/troubleshoot/DiagnoseForm'
import { DiagnosisReport } from '../components/troubleshoot/DiagnosisReport'
import { DoorEvents } from '../components/troubleshoot/DoorEvents'
import { OnboardingSheet } from '../components/troubleshoot/OnboardingSheet'
import { initialDiagnoseInput } from '../components/troubleshoot/diagnoseForm'
import { FindingList } from '../components/troubleshoot/FindingList'
import { FixOutcome } from '../components/troubleshoot/FixOutcome'
import { LiveTests } from '../components/troubleshoot/LiveTests'
import { useDiagnosis } from '../components/troubleshoot/useDiagnosis'
import { useAppData } from '../hooks/useAppData'
import { indexSite, type SiteIndex } from '../siteIndex'

/** Helpdesk: why does this person's phone not open this door, what fixes it, and does it work now. */
export function TroubleshootPage() {
  const { site, settings, info } = useAppData()
  const simulatedNfc = info.status === 'ok' && info.value.simulated.nfc
  return (
    <Page slug="troubleshoot" title="Troubleshoot" lede="Someone is at a door and it will not open. Find out why, fix it, and test it with them.">
      <Loaded value={site} what="the site">
        {(value) =>
          settings.status === 'loading' ? null : (
            <Troubleshooter index={indexSite(value)} settings={settings.status === 'ok' ? settings.value : undefined} simulatedNfc={simulatedNfc} />
          )
        }
      </Loaded>
    </Page>
  )
}

interface TroubleshooterProps {
  index: SiteIndex
  settings: Settings | undefined
  simulatedNfc: boolean
}

function Troubleshooter({ index, settings, simulatedNfc }: TroubleshooterProps) {
  const [input, setInput] = useState(() => initialDiagnoseInput(index, settings, Date.now()))
  const session = useDiagnosis()
  const [changing, setChanging] = useState<Id | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const fixOutcome = useRef<HTMLDivElement>(null)
  const liveResults = useRef<HTMLDivElement>(null)
  const busy = session.running !== null || session.fixing !== null
  const { diagnosis } = session

  const diagnose = async (request: DiagnoseRequest): Promise<void> => {
    setChanging(null)
    await session.diagnose(request)
    heading.current?.focus()
  }
  const fix = async (action: FixAction): Promise<void> => {
    if (action.kind === 'start_device_change') {
      setChanging(action.credential_id)
      return
    }
    await session.fix(action)
    fixOutcome.current?.focus()
  }
  const liveTest = async (kind: 'tap' | 'scan'): Promise<void> => {
    await session.liveTest(kind)
    liveResults.current?.focus()
  }

  return (
    <div className="troubleshoot">
      <DiagnoseForm index={index} input={input} onChange={setInput} onSubmit={(request) => void diagnose(request)} busy={busy} />
      <section className="section diagnosis" aria-labelledby="troubleshoot-result-title">
        <h2 id="troubleshoot-result-title" ref={heading} tabIndex={-1}>
          Diagnosis
        </h2>
        {diagnosis ? <DiagnosisContext diagnosis={diagnosis} /> : null}
        <p className="diagnosis-summary" role="status" data-testid="diagnosis-summary">
          {diagnosis ? (
            <>
              <StatusPill tone={diagnosis.opens ? 'granted' : 'denied'} large>
                {diagnosis.opens ? 'Opens by the rules' : 'Denied by the rules'}
              </StatusPill>
              <span>{diagnosis.summary}</span>
            </>
          ) : session.running === 'diagnose' ? (
            'Diagnosing…'
          ) : null}
        </p>
        {!diagnosis && !session.running && !session.runError ? <p className="muted">Enter who is at which door, then Diagnose.</p> : null}
        {session.runError ? <ErrorAlert error={session.runError} context="Could not diagnose" /> : null}
        <FixOutcome ref={fixOutcome} result={session.fixResult} error={session.fixError} onHidePin={session.hidePin} />
        {changing !== null ? (
          <DeviceChangePanel
            index={index}
            credentialId={changing}
            onDone={() => {
              setChanging(null)
              void session.refresh()
            }}
          />
        ) : null}
        {diagnosis ? (
          <>
            <h3>Findings, most likely cause first</h3>
            <FindingList diagnosis={diagnosis} index={index} fixing={session.fixing} disabled={busy} onFix={(action) => void fix(action)} />
          </>
        ) : null}
      </section>
      {diagnosis ? (
        <>
          <LiveTests
            index={index}
            live={diagnosis.live}
            running={session.running}
            disabled={busy}
            simulatedNfc={simulatedNfc}
            onTest={(kind) => void liveTest(kind)}
            resultsRef={liveResults}
          />
          <CredentialVerdicts diagnosis={diagnosis} index={index} />
          <DoorEvents diagnosis={diagnosis} />
          <DiagnosisReport diagnosis={diagnosis} />
          <OnboardingSheet diagnosis={diagnosis} />
        </>
      ) : null}
    </div>
  )
}

const PLATFORM_NAMES = { ios: 'iPhone', android: 'Android' } as const

/** Who, where, when and on what, as the diagnosis understood them. */
function DiagnosisContext({ diagnosis }: { diagnosis: Diagnosis }) {
  const platform = diagnosis.platform ? PLATFORM_NAMES[diagnosis.platform] : 'phone platform not known'
  return (
    <p className="muted" data-testid="diagnosis-context">
      {diagnosis.person.name} ({diagnosis.person.email}) at {diagnosis.door.name} · {diagnosis.local_time} · {platform}
      {diagnosis.source === 'snapshot' ? ' · from a snapshot file, so there is no sync history to check' : ''}
    </p>
  )
}

/** DoorFlow's device change for the credential a finding named, opened where the helpdesk is working. */
function DeviceChangePanel({ index, credentialId, onDone }: { index: SiteIndex; credentialId: Id; onDone(): void }) {
  const old = index.site.credentials.find((c) => c.id === credentialId)
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => panel.current?.focus(), [credentialId])
  return (
    <div className="section device-change-panel" ref={panel} tabIndex={-1} data-testid="troubleshoot-device-change">
      {old ? (
        <DeviceChange site={index.site} old={old} onDone={onDone} />
      ) : (
        <p className="note">
          That credential is no longer in the site.{' '}
          <button type="button" onClick={onDone}>
            Close
          </button>
        </p>
      )}
    </div>
  )
}
