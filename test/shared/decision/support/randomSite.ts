import type { Credential, CredentialType, Door, Group, Id, Person, Schedule, Site, WeeklyInterval } from '../../../../src/shared/domain/site'
import { DAY_NAMES } from '../../../../src/shared/domain/site'
import { Prng } from './prng'

/** How big and how messy a generated site is. */
export interface RandomSiteOptions {
  seed: number
  timezone: string
  people: number
  credentialsPerPerson: number
  doors: number
  groups: number
  schedules: number
  holidays: number
  /** String ids next to numeric ones, including "3" beside 3, and dangling references. */
  messy: boolean
}

export const CREDENTIAL_TYPES: CredentialType[] = [
  { id: 2, label: 'MIFARE DESFire EV3', slug: 'mifare-desfire-ev3', format: 'card', technology: 'nfc' },
  { id: 3, label: 'HID Prox 26-bit', slug: 'hid-prox-26', format: 'card', technology: 'prox' },
  { id: 6, label: 'PIN', slug: 'pin', format: 'pin', technology: 'keypad' },
  { id: 8, label: 'HID Mobile Access', slug: 'hid-mobile-access', format: 'mobile', technology: 'ble+nfc' },
  { id: 9, label: 'PassFlow', slug: 'passflow', format: 'mobile', technology: 'ble' },
  { id: '6', label: 'Legacy keypad code', slug: 'legacy-keypad', format: 'pin', technology: 'keypad' }
]
/** Credential type ids that credentials may use but the site does not define. */
const UNDEFINED_TYPE_IDS: Id[] = [77, 'mag-stripe']

/** Generates a site snapshot that is valid for parseSite. Deterministic for a seed. */
export function randomSite(options: RandomSiteOptions): Site {
  const rng = new Prng(options.seed)
  const ids = (n: number, prefix: string): Id[] =>
    Array.from({ length: n }, (_, i) => (options.messy && i % 4 === 3 ? (i % 8 === 3 ? String(i - 3) : `${prefix}-${i}`) : i))
  const scheduleIds = ids(options.schedules, 'sched')
  const doorIds = ids(options.doors, 'door')
  const groupIds = ids(options.groups, 'group')
  const schedules = scheduleIds.map((id) => randomSchedule(rng, id))
  const doors = doorIds.map((id) => randomDoor(rng, id, options.messy))
  const groups = groupIds.map((id) => randomGroup(rng, id, doorIds, scheduleIds, options.messy))
  const people = Array.from({ length: options.people }, (_, i) => randomPerson(rng, i + 1, groupIds, options.messy))
  const credentials = randomCredentials(rng, people, options)
  const holidays = randomHolidays(rng, options.holidays)
  return { site: { timezone: options.timezone, holidays }, credential_types: CREDENTIAL_TYPES, people, credentials, groups, doors, schedules }
}

function randomSchedule(rng: Prng, id: Id): Schedule {
  const weekly: WeeklyInterval[] = []
  const count = rng.int(0, 9) === 0 ? 0 : rng.int(1, 3)
  for (let i = 0; i < count; i++) weekly.push(randomInterval(rng))
  return { id, name: `Schedule ${String(id)}`, weekly, holidays: rng.chance(0.7) ? 'closed' : 'open' }
}

function randomInterval(rng: Prng): WeeklyInterval {
  const days = rng.chance(0.5) ? ['mon', 'tue', 'wed', 'thu', 'fri'] : rng.sample(DAY_NAMES, rng.int(1, 7))
  const from = rng.int(0, 95) * 15
  const crosses = rng.chance(0.2)
  const to = crosses ? rng.int(0, from / 15) * 15 : rng.chance(0.15) ? 1440 : rng.int(from / 15 + 1, 96) * 15
  return { days: days as WeeklyInterval['days'], from: clock(from), to: clock(to) }
}

const clock = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

function randomDoor(rng: Prng, id: Id, messy: boolean): Door {
  const r = rng.next()
  const mode = r < 0.02 ? 'lockdown' : r < 0.04 ? 'unlocked' : 'normal'
  const accepts: Id[] = CREDENTIAL_TYPES.map((t) => t.id).filter(() => !rng.chance(0.1))
  if (messy && rng.chance(0.3)) accepts.push(rng.pick(UNDEFINED_TYPE_IDS))
  return { id, name: `Door ${String(id)}`, mode, accepts, requires_pin: rng.chance(0.1) }
}

function randomGroup(rng: Prng, id: Id, doorIds: Id[], scheduleIds: Id[], messy: boolean): Group {
  const access = Array.from({ length: rng.int(1, 3) }, () => {
    const r = rng.next()
    const schedule_id = r < 0.2 ? null : messy && r < 0.25 ? 'no-such-schedule' : rng.pick(scheduleIds)
    const door_ids = rng.sample(doorIds, rng.int(1, 20))
    if (messy && rng.chance(0.1)) door_ids.push('no-such-door')
    return { door_ids, schedule_id }
  })
  return { id, name: `Group ${String(id)}`, access }
}

const VALID_FROM = Date.UTC(2026, 0, 1)
const VALID_SPAN = 2 * 365 * 86_400_000

function randomPerson(rng: Prng, id: number, groupIds: Id[], messy: boolean): Person {
  const group_ids = rng.sample(groupIds, rng.int(0, 9) === 0 ? 0 : rng.int(1, 3))
  if (messy && rng.chance(0.05)) group_ids.push('no-such-group')
  const person: Person = { id, first_name: `First${id}`, last_name: `Last${id}`, email: `person${id}@example.com`, enabled: rng.chance(0.95), group_ids }
  if (rng.chance(0.15)) {
    const from = VALID_FROM + rng.int(0, VALID_SPAN / 60_000) * 60_000
    person.valid_from = rng.chance(0.8) ? new Date(from).toISOString() : null
    person.valid_to = rng.chance(0.8) ? new Date(from + rng.int(1, 300) * 86_400_000).toISOString() : null
  }
  return person
}

function randomCredentials(rng: Prng, people: Person[], options: RandomSiteOptions): Credential[] {
  const credentials: Credential[] = []
  const used = new Set<string>()
  const total = Math.round(people.length * options.credentialsPerPerson)
  for (let i = 0; i < total; i++) {
    const person = i < people.length ? people[i]! : rng.pick(people)
    const typeId = options.messy && rng.chance(0.02) ? rng.pick(UNDEFINED_TYPE_IDS) : rng.pick(CREDENTIAL_TYPES).id
    let value = credentialValue(rng, typeId)
    while (used.has(`${JSON.stringify(typeId)}|${value}`)) value = credentialValue(rng, typeId)
    used.add(`${JSON.stringify(typeId)}|${value}`)
    const personId = options.messy && rng.chance(0.01) ? 'no-such-person' : person.id
    credentials.push({ id: i + 1, person_id: personId, credential_type_id: typeId, value, ...randomState(rng) })
  }
  return credentials
}

function randomState(rng: Prng): Pick<Credential, 'enabled' | 'status'> {
  const r = rng.next()
  const status = r < 0.86 ? 'active' : r < 0.91 ? 'invited' : r < 0.96 ? 'disabled' : 'revoked'
  return { enabled: rng.chance(0.97), status }
}

/** A value in the text form of the type's format (docs/site-format.md). */
export function credentialValue(rng: Prng, typeId: Id): string {
  switch (typeId) {
    case 2:
      return `04${rng.hex(12)}`
    case 3:
      return `${rng.int(0, 255)}:${rng.int(0, 65_535)}`
    case 6:
    case '6':
      return String(rng.int(0, 9_999_999)).padStart(7, '0')
    case 8:
      return `HID-${rng.hex(4)}-${rng.hex(8)}`
    case 9:
      return `PF-${rng.hex(4)}-${rng.hex(4)}`
    default:
      return rng.hex(10)
  }
}

function randomHolidays(rng: Prng, count: number): string[] {
  const days = new Set<string>(['2026-12-25', '2026-12-28'])
  while (days.size < count) days.add(new Date(Date.UTC(2026, 0, 1) + rng.int(0, 729) * 86_400_000).toISOString().slice(0, 10))
  return [...days].slice(0, Math.max(count, 0)).sort()
}
