import { useCallback, useState } from 'react'
import type { ContractError, Result } from '../../../shared/contract'
import type { FieldErrors } from '../../../shared/provisioning/schemas'

export type ActionState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: ContractError }

export interface Action<T, I> {
  readonly state: ActionState<T>
  /** Field errors from the last failure (main's validation), for the form to show next to fields. */
  readonly fields: FieldErrors
  run(input: I): Promise<Result<T>>
  reset(): void
}

/** One contract command the user triggers (save, delete, import): busy while it runs, then its value or error. */
export function useAction<T, I>(call: (input: I) => Promise<Result<T>>): Action<T, I> {
  const [state, setState] = useState<ActionState<T>>({ kind: 'idle' })
  const run = useCallback(
    async (input: I) => {
      setState({ kind: 'busy' })
      const result = await call(input)
      setState(result.ok ? { kind: 'done', value: result.value } : { kind: 'failed', error: result.error })
      return result
    },
    [call]
  )
  const reset = useCallback(() => setState({ kind: 'idle' }), [])
  return { state, fields: state.kind === 'failed' ? (state.error.fields ?? {}) : {}, run, reset }
}

/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Saves a file the user asked for (CSV export) through a temporary object URL. */
export function downloadText(filename: string, text: string, type = 'text/csv'): void {
  downloadBlob(filename, new Blob([text], { type }))
}

/** Saves a binary file main sent as base64 (XLSX export). */
export function downloadBase64(filename: string, base64: string, type: string): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  downloadBlob(filename, new Blob([bytes], { type }))
}

function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
