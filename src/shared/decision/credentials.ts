import type { Credential, CredentialStatus, Id } from '../domain/site'
import type { CompiledType } from './compile'

/** Bits 0–1 of a credential's state: its status. */
export const Status: Record<CredentialStatus, number> = { active: 0, invited: 1, disabled: 2, revoked: 3 }
/** Bit 2 of a credential's state: `enabled`. */
export const ENABLED = 4
const STATE_BITS = 3

/**
 * Credentials packed for decisions: by type ordinal, value → `entry`. The low 3 bits of an entry
 * are the state (status | ENABLED); the rest is the person's row, or when the person does not
 * exist the bitwise NOT of the credential's row (so the entry is negative and the row recoverable).
 * One map read gives all a decision needs, which saves a cache miss per decision.
 */
export interface CredentialTable {
  readonly byType: readonly ReadonlyMap<string, number>[]
  readonly source: readonly Credential[]
}

export const stateOf = (entry: number): number => entry & 7
/** The person's row, or -1 when the credential's person does not exist. */
export const personOf = (entry: number): number => (entry < 0 ? -1 : entry >> STATE_BITS)
/** The credential's row, for an entry whose person does not exist. */
export const orphanRowOf = (entry: number): number => ~(entry >> STATE_BITS)

/** Higher wins when two credentials share a type and value: live, then invited, then the rest. */
function rank(state: number): number {
  if ((state & ENABLED) === 0) return 0
  const status = state & 3
  return status === Status.active ? 2 : status === Status.invited ? 1 : 0
}

/**
 * The key a credential is decided under: its value, or for a value-less mobile credential (an
 * invitation; DoorFlow gives these no value) a key no reader can present, unique to the credential.
 */
export const decisionValueOf = (c: Pick<Credential, 'id' | 'value'>): string => c.value ?? `\u0000invitation:${String(c.id)}`

/** Builds the credential table; on a tie in rank the first credential in the list wins. */
export function compileCredentials(
  source: readonly Credential[],
  personIndex: ReadonlyMap<Id, number>,
  types: ReadonlyMap<Id, CompiledType>
): CredentialTable {
  const byType = Array.from(types, () => new Map<string, number>())
  for (let row = 0; row < source.length; row++) {
    const c = source[row]!
    const state = Status[c.status] | (c.enabled ? ENABLED : 0)
    const person = personIndex.get(c.person_id)
    const entry = ((person ?? ~row) << STATE_BITS) | state
    const byValue = byType[types.get(c.credential_type_id)!.ordinal]!
    const key = decisionValueOf(c)
    const existing = byValue.get(key)
    if (existing === undefined || rank(state) > rank(stateOf(existing))) byValue.set(key, entry)
  }
  return { byType, source }
}
