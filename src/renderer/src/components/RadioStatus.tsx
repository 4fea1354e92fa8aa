import type { ReactNode } from 'react'
import { SimulatedBadge, StatusPill } from './StatusPill'

interface RadioStatusProps {
  title: string
  mode: 'real' | 'simulated'
  facts: readonly (readonly [string, ReactNode])[]
  advice: string
}

/** A radio's status card: real or simulated, its state, and the one thing to do about it. */
export function RadioStatus({ title, mode, facts, advice }: RadioStatusProps) {
  return (
    <section className="card">
      <h2>
        {title}{' '}
        {mode === 'simulated' ? <SimulatedBadge /> : <StatusPill tone="neutral">Real hardware</StatusPill>}
      </h2>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="note" role="status">
        {advice}
      </p>
    </section>
  )
}
