import type { Credential } from '../../../shared/domain/site'
import { StatusPill } from './StatusPill'

/** A credential's state in one pill: active, invited (waiting on the phone), disabled, revoked, switched off. */
export function CredentialStatePill({ credential }: { credential: Pick<Credential, 'enabled' | 'status'> }) {
  if (!credential.enabled) return <StatusPill tone="denied">Switched off</StatusPill>
  if (credential.status === 'active') return <StatusPill tone="granted">Active</StatusPill>
  if (credential.status === 'invited') {
    return (
      <StatusPill tone="neutral" icon="✉">
        Invited
      </StatusPill>
    )
  }
  return <StatusPill tone="denied">{credential.status === 'revoked' ? 'Revoked' : 'Disabled'}</StatusPill>
}
