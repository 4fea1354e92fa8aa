import type { Decision } from '../../../shared/decision'
import { StatusPill } from './StatusPill'

/** "Granted" or "Denied" with the deciding code, as a large pill. */
export function Verdict({ decision }: { decision: Decision }) {
  return (
    <StatusPill tone={decision.granted ? 'granted' : 'denied'} large>
      {decision.granted ? 'Granted' : 'Denied'}
    </StatusPill>
  )
}

interface DecisionViewProps {
  decision: Decision
  /** What was asked, in one line: "Side Door · 2026-03-10 09:00 (UTC)". */
  question?: string
}

/** The verdict, announced politely as it changes, and every check the engine evaluated. */
export function DecisionView({ decision, question }: DecisionViewProps) {
  return (
    <div className="decision" data-testid="decision">
      <div className="verdict" role="status" aria-live="polite" aria-atomic="true">
        <Verdict decision={decision} />
        <code data-testid="decision-code">{decision.code}</code>
        {question ? <span className="muted">{question}</span> : null}
      </div>
      <ChecksTable decision={decision} />
    </div>
  )
}

export function ChecksTable({ decision }: { decision: Decision }) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid="checks">
        <caption>Checks, in the order the engine runs them</caption>
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {decision.checks.map((check, i) => (
            <tr key={`${i}:${check.check}`}>
              <td className="num">{i + 1}</td>
              <th scope="row">
                <code>{check.check}</code>
              </th>
              <td className={check.passed ? 'check-passed' : 'check-failed'}>
                <span aria-hidden="true">{check.passed ? '✓ ' : '✕ '}</span>
                {check.passed ? 'Passed' : 'Failed'}
              </td>
              <td>{check.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
