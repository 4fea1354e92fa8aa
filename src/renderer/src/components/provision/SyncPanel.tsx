import { useEffect, useId, useState, type FormEvent } from 'react'
import type { Site } from '../../../../shared/domain/site'
import type { RecordState } from '../../../../shared/provisioning/contract'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import type { LiveLoadable } from '../../hooks/useResult'
import { useResult } from '../../hooks/useResult'
import { personName } from '../../siteText'
import { ErrorAlert } from '../ErrorAlert'
import { Loaded } from '../Loaded'
import { SyncFlags } from './SyncFlags'
import { SyncStatePill } from './SyncStatePill'

/** Sync with DoorFlow: the connection, a run with progress, each waiting record's state, and the log. */
export function SyncPanel({ site, records }: { site: Site; records: LiveLoadable<{ records: RecordState[]; counts: Record<string, number>; truncated: boolean }> }) {
  const api = useApi()
  const status = useResult((a) => a.sync.status({}))
  const log = useResult((a) => a.sync.log({ limit: 50 }))
  const flags = useResult((a) => a.sync.flags({}))
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const run = useAction((_: null) => api.sync.run({}))
  useEffect(() => api.sync.on.progress(setProgress), [api])
  const reloadAll = () => {
    status.reload()
    log.reload()
    flags.reload()
    records.reload()
  }

  async function start() {
    setProgress(null)
    await run.run(null)
    reloadAll()
  }

  return (
    <div className="sync-panel">
      <Loaded value={status} what="the sync status">
        {(s) => (
          <>
            <ConnectionForm api={s.api} hasToken={s.hasToken} encrypted={s.tokenEncrypted} onSaved={status.reload} />
            <dl className="figures">
              <div><dt>Waiting</dt><dd>{s.outbox.pending}</dd></div>
              <div><dt>Being checked</dt><dd>{s.outbox.unknown + s.outbox.sending}</dd></div>
              <div><dt>Refused</dt><dd>{s.outbox.failed}</dd></div>
            </dl>
            <div className="actions">
              <button type="button" className="primary" disabled={!s.api || !s.hasToken || run.state.kind === 'busy'} onClick={() => void start()}>
                Sync now
              </button>
              {s.lastRun ? <span className="muted">Last sync {s.lastRun.at}: {s.lastRun.report.pushed} pushed, {s.lastRun.report.reconciled} reconciled, {s.lastRun.report.failed.length} open</span> : null}
            </div>
          </>
        )}
      </Loaded>
      {run.state.kind === 'busy' && progress ? (
        <div className="field">
          <label htmlFor="sync-progress">Syncing</label>
          <progress id="sync-progress" max={progress.total} value={progress.done} />
          <span className="muted">{progress.done} of {progress.total} changes</span>
        </div>
      ) : null}
      {run.state.kind === 'done' ? <p role="status">Sync finished: {run.state.value.pushed} pushed, {run.state.value.reconciled} already on DoorFlow, {run.state.value.failed.length} still open.</p> : null}
      {run.state.kind === 'failed' ? <ErrorAlert error={run.state.error} context="Sync stopped" /> : null}
      <Loaded value={flags} what="the flagged records">{(f) => <SyncFlags site={site} flags={f} onChanged={reloadAll} />}</Loaded>
      <Loaded value={records} what="record states">{(r) => <RecordStates site={site} records={r.records} truncated={r.truncated} />}</Loaded>
      <Loaded value={log} what="the sync log">
        {(entries) => (
          <div className="table-wrap">
            <table className="data">
              <caption>Sync log (newest first)</caption>
              <thead>
                <tr><th scope="col">When</th><th scope="col">Level</th><th scope="col">What happened</th></tr>
              </thead>
              <tbody>
                {entries.map((e, i) => (
                  <tr key={`${e.at}-${i}`}><td>{e.at}</td><td>{e.level}</td><td>{e.message}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
    </div>
  )
}

function ConnectionForm({ api: saved, hasToken, encrypted, onSaved }: { api: string | null; hasToken: boolean; encrypted: boolean; onSaved(): void }) {
  const api = useApi()
  const id = useId()
  const [url, setUrl] = useState(saved ?? '')
  const [token, setToken] = useState('')
  const save = useAction((input: { api: string; token: string }) => api.sync.saveConnection(input))
  async function submit(event: FormEvent) {
    event.preventDefault()
    const result = await save.run({ api: url.trim(), token })
    if (result.ok) {
      setToken('')
      onSaved()
    }
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="DoorFlow connection" noValidate>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-url`}>DoorFlow base URL</label>
          <input id={`${id}-url`} type="text" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://api.doorflow.com" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>Access token</label>
          <input id={`${id}-token`} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          <span className="hint">{hasToken ? `A token is saved${encrypted ? ' (encrypted)' : ' (in a 0600 file, not encrypted)'}.` : 'No token saved yet.'}</span>
        </div>
        <button type="submit" className="field-action" disabled={!url.trim() || !token || save.state.kind === 'busy'}>
          Save connection
        </button>
      </div>
      {save.state.kind === 'failed' ? <ErrorAlert error={save.state.error} context="Not saved" /> : null}
    </form>
  )
}

function RecordStates({ site, records, truncated }: { site: Site; records: RecordState[]; truncated: boolean }) {
  const people = new Map(site.people.map((p) => [JSON.stringify(p.id), p]))
  const credentials = new Map(site.credentials.map((c) => [JSON.stringify(c.id), c]))
  const nameOf = (r: RecordState): string => {
    if (r.entity === 'person') return personName(people.get(JSON.stringify(r.id)) ?? { first_name: `Person ${String(r.id)}`, last_name: '' })
    const credential = credentials.get(JSON.stringify(r.id))
    const owner = credential ? people.get(JSON.stringify(credential.person_id)) : undefined
    return `${credential?.label ?? `Credential ${String(r.id)}`}${owner ? ` · ${personName(owner)}` : ''}`
  }
  const shown = records.slice(0, 200)
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>Records not yet on DoorFlow ({records.length}{truncated || records.length > shown.length ? '+, first 200 shown' : ''})</caption>
        <thead>
          <tr><th scope="col">Record</th><th scope="col">Change</th><th scope="col">State</th></tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.entity}-${JSON.stringify(r.id)}`}>
              <th scope="row">{nameOf(r)}</th>
              <td>{r.op ?? '—'}</td>
              <td><SyncStatePill state={r} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
