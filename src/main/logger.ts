/** Injectable logger: services log through this, never console directly, so the CLI keeps stdout for results. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string, error?: unknown): void
}

export const stderrLogger = (prefix = 'lintel'): Logger => ({
  info: (message) => process.stderr.write(`${prefix}: ${message}\n`),
  warn: (message) => process.stderr.write(`${prefix}: warning: ${message}\n`),
  error: (message, error) =>
    process.stderr.write(`${prefix}: error: ${message}${error instanceof Error ? ` (${error.message})` : ''}\n`)
})

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
