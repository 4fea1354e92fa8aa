import { z } from 'zod'
import { IdSchema, InstantSchema } from '../domain/site'
import { DecisionSchema } from '../decision/model'

/** Why a tap gave no credential; stable codes, each with a sentence in {@link describeTapError}. */
export const TapError = {
  timeout: 'timeout',
  cardRemoved: 'card_removed',
  transmitFailed: 'transmit_failed',
  badResponse: 'bad_response',
  noApplication: 'no_application',
  noCredential: 'no_credential',
  readerRestarted: 'reader_restarted'
} as const
export type TapError = (typeof TapError)[keyof typeof TapError]

const SENTENCES: Record<TapError, string> = {
  timeout: 'The card stopped answering and the read timed out. Take it away and tap again.',
  card_removed: 'The card left the reader during the read. Hold it still until the result shows.',
  transmit_failed: 'The reader could not talk to the card. Tap again; if it keeps failing, re-plug the reader.',
  bad_response: 'The card answered something Lintel cannot read. Check the AIDs in Settings.',
  no_application: 'The phone answered none of the configured AIDs. Open the credential app, or add its AID in Settings.',
  no_credential: 'The card gave neither a UID nor a credential.',
  reader_restarted: 'The PC/SC service restarted during the read. Tap again.'
}

export function describeTapError(code: string): string {
  return SENTENCES[code as TapError] ?? 'The read failed.'
}

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
