import type { DoorMode as Mode } from '../../../shared/domain/site'
import { StatusPill, type PillTone } from './StatusPill'

const SHACKLE: Record<Mode, string> = {
  normal: 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2',
  lockdown: 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2',
  unlocked: 'M4.5 7V5a3.5 3.5 0 0 1 6.8-1.2'
}

function LockIcon({ mode }: { mode: Mode }) {
  return (
    <svg width="11" height="11" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true" focusable="false">
      <path d={SHACKLE[mode]} strokeLinecap="round" />
      <rect x="2.5" y="7" width="11" height="7.5" rx="1.5" fill={mode === 'lockdown' ? 'currentColor' : 'none'} />
    </svg>
  )
}

const MODES: Record<Mode, { tone: PillTone; text: string }> = {
  normal: { tone: 'neutral', text: 'Normal' },
  lockdown: { tone: 'denied', text: 'Lockdown' },
  unlocked: { tone: 'granted', text: 'Unlocked' }
}

/** A door's mode as a pill: normal (credentials decide), lockdown (nobody), unlocked (anybody). */
export function DoorModePill({ mode }: { mode: Mode }) {
  const { tone, text } = MODES[mode]
  return (
    <StatusPill tone={tone} icon={<LockIcon mode={mode} />}>
      {text}
    </StatusPill>
  )
}
