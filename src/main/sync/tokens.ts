import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { Logger } from '../logger'

/** What Lintel keeps to call DoorFlow: the bearer token and, when configured, how to refresh it. */
export const TokensSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  /** Where refreshes go; by default `<api>/oauth/token`. */
  token_url: z.string().url().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  /** When the access token runs out (from the refresh's `expires_in`); renewed a minute before. */
  expires_at: z.string().optional()
})
export type Tokens = z.infer<typeof TokensSchema>

/** Keeps the tokens between runs. The app encrypts them (Electron safeStorage); plain Node writes a 0600 file. */
export interface TokenStore {
  read(): Tokens | undefined
  write(tokens: Tokens): void
  readonly encrypted: boolean
}

export const TOKEN_FILE = 'doorflow-token.json'

/**
 * A 0600 JSON file in the user-data directory, for the CLI and the browser host. It is not
 * encrypted, so the first write warns once.
 */
export function fileTokenStore(dir: string, log: Logger): TokenStore {
  const path = join(dir, TOKEN_FILE)
  let warned = false
  return {
    encrypted: false,
    read() {
      if (!existsSync(path)) return undefined
      let saved: unknown
      try {
        saved = JSON.parse(readFileSync(path, 'utf8'))
      } catch {
        log.warn(`${path} cannot be read as JSON; ignoring the saved DoorFlow token`)
        return undefined
      }
      const parsed = TokensSchema.safeParse(saved)
      return parsed.success ? parsed.data : undefined
    },
    write(tokens) {
      if (!warned) log.warn(`the DoorFlow token is stored unencrypted in ${path} (mode 0600); the desktop app encrypts it with the OS keychain`)
      warned = true
      writeSecretFile(path, JSON.stringify(TokensSchema.parse(tokens)))
    }
  }
}

/** Writes a file only its owner can read, atomically (write beside, then rename); creates its directory (0700) if needed. */
export function writeSecretFile(path: string, text: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, text, { mode: 0o600 })
  chmodSync(temp, 0o600)
  renameSync(temp, path)
}
