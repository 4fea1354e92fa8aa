import { useEffect, useId, useRef, useState } from 'react'
import type { Site } from '../../../../shared/domain/site'
import type { SyncFlagView } from '../../../../shared/provisioning/contract'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { personName } from '../../siteText'
import { ErrorAlert } from '../ErrorAlert'

const FLAG_TEXT: Record<SyncFlagView['flag'], string> = {
  disable_not_confirmed: 'Not confirmed by DoorFlow',
  deleted_on_doorflow: 'Deleted on DoorFlow',
  revoking: 'DoorFlow is revoking it'
}

/** What a flag is about, as the user knows it: the credential's label and owner, or the person's name. */
export function flaggedRecordName(site: Site, flag: SyncFlagView): string {
  if (flag.entity === 'person') {
    const person = site.people.find((p) => String(p.id) === flag.entity_id)
    return person ? personName(person) : `Person ${flag.entity_id}`
  }
  const credential = site.credentials.find((c) => String(c.id) === flag.entity_id)
  const owner = credential ? site.people.find((p) => p.id === credential.person_id) : undefined
  return `${credential?.label ?? `Credential ${flag.entity_id}`}${owner ? ` · ${personName(owner)}` : ''}`
}

/**
 * The records the sync flagged, each with its message; an unconfirmed disable offers
 * "Revoke on DoorFlow" (a DELETE), confirmed first, and `onChanged` runs after a revoke.
 */
export function SyncFlags({ site, flags, onChanged }: { site: Site; flags: readonly SyncFlagView[]; onChanged(): void }) {
  const api = useApi()
  const [asking, setAsking] = useState<SyncFlagView | null>(null)
  const revoke = useAction((id: string) => api.sync.revoke({ id }))
  async function confirm(flag: SyncFlagView) {
    const result = await revoke.run(flag.entity_id)
    setAsking(null)
    if (result.ok) onChanged()
  }
  return (
    <div className="sync-flags">
      {flags.length > 0 ? <FlagsTable site={site} flags={flags} busy={revoke.state.kind === 'busy'} onRevoke={setAsking} /> : null}
      {asking ? <ConfirmRevoke name={flaggedRecordName(site, asking)} busy={revoke.state.kind === 'busy'} onConfirm={() => void confirm(asking)} onCancel={() => setAsking(null)} /> : null}
      {revoke.state.kind === 'done' ? <p role="status">{revoke.state.value.status === 'revoking' ? 'DoorFlow accepted the revoke and is revoking the credential.' : 'Revoked on DoorFlow.'}</p> : null}
      {revoke.state.kind === 'failed' ? <ErrorAlert error={revoke.state.error} context="Not revoked" /> : null}
    </div>
  )
}

/** The flagged records, one row each with its message; unconfirmed disables get a revoke button. */
function FlagsTable({ site, flags, busy, onRevoke }: { site: Site; flags: readonly SyncFlagView[]; busy: boolean; onRevoke(flag: SyncFlagView): void }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Records the sync flagged ({flags.length})</caption>
        <thead>
          <tr><th scope="col">Record</th><th scope="col">Flag</th><th scope="col">Message</th><th scope="col">Action</th></tr>
        </thead>
        <tbody>
          {flags.map((f) => (
            <tr key={`${f.entity}-${f.entity_id}-${f.flag}`}>
              <th scope="row">{flaggedRecordName(site, f)}</th>
              <td>{FLAG_TEXT[f.flag]}</td>
              <td>{f.message}</td>
              <td>
                {f.entity === 'credential' && f.flag === 'disable_not_confirmed' ? (
                  <button type="button" aria-label={`Revoke on DoorFlow: ${flaggedRecordName(site, f)}`} disabled={busy} onClick={() => onRevoke(f)}>
                    Revoke on DoorFlow
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** An accessible, non-modal confirm: focus moves to Cancel, Escape cancels. */
function ConfirmRevoke({ name, busy, onConfirm, onCancel }: { name: string; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const id = useId()
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => cancel.current?.focus(), [])
  return (
    <div role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} className="confirm" onKeyDown={(e) => (e.key === 'Escape' ? onCancel() : undefined)}>
      <p id={`${id}-title`}><strong>Revoke {name} on DoorFlow?</strong></p>
      <p id={`${id}-text`}>DoorFlow deletes the credential; it stops working at every door and cannot be enabled again. The record here stays, marked revoked.</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={onConfirm}>Revoke</button>
        <button type="button" ref={cancel} onClick={onCancel}>Cancel</button>
      </div>
    </div>
  )
}
