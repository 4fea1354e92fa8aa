import { useId } from 'react'
import type { Diagnosis, Finding, FixAction, Severity } from '../../../../shared/diagnose'
import type { SiteIndex } from '../../siteIndex'

const SEVERITY: Record<Severity, { label: string; icon: string }> = {
  error: { label: 'Error', icon: '✕' },
  warning: { label: 'Warning', icon: '⚠' },
  info: { label: 'Info', icon: 'ℹ' }
}

/** The severity as a word with an icon, so colour is never the only signal. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { label, icon } = SEVERITY[severity]
  return (
    <span className={`pill severity severity-${severity}`}>
      <span aria-hidden="true">{icon}</span>
      {label}
    </span>
  )
}

interface FindingListProps {
  diagnosis: Diagnosis
  index: SiteIndex
  /** The fix being carried out, if any: its button is busy and the others wait. */
  fixing: FixAction | null
  disabled: boolean
  onFix(action: FixAction): void
}

/** The findings in the order main gave them (most likely first); never re-sorted here. */
export function FindingList({ diagnosis, index, fixing, disabled, onFix }: FindingListProps) {
  const id = useId()
  if (diagnosis.findings.length === 0) return <p className="muted">Nothing found that would stop the door opening.</p>
  return (
    <ol className="findings" aria-label="Findings, most likely cause first" data-testid="findings">
      {diagnosis.findings.map((finding, i) => (
        <li key={`${i}:${finding.code}`} className={`finding finding-${finding.severity}`}>
          <div className="finding-head">
            <SeverityBadge severity={finding.severity} />
            <h4 id={`${id}-${i}`}>{finding.title}</h4>
            <code className="muted">{finding.code}</code>
          </div>
          <p>{finding.evidence}</p>
          <p>
            <strong>Fix: </strong>
            {finding.fix}
          </p>
          {finding.action ? (
            <FixButton
              action={finding.action}
              label={fixLabel(finding.action, diagnosis, index)}
              describedBy={`${id}-${i}`}
              busy={fixing !== null && sameAction(fixing, finding.action)}
              disabled={disabled || fixing !== null}
              onFix={onFix}
            />
          ) : null}
        </li>
      ))}
    </ol>
  )
}

interface FixButtonProps {
  action: FixAction
  label: string
  /** The finding's title: two findings may offer the same fix. */
  describedBy: string
  busy: boolean
  disabled: boolean
  onFix(action: FixAction): void
}

function FixButton({ action, label, describedBy, busy, disabled, onFix }: FixButtonProps) {
  return (
    <div className="actions">
      <button type="button" className="primary" disabled={disabled} aria-busy={busy} aria-describedby={describedBy} onClick={() => onFix(action)}>
        {label}
      </button>
      {busy ? <span className="muted">Working…</span> : null}
    </div>
  )
}

/** The fix as a button label in the helpdesk's words, naming what it changes. */
export function fixLabel(action: FixAction, diagnosis: Diagnosis, index: SiteIndex): string {
  switch (action.kind) {
    case 'enable_credential':
      return `Enable ${credentialName(diagnosis, action.credential_id)}`
    case 'enable_person':
      return `Enable ${diagnosis.person.name}`
    case 'add_to_group':
      return `Add ${diagnosis.person.name} to ${index.groups.get(action.group_id)?.name ?? `group ${String(action.group_id)}`}`
    case 'issue_backup_pin':
      return 'Issue a backup PIN'
    case 'start_device_change':
      return `Change phone, replacing ${credentialName(diagnosis, action.credential_id)}`
  }
}

function credentialName(diagnosis: Diagnosis, id: Finding['credential_id']): string {
  const credential = diagnosis.credentials.find((c) => c.credential_id === id)
  if (!credential) return 'the credential'
  return `${credential.type}${credential.label ? ` · ${credential.label}` : ''}`
}

const sameAction = (a: FixAction, b: FixAction): boolean => JSON.stringify(a) === JSON.stringify(b)
