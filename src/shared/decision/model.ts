import { z } from 'zod'
import { IdSchema, InstantSchema } from '../domain/site'

/**
 * Every code a decision or one of its checks can carry, in the order the checks run.
 * A check's code is the one it yields when it fails; `door_unlocked` and `granted` are grants.
 */
export const DecisionCode = {
  doorUnknown: 'door_unknown',
  doorLockdown: 'door_lockdown',
  doorUnlocked: 'door_unlocked',
  credentialUnknown: 'credential_unknown',
  credentialTypeNotAccepted: 'credential_type_not_accepted',
  credentialDisabled: 'credential_disabled',
  credentialNotActive: 'credential_not_active',
  personDisabled: 'person_disabled',
  personNotYetValid: 'person_not_yet_valid',
  personExpired: 'person_expired',
  noGroupGrantsDoor: 'no_group_grants_door',
  outsideSchedule: 'outside_schedule',
  pinRequired: 'pin_required',
  pinMismatch: 'pin_mismatch',
  granted: 'granted'
} as const
export type DecisionCode = (typeof DecisionCode)[keyof typeof DecisionCode]

/** The codes in check order; a decision's `code` is the first failing one. */
export const DECISION_CODES = Object.values(DecisionCode) as readonly DecisionCode[]

export const DecisionCodeSchema = z.enum(DECISION_CODES as [DecisionCode, ...DecisionCode[]])

/** A question to the engine: may this credential open this door at this instant? */
export const DecisionRequestSchema = z
  .object({
    door_id: IdSchema,
    credential_type_id: IdSchema,
    value: z.string().min(1, 'the credential value is empty'),
    at: InstantSchema,
    pin: z.string().min(1, 'the PIN is empty; leave it out when none was entered').optional()
  })
  .strict()
export type DecisionRequest = z.infer<typeof DecisionRequestSchema>

/**
 * One evaluated check. `check` is the code it yields when it fails; `detail` is one short
 * sentence for people and never contains a PIN.
 */
export const DecisionCheckSchema = z
  .object({ check: DecisionCodeSchema, passed: z.boolean(), detail: z.string() })
  .readonly()
export type DecisionCheck = z.infer<typeof DecisionCheckSchema>

/**
 * The engine's answer. `granted` holds iff every listed check passed; `code` is the first failing
 * check, or `door_unlocked` / `granted`. Checks that cannot be evaluated (e.g. the person of an
 * unknown credential) are left out. Check objects may be shared between decisions: treat as immutable.
 */
export const DecisionSchema = z
  .object({
    granted: z.boolean(),
    code: DecisionCodeSchema,
    checks: z.array(DecisionCheckSchema).readonly()
  })
  .readonly()
export type Decision = z.infer<typeof DecisionSchema>
