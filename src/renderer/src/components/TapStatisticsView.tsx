import { describeTapError, type TapStatistics } from '../../../shared/nfc'

const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)} %`)
const ms = (value: number | undefined): string => (value === undefined ? '—' : `${value.toFixed(1)} ms`)

/** A tap test's figures: success rate, read latency p50/p95, and failures by cause. */
export function TapStatisticsView({ stats }: { stats: TapStatistics }) {
  const failures = Object.entries(stats.failuresByCause).sort((a, b) => b[1] - a[1])
  return (
    <div data-testid="tap-statistics">
      <dl className="figures">
        <div>
          <dt>Taps</dt>
          <dd className="num">{stats.taps}</dd>
        </div>
        <div>
          <dt>Read successfully</dt>
          <dd className="num">{percent(stats.successRate)}</dd>
        </div>
        <div>
          <dt>Latency p50</dt>
          <dd className="num">{ms(stats.latencyMs?.p50)}</dd>
        </div>
        <div>
          <dt>Latency p95</dt>
          <dd className="num">{ms(stats.latencyMs?.p95)}</dd>
        </div>
      </dl>
      {failures.length > 0 ? (
        <div className="table-wrap">
          <table className="data">
            <caption>Failures by cause</caption>
            <thead>
              <tr>
                <th scope="col">Cause</th>
                <th scope="col" className="num">Count</th>
                <th scope="col">What to do</th>
              </tr>
            </thead>
            <tbody>
              {failures.map(([code, count]) => (
                <tr key={code}>
                  <th scope="row">
                    <code>{code}</code>
                  </th>
                  <td className="num">{count}</td>
                  <td>{describeTapError(code)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
