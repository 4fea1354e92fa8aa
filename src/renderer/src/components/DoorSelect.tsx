import type { Site } from '../../../shared/domain/site'
import { idKey } from '../siteIndex'

interface DoorSelectProps {
  id: string
  doors: Site['doors']
  /** The selected door's key (see siteIndex's idKey). */
  value: string
  onChange(key: string): void
  className?: string
}

/** A labelled field choosing one of the site's doors by name; values are door keys. */
export function DoorSelect({ id, doors, value, onChange, className = 'field' }: DoorSelectProps) {
  return (
    <div className={className}>
      <label htmlFor={id}>Door</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {doors.map((door) => (
          <option key={idKey(door.id)} value={idKey(door.id)}>
            {door.name}
          </option>
        ))}
      </select>
    </div>
  )
}
