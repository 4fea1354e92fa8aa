import type { Credential, CredentialType, Id, Site } from '../domain/site'
import { isWeakPin } from '../formats/pin'

/** DoorFlow's best practices as warnings, each with the one action that resolves it. */
export const AdviceCode = {
  noBackup: 'no_backup',
  deviceChangePending: 'device_change_pending',
  sharedDevice: 'shared_device'
} as const
export type AdviceCode = (typeof AdviceCode)[keyof typeof AdviceCode]

export interface Advice {
  code: AdviceCode
  person_id: Id
  /** The credential the advice is about (the mobile one, or the newer one on a device). */
  credential_id: Id
  /** The other credential involved: the old phone's, or the older one on the same device. */
  other_id?: Id
  message: string
}

const live = (c: Credential): boolean => c.enabled && c.status !== 'revoked' && c.status !== 'disabled'

/**
 * Warnings for one person's credentials: a mobile credential with no PIN or card to fall back on
 * (phones run flat); a new phone issued while the old phone's credential is still enabled (test
 * the new one, then disable the old); two live credentials on one device (one per device).
 */
export function adviseOn(site: Pick<Site, 'credential_types' | 'credentials'>, personId: Id): Advice[] {
  const types = new Map<Id, CredentialType>(site.credential_types.map((t) => [t.id, t]))
  const mine = site.credentials.filter((c) => c.person_id === personId && live(c))
  const format = (c: Credential) => types.get(c.credential_type_id)?.format
  const mobiles = mine.filter((c) => format(c) === 'mobile')
  const advice: Advice[] = []
  const backup = mine.some((c) => format(c) === 'pin' || format(c) === 'card')
  const first = mobiles[0]
  if (first && !backup) advice.push({ code: AdviceCode.noBackup, person_id: personId, credential_id: first.id, message: 'A phone credential has no backup: if the phone runs flat the person cannot get in. Issue a backup PIN.' })
  for (const fresh of mobiles.filter((c) => c.status === 'invited')) {
    const old = mobiles.find((c) => c.id !== fresh.id && c.status === 'active' && c.credential_type_id === fresh.credential_type_id && c.device !== fresh.device)
    if (old) advice.push({ code: AdviceCode.deviceChangePending, person_id: personId, credential_id: fresh.id, other_id: old.id, message: `A new phone credential (${fresh.device ?? fresh.label ?? 'new phone'}) is issued while the old one (${old.device ?? old.label ?? 'old phone'}) is still enabled: test the new one at a door, then disable the old one.` })
  }
  const byDevice = new Map<string, Credential>()
  for (const c of mine) {
    if (!c.device) continue
    const earlier = byDevice.get(c.device)
    if (earlier) advice.push({ code: AdviceCode.sharedDevice, person_id: personId, credential_id: c.id, other_id: earlier.id, message: `Two credentials are live on one device (${c.device}); keep one credential per device.` })
    else byDevice.set(c.device, c)
  }
  return advice
}

/** A random PIN of `digits` digits that is not weak and not already in use, from the given random source. */
export function suggestPin(inUse: ReadonlySet<string>, isWeak: (pin: string) => boolean, random: () => number, digits = 6): string {
  for (;;) {
    const pin = Array.from({ length: digits }, () => Math.floor(random() * 10)).join('')
    if (!isWeak(pin) && !inUse.has(pin)) return pin
  }
}

/** A backup PIN for the site's PIN type (the first type with format "pin"): strong and unused; undefined without a PIN type. */
export function backupPin(site: Pick<Site, 'credential_types' | 'credentials'>, random: () => number): { credential_type_id: Id; value: string } | undefined {
  const pinType = site.credential_types.find((t) => t.format === 'pin')
  if (!pinType) return undefined
  const inUse = new Set(site.credentials.flatMap((c) => (c.credential_type_id === pinType.id && c.value !== undefined ? [c.value] : [])))
  return { credential_type_id: pinType.id, value: suggestPin(inUse, isWeakPin, random) }
}
