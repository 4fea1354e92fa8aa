import { z } from 'zod'
import { IdSchema, InstantSchema } from '../domain/site'
import { DecisionSchema } from '../decision/model'

export { TapError, describeTapError } from './tapErrors'

/** What a tap's error says, for records and tables. */
export const TapErrorSchema = z.object({ code: z.string(), message: z.string() })

/**
 * One tap as read: which reader, what the card said at each step, and how long the read took.
 * Binary fields are uppercase hex; `credential` is the HCE answer as text when it is printable, hex otherwise.
 */
export const TapRecordSchema = z.object({
  reader: z.string(),
  /** When the reader reported the card (ISO instant). */
  at: InstantSchema,
  atr: z.string(),
  standard: z.enum(['14443-3', '14443-4']),
  uid: z.string().nullable(),
  aid: z.string().nullable(),
  credential: z.string().nullable(),
  /** From the card event to the last response, transport included. */
  latency_ms: z.number().nonnegative(),
  error: TapErrorSchema.optional()
})
export type TapRecord = z.infer<typeof TapRecordSchema>

/** The credential a tap presents, as the decision engine looks it up. */
export const PresentedSchema = z.object({
  credential_type_id: IdSchema,
  value: z.string(),
  /** How it was found: the UID of a card, or an application's answer. */
  source: z.enum(['uid', 'aid'])
})
export type Presented = z.infer<typeof PresentedSchema>

/** A tap with what it presented and the verdict at the door being verified. */
export const TapEventSchema = z.object({
  /** Increases by one per tap since Lintel started; a gap means a missed event. */
  seq: z.number().int().nonnegative(),
  tap: TapRecordSchema,
  presented: PresentedSchema.nullable(),
  /** Why nothing was presented, when `presented` is null and the read itself succeeded. */
  unmatched: z.string().nullable(),
  door_id: IdSchema.nullable(),
  decision: DecisionSchema.nullable(),
  /** Epoch milliseconds (sub-millisecond) of the card event, and the time spent in transmits. */
  timing: z.object({ card_event_ms: z.number(), transport_ms: z.number().nonnegative() })
})
export type TapEvent = z.infer<typeof TapEventSchema>
