import { z } from 'zod'
import { IdSchema, type CredentialType } from '../domain/site'
import { checkCredentialValue } from '../formats/validate'
import { isRandomUid } from './readCard'
import { TapEventSchema } from './tapRecord'

/** Enrol: wait for one tap and give its value in the form of this credential type. */
export const EnrolTapRequestSchema = z
  .object({
    credentialTypeId: IdSchema,
    /** How long to wait for the tap; default settings.nfcTimeoutSeconds. */
    timeoutSeconds: z.number().min(1).max(120).optional()
  })
  .strict()
export type EnrolTapRequest = z.infer<typeof EnrolTapRequestSchema>

/** The tapped value checked against the type's format, and who holds it already, if anyone. */
export const EnrolTapResultSchema = z.object({
  tap: TapEventSchema,
  /** The value as the site stores it (src/shared/formats), or null when the tap does not fit the type. */
  value: z.string().nullable(),
  /** Why the tap gives no value for this type, in one sentence. */
  problem: z.string().nullable(),
  /** The credential that already has this type and value. */
  enrolled: z.object({ credential_id: IdSchema, person_id: IdSchema }).nullable()
})
export type EnrolTapResult = z.infer<typeof EnrolTapResultSchema>

/** What a tap gives for a credential type: the stored form of the value, or why there is none. */
export function enrolValue(
  tap: Pick<z.infer<typeof TapEventSchema>['tap'], 'uid' | 'aid' | 'credential' | 'error'>,
  type: CredentialType
): { value: string; problem: null } | { value: null; problem: string } {
  if (tap.error) return { value: null, problem: tap.error.message }
  const raw = rawValueFor(tap, type)
  if (typeof raw !== 'string') return { value: null, problem: raw.problem }
  const normalized = checkCredentialValue(type, raw)
  return normalized.ok
    ? { value: normalized.value, problem: null }
    : { value: null, problem: `This is not a ${type.label} value. ${normalized.message}` }
}

/** Whether a tap can give a value of this type: an NFC card's UID, or a phone application's answer. */
export function canEnrolByTap(type: Pick<CredentialType, 'format' | 'technology'>): boolean {
  return (type.format === 'card' && (type.technology === 'nfc' || type.technology === 'ble+nfc')) || type.format === 'mobile' || type.format === 'other'
}

function rawValueFor(tap: { uid: string | null; credential: string | null }, type: CredentialType): string | { problem: string } {
  if (type.format === 'card' && (type.technology === 'nfc' || type.technology === 'ble+nfc')) {
    if (tap.uid === null) return { problem: 'The card gave no UID.' }
    if (isRandomUid(tap.uid)) {
      return { problem: `${tap.uid} is a random UID (a phone, or a card hiding its serial): it changes at every tap, so it cannot be enrolled.` }
    }
    return tap.uid
  }
  if (type.format === 'mobile' || type.format === 'other') {
    return tap.credential ?? { problem: `No application answered with a ${type.label} credential; tap the phone with its credential app ready.` }
  }
  return { problem: `A ${type.label} credential cannot be read by NFC; type its value instead.` }
}
