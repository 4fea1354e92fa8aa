import type { Credential, Id, Site } from '../../../../shared/domain/site'
import { adviseOn, backupPin, type Advice } from '../../../../shared/provisioning/advice'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { ErrorAlert } from '../ErrorAlert'
import type { CredentialPreset } from './CredentialForm'

interface AdvicePanelProps {
  site: Site
  personId: Id
  onIssue(preset: CredentialPreset): void
  onDeviceChange(old: Credential, fresh: Credential): void
}

const randomDigit = (): number => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32

/** DoorFlow's best practices for this person, each warning with its one-click action. */
export function AdvicePanel({ site, personId, onIssue, onDeviceChange }: AdvicePanelProps) {
  const api = useApi()
  const disable = useAction((credential: Credential) => api.provisioning.saveCredential({ ...credential, value: credential.value ?? '', enabled: false }))
  const advice = adviseOn(site, personId)
  if (advice.length === 0) return null
  const byId = (id: Id | undefined) => site.credentials.find((c) => c.id === id)

  function act(item: Advice) {
    const credential = byId(item.credential_id)
    const other = byId(item.other_id)
    if (item.code === 'no_backup') {
      const pin = backupPin(site, randomDigit)
      if (pin) onIssue({ ...pin, label: 'Backup PIN' })
    } else if (item.code === 'device_change_pending' && credential && other) onDeviceChange(other, credential)
    else if (item.code === 'shared_device' && other) void disable.run(other)
  }

  const ACTIONS: Record<Advice['code'], string> = {
    no_backup: 'Issue a backup PIN',
    device_change_pending: 'Test the new phone, then disable the old one',
    shared_device: 'Disable the older credential'
  }

  return (
    <div className="advice" role="region" aria-label="Best-practice warnings">
      <ul>
        {advice.map((item) => (
          <li key={`${item.code}-${JSON.stringify(item.credential_id)}`} className="note">
            <span aria-hidden="true">⚠ </span>
            {item.message}{' '}
            <button type="button" onClick={() => act(item)}>
              {ACTIONS[item.code]}
            </button>
          </li>
        ))}
      </ul>
      {disable.state.kind === 'failed' ? <ErrorAlert error={disable.state.error} context="Not changed" /> : null}
    </div>
  )
}
