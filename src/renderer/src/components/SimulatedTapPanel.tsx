import { useMemo, useState } from 'react'
import type { ContractError } from '../../../shared/contract'
import { typeForAid, type AidEntry, type SimulatedCard } from '../../../shared/nfc'
import { useApi } from '../hooks/useApi'
import { useResult } from '../hooks/useResult'
import type { SiteIndex } from '../siteIndex'
import { personName } from '../siteText'
import { ErrorAlert } from './ErrorAlert'
import { SimulatedBadge } from './StatusPill'

interface Choice {
  readonly label: string
  readonly card: SimulatedCard
}

const STRANGERS: readonly Choice[] = [
  { label: 'A card nobody holds', card: { kind: 'card', uid: '04D00DFEEDBEEF' } },
  { label: 'A phone without a credential app', card: { kind: 'phone', aid: 'F0010203040506', credential: 'NOTHING' } }
]

/** Demo mode only: tap the simulated reader with a card or phone from the site, read by Lintel's real code. */
export function SimulatedTapPanel({ index }: { index: SiteIndex }) {
  const api = useApi()
  const aids = useResult((a) => a.nfc.aids({}))
  const choices = useMemo(() => [...siteChoices(index, aids.status === 'ok' ? aids.value : []), ...STRANGERS], [index, aids])
  const [selected, setSelected] = useState(0)
  const [error, setError] = useState<ContractError | null>(null)
  const tap = async (): Promise<void> => {
    const choice = choices[selected]
    if (!choice) return
    const result = await api.nfc.simulateTap({ card: choice.card })
    setError(result.ok ? null : result.error)
  }
  return (
    <section className="card" aria-labelledby="simulated-tap-title">
      <h2 id="simulated-tap-title">
        Tap the simulated reader <SimulatedBadge />
      </h2>
      <div className="field">
        <label htmlFor="simulated-card">Card or phone</label>
        <select id="simulated-card" value={selected} onChange={(e) => setSelected(Number(e.target.value))}>
          {choices.map((choice, i) => (
            <option key={i} value={i}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void tap()}>
          Tap
        </button>
      </div>
      {error ? <ErrorAlert error={error} context="The simulated tap failed" /> : null}
    </section>
  )
}

/** The site's cards (by UID) and phones (by the AID their type answers to). */
function siteChoices(index: SiteIndex, aids: readonly AidEntry[]): Choice[] {
  const choices: Choice[] = []
  for (const credential of index.site.credentials) {
    const type = index.types.get(credential.credential_type_id)
    const person = index.people.get(credential.person_id)
    if (!type || !person || credential.value === undefined) continue
    const label = `${personName(person)} · ${type.label} · ${credential.label ?? credential.value}`
    if (type.format === 'card' && type.technology.includes('nfc')) choices.push({ label, card: { kind: 'card', uid: credential.value } })
    const aid = type.format === 'mobile' ? aids.find((entry) => typeForAid(entry, [type])) : undefined
    if (aid) choices.push({ label, card: { kind: 'phone', aid: aid.aid, credential: credential.value } })
  }
  return choices
}
