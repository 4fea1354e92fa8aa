import { safeStorage } from 'electron'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from './logger'
import { fileTokenStore, TokensSchema, writeSecretFile, type TokenStore } from './sync/tokens'

const ENCRYPTED_FILE = 'doorflow-token.bin'

/**
 * The app's token store: encrypted with Electron safeStorage (the OS keychain) into a 0600 file.
 * Where the OS offers no encryption, it falls back to the plain 0600 file with its warning.
 */
export function electronTokenStore(dir: string, log: Logger): TokenStore {
  if (!safeStorage.isEncryptionAvailable()) return fileTokenStore(dir, log)
  const path = join(dir, ENCRYPTED_FILE)
  return {
    encrypted: true,
    read() {
      if (!existsSync(path)) return undefined
      const parsed = TokensSchema.safeParse(JSON.parse(safeStorage.decryptString(readFileSync(path))))
      return parsed.success ? parsed.data : undefined
    },
    write(tokens) {
      writeSecretFile(path, safeStorage.encryptString(JSON.stringify(TokensSchema.parse(tokens))))
    }
  }
}
