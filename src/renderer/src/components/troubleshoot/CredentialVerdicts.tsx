import { useMemo } from 'react'
import type { Diagnosis } from '../../../../shared/diagnose'
import type { Credential, Id } from '../../../../shared/domain/site'
import { CredentialStatePill } from '../CredentialState'
import { Verdict } from '../DecisionView'
import type { SiteIndex } from '../../siteIndex'

/** Each credential the diagnosis considered, its state in the site and what the engine decided at the door. */
export function CredentialVerdicts({ diagnosis, index }: { diagnosis: Diagnosis; index: SiteIndex }) {
  const byId = useMemo(() => new Map<Id, Credential>(index.site.credentials.map((c) => [c.id, c])), [index])
  return (
    <section className="section" aria-labelledby="troubleshoot-credentials-title">
      <h2 id="troubleshoot-credentials-title">Credentials</h2>
      <div className="table-wrap">
        <table className="data" data-testid="troubleshoot-decisions">
          <caption>
            {diagnosis.person.name} at {diagnosis.door.name}, {diagnosis.local_time}
          </caption>
          <thead>
            <tr>
              <th scope="col">Credential</th>
              <th scope="col">State</th>
              <th scope="col">Decision</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {diagnosis.credentials.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  No credentials to check, so no door will open for them.
                </td>
              </tr>
            ) : null}
            {diagnosis.credentials.map((verdict) => {
              const credential = byId.get(verdict.credential_id)
              const failed = verdict.decision.checks.filter((check) => !check.passed)
              return (
                <tr key={JSON.stringify(verdict.credential_id)}>
                  <th scope="row">
                    {verdict.type}
                    {verdict.label ? ` · ${verdict.label}` : ''} <span className="mono muted">{verdict.shown_value}</span>
                    {verdict.device ? <div className="muted">{verdict.device}</div> : null}
                  </th>
                  <td>{credential ? <CredentialStatePill credential={credential} /> : <span className="muted">Not in the site</span>}</td>
                  <td>
                    <Verdict decision={verdict.decision} /> <code>{verdict.decision.code}</code>
                  </td>
                  <td>{failed.length === 0 ? (verdict.decision.checks.at(-1)?.detail ?? '') : failed.map((check) => <div key={check.check}>{check.detail}</div>)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
