// Tap error codes and their sentences, apart from the schemas: the PC/SC worker needs these and no zod.
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
