import type { RevokedReason } from '../../../../shared/domain/site'
import { Field } from '../Field'

const REASONS: { value: RevokedReason; label: string }[] = [
  { value: 'lost', label: 'Revoked: the phone was lost' },
  { value: 'stolen', label: 'Revoked: the phone was stolen' },
  { value: 'replaced', label: 'Revoked: replaced by a new phone' },
  { value: 'left', label: 'Revoked: they left' },
  { value: 'other', label: 'Revoked: another reason' }
]

/**
 * Revoking a credential records why (lost, stolen, replaced, left, other): diagnosis treats the
 * first four as history. A revoked credential cannot come back, so once revoked only the reason changes.
 */
export function RevokeField({ id, value, revoked, onChange }: { id: string; value: RevokedReason | ''; revoked: boolean; onChange(value: RevokedReason | ''): void }) {
  return (
    <Field id={id} label="Revocation" hint={revoked ? 'Revoked credentials cannot be enabled again; issue a new one instead.' : 'Revoking takes effect at once and cannot be undone.'}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as RevokedReason | '')}>
          {revoked ? null : <option value="">Not revoked</option>}
          {REASONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
