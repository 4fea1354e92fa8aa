import type { ReactNode } from 'react'

export type PillTone = 'granted' | 'denied' | 'simulated' | 'neutral'

const ICONS: Record<PillTone, string> = { granted: '✓', denied: '✕', simulated: '⚠', neutral: '•' }

interface StatusPillProps {
  tone: PillTone
  children: ReactNode
  large?: boolean
  /** Replaces the tone's icon. */
  icon?: ReactNode
}

/** A status word with an icon, so the colour is never the only signal. */
export function StatusPill({ tone, children, large = false, icon }: StatusPillProps) {
  return (
    <span className={`pill pill-${tone}${large ? ' pill-large' : ''}`}>
      <span aria-hidden="true">{icon ?? ICONS[tone]}</span>
      {children}
    </span>
  )
}

/** The amber SIMULATED badge for anything that is not real hardware, e.g. "BLE SIMULATED". */
export function SimulatedBadge({ what }: { what?: string }) {
  return <StatusPill tone="simulated">{what ? `${what} SIMULATED` : 'SIMULATED'}</StatusPill>
}
