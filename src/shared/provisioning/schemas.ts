import { z } from 'zod'
import {
  AccessEntrySchema,
  DoorModeSchema,
  IdSchema,
  InstantSchema,
  RevokedReasonSchema,
  type Credential,
  type CredentialType,
  type Id
} from '../domain/site'
import { checkMobile } from '../formats/mobile'
import { checkCredentialValue } from '../formats/validate'

const name = (what: string) => z.string().trim().min(1, `${what} is required.`).max(100, `${what} has at most 100 characters.`)
const optionalText = z.string().trim().max(100, 'At most 100 characters.').optional()

/** A person as the form edits it and main validates it; `id` is absent for a new person. */
export const PersonInputSchema = z
  .object({
    id: IdSchema.optional(),
    first_name: name('First name'),
    last_name: name('Last name'),
    email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address like name@example.com.')),
    /** E.164; a local-format number is refused with how to write it. null clears it; absent keeps it. */
    mobile: z
      .string()
      .nullable()
      .optional()
      .transform((text, ctx) => {
        if (text === null || text === undefined || text.trim() === '') return text === undefined ? undefined : null
        const checked = checkMobile(text)
        if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message })
        return checked.ok ? checked.value : null
      }),
    enabled: z.boolean(),
    valid_from: InstantSchema.nullable().optional(),
    valid_to: InstantSchema.nullable().optional(),
    group_ids: z.array(IdSchema)
  })
  .refine((p) => !p.valid_from || !p.valid_to || Date.parse(p.valid_to) > Date.parse(p.valid_from), {
    path: ['valid_to'],
    message: 'The end of the access window must be after its start.'
  })
export type PersonInput = z.input<typeof PersonInputSchema>

/** A credential as the form edits it; the value is checked against its type by {@link credentialRules}. */
export const CredentialInputSchema = z.object({
  id: IdSchema.optional(),
  person_id: IdSchema,
  credential_type_id: IdSchema,
  /** Absent or empty only for a mobile type: the credential is created as an invitation, with no value. */
  value: z.string().trim().optional(),
  enabled: z.boolean(),
  status: z.enum(['active', 'invited', 'disabled', 'revoked']).optional(),
  label: optionalText,
  device: optionalText,
  /** Why it is revoked (with status `revoked`): lost, stolen, replaced, left or other. */
  revoked_reason: RevokedReasonSchema.nullable().optional(),
  /** The user chose to keep a PIN that is easy to guess. */
  allow_weak_pin: z.boolean().optional()
})
export type CredentialInput = z.input<typeof CredentialInputSchema>
export type CredentialDraft = z.output<typeof CredentialInputSchema>

export const GroupInputSchema = z.object({ id: IdSchema.optional(), name: name('Name'), access: z.array(AccessEntrySchema) })
export type GroupInput = z.input<typeof GroupInputSchema>

export const DoorInputSchema = z.object({
  id: IdSchema.optional(),
  name: name('Name'),
  mode: DoorModeSchema,
  accepts: z.array(IdSchema),
  requires_pin: z.boolean()
})
export type DoorInput = z.input<typeof DoorInputSchema>

/** What credential rules need from the site: its types and the credentials already issued. */
export interface CredentialContext {
  readonly types: readonly CredentialType[]
  readonly credentials: readonly Pick<Credential, 'id' | 'credential_type_id' | 'value'>[]
}

/** Field name → one sentence; what the form shows next to each field. */
export type FieldErrors = Record<string, string>

/**
 * Checks a credential against its type's format and the site's other credentials (a value is
 * unique per type, as DoorFlow requires). Returns the stored value (null: a mobile credential with
 * none, created as an invitation), or field errors.
 */
export function credentialRules(draft: CredentialDraft, context: CredentialContext): { ok: true; value: string | null } | { ok: false; fields: FieldErrors } {
  const type = context.types.find((t) => t.id === draft.credential_type_id)
  if (!type) return { ok: false, fields: { credential_type_id: 'Choose a credential type this site has.' } }
  if (!draft.value) return type.format === 'mobile' ? { ok: true, value: null } : { ok: false, fields: { value: 'A value is required.' } }
  const checked = checkCredentialValue(type, draft.value, { allowWeakPin: draft.allow_weak_pin ?? false })
  if (!checked.ok) return { ok: false, fields: { value: checked.message } }
  const clash = context.credentials.find((c) => c.credential_type_id === type.id && c.value === checked.value && !sameId(c.id, draft.id))
  if (clash) return { ok: false, fields: { value: `This ${type.label} value is already in use.` } }
  return { ok: true, value: checked.value }
}

const sameId = (a: Id, b: Id | undefined): boolean => b !== undefined && a === b

/** A zod error as field errors: the first message for each top-level field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form')
    fields[key] ??= issue.message
  }
  return fields
}
