import { useId, useState, type FormEvent } from 'react'
import type { Door, Group, Site } from '../../../../shared/domain/site'
import { DoorInputSchema, fieldErrorsOf, GroupInputSchema, type DoorInput, type FieldErrors, type GroupInput } from '../../../../shared/provisioning/schemas'
import { useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { idFromKey, idKey } from '../../siteIndex'
import { ErrorAlert } from '../ErrorAlert'
import { SaveActions } from './SaveActions'
import { Field } from '../Field'

type Editing = { kind: 'group'; group?: Group } | { kind: 'door'; door?: Door } | null

/** The site's groups (which doors, on which schedule) and doors (mode, accepted types, PIN), each editable. */
export function GroupsDoors({ site }: { site: Site }) {
  const api = useApi()
  const [editing, setEditing] = useState<Editing>(null)
  const removeGroup = useAction((g: Group) => api.provisioning.deleteGroup({ id: g.id }))
  const removeDoor = useAction((d: Door) => api.provisioning.deleteDoor({ id: d.id }))
  const doorNames = new Map(site.doors.map((d) => [idKey(d.id), d.name]))
  const failed = removeGroup.state.kind === 'failed' ? removeGroup.state.error : removeDoor.state.kind === 'failed' ? removeDoor.state.error : null
  return (
    <div className="grid-2">
      <div>
        <ul className="plain-list" aria-label="Groups">
          {site.groups.map((g) => (
            <li key={idKey(g.id)}>
              <strong>{g.name}</strong> <span className="muted">{g.access.flatMap((a) => a.door_ids.map((id) => doorNames.get(idKey(id)) ?? String(id))).join(', ') || 'no doors'}</span>{' '}
              <button type="button" onClick={() => setEditing({ kind: 'group', group: g })} aria-label={`Edit group ${g.name}`}>Edit</button>{' '}
              <button type="button" onClick={() => void removeGroup.run(g)} aria-label={`Delete group ${g.name}`}>Delete</button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => setEditing({ kind: 'group' })}>Add a group</button>
      </div>
      <div>
        <ul className="plain-list" aria-label="Doors">
          {site.doors.map((d) => (
            <li key={idKey(d.id)}>
              <strong>{d.name}</strong> <span className="muted">{d.mode}{d.requires_pin ? ', PIN required' : ''}</span>{' '}
              <button type="button" onClick={() => setEditing({ kind: 'door', door: d })} aria-label={`Edit door ${d.name}`}>Edit</button>{' '}
              <button type="button" onClick={() => void removeDoor.run(d)} aria-label={`Delete door ${d.name}`}>Delete</button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => setEditing({ kind: 'door' })}>Add a door</button>
      </div>
      {failed ? <ErrorAlert error={failed} context="Not deleted" /> : null}
      {editing?.kind === 'group' ? <GroupForm key={editing.group ? idKey(editing.group.id) : 'new'} site={site} group={editing.group} onDone={() => setEditing(null)} /> : null}
      {editing?.kind === 'door' ? <DoorForm key={editing.door ? idKey(editing.door.id) : 'new'} site={site} door={editing.door} onDone={() => setEditing(null)} /> : null}
    </div>
  )
}

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item)
}

function GroupForm({ site, group, onDone }: { site: Site; group?: Group | undefined; onDone(): void }) {
  const api = useApi()
  const id = useId()
  const [name, setName] = useState(group?.name ?? '')
  const [doors, setDoors] = useState(group?.access[0]?.door_ids ?? [])
  const [scheduleKey, setScheduleKey] = useState(JSON.stringify(group?.access[0]?.schedule_id ?? null))
  const [errors, setErrors] = useState<FieldErrors>({})
  const save = useAction((input: GroupInput) => api.provisioning.saveGroup(input))
  async function submit(event: FormEvent) {
    event.preventDefault()
    const input: GroupInput = { ...(group ? { id: group.id } : {}), name, access: doors.length ? [{ door_ids: doors, schedule_id: scheduleKey === 'null' ? null : idFromKey(scheduleKey) }] : [] }
    const parsed = GroupInputSchema.safeParse(input)
    setErrors(parsed.success ? {} : fieldErrorsOf(parsed.error))
    if (parsed.success && (await save.run(input)).ok) onDone()
  }
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} aria-label={group ? `Edit group ${group.name}` : 'Add a group'} noValidate>
      <Field id={`${id}-name`} label="Group name" error={errors.name ?? save.fields.name}>
        {(control) => <input {...control} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>Doors</legend>
        {site.doors.map((d) => (
          <label className="choice" key={idKey(d.id)}>
            <input type="checkbox" checked={doors.includes(d.id)} onChange={(e) => setDoors(toggled(doors, d.id, e.target.checked))} /> {d.name}
          </label>
        ))}
        {save.fields.access ? <span className="field-error">{save.fields.access}</span> : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-schedule`}>Schedule</label>
        <select id={`${id}-schedule`} value={scheduleKey} onChange={(e) => setScheduleKey(e.target.value)}>
          <option value="null">Always</option>
          {site.schedules.map((s) => (
            <option key={idKey(s.id)} value={idKey(s.id)}>{s.name}</option>
          ))}
        </select>
      </div>
      <SaveActions state={save.state} label="Save group" onCancel={onDone} />
    </form>
  )
}

function DoorForm({ site, door, onDone }: { site: Site; door?: Door | undefined; onDone(): void }) {
  const api = useApi()
  const id = useId()
  const [draft, setDraft] = useState<DoorInput>({ ...(door ?? { name: '', mode: 'normal', accepts: [], requires_pin: false }) })
  const [errors, setErrors] = useState<FieldErrors>({})
  const save = useAction((input: DoorInput) => api.provisioning.saveDoor(input))
  async function submit(event: FormEvent) {
    event.preventDefault()
    const parsed = DoorInputSchema.safeParse(draft)
    setErrors(parsed.success ? {} : fieldErrorsOf(parsed.error))
    if (parsed.success && (await save.run(draft)).ok) onDone()
  }
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} aria-label={door ? `Edit door ${door.name}` : 'Add a door'} noValidate>
      <Field id={`${id}-name`} label="Door name" error={errors.name ?? save.fields.name}>
        {(control) => <input {...control} type="text" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
      </Field>
      <div className="field">
        <label htmlFor={`${id}-mode`}>Mode</label>
        <select id={`${id}-mode`} value={draft.mode} onChange={(e) => setDraft({ ...draft, mode: e.target.value as Door['mode'] })}>
          <option value="normal">Normal</option>
          <option value="lockdown">Lockdown</option>
          <option value="unlocked">Unlocked</option>
        </select>
      </div>
      <fieldset>
        <legend>Accepted credential types</legend>
        {site.credential_types.map((t) => (
          <label className="choice" key={idKey(t.id)}>
            <input type="checkbox" checked={draft.accepts.includes(t.id)} onChange={(e) => setDraft({ ...draft, accepts: toggled(draft.accepts, t.id, e.target.checked) })} /> {t.label}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={draft.requires_pin} onChange={(e) => setDraft({ ...draft, requires_pin: e.target.checked })} /> Requires a PIN as well
      </label>
      <SaveActions state={save.state} label="Save door" onCancel={onDone} />
    </form>
  )
}
