import { readFileSync } from 'node:fs'
import { LintelError } from '../shared/contract/result'

/**
 * Reads a JSON file for a command or a service. A file that cannot be read fails with
 * `codes.unreadable`, one that is not JSON with `codes.invalid`; both messages name the file.
 */
export function readJsonFile(path: string, codes: { unreadable: string; invalid: string }): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new LintelError(codes.unreadable, `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new LintelError(codes.invalid, `${path}: not JSON (${(error as Error).message})`)
  }
}
