import type { Id, Site } from '../domain/site'

/** Schedule slot meaning "always" (schedule_id null). */
export const ALWAYS = -1
/** Schedule slot for a schedule id that does not exist: contains nothing. */
export const NO_SCHEDULE = -2

/**
 * The access entries that list one door: `groups` ascending, and for groups[i] the schedule
 * slots slots[start[i] … start[i + 1]) (schedule index, ALWAYS or NO_SCHEDULE).
 */
export interface DoorGrants {
  readonly groups: Int32Array
  readonly start: Int32Array
  readonly slots: Int32Array
}

/** Inverts the groups' access entries into per-door grant lists; unknown door ids are skipped. */
export function compileGrants(site: Site, doorIndex: ReadonlyMap<Id, number>, scheduleIndex: ReadonlyMap<Id, number>): DoorGrants[] {
  const byDoor = site.doors.map(() => new Map<number, Set<number>>())
  site.groups.forEach((group, g) => {
    for (const entry of group.access) {
      const slot = entry.schedule_id === null ? ALWAYS : (scheduleIndex.get(entry.schedule_id) ?? NO_SCHEDULE)
      for (const id of entry.door_ids) {
        const door = doorIndex.get(id)
        if (door === undefined) continue
        const slots = byDoor[door]!.get(g) ?? new Set<number>()
        byDoor[door]!.set(g, slots.add(slot))
      }
    }
  })
  return byDoor.map(packGrants)
}

function packGrants(byGroup: Map<number, Set<number>>): DoorGrants {
  const groups = Int32Array.from([...byGroup.keys()].sort((a, b) => a - b))
  const start = new Int32Array(groups.length + 1)
  const slots: number[] = []
  groups.forEach((g, i) => {
    slots.push(...[...byGroup.get(g)!].sort((a, b) => a - b))
    start[i + 1] = slots.length
  })
  return { groups, start, slots: Int32Array.from(slots) }
}

/** Position of `group` in the door's grant list, or -1. */
export function findGrant(grants: DoorGrants, group: number): number {
  const groups = grants.groups
  let lo = 0
  let hi = groups.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const g = groups[mid]!
    if (g === group) return mid
    if (g < group) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
