/** Types for scripts/cli-build.mjs (the built CLI and PC/SC worker). */
export interface CliManifest {
  version: number
  stamp: string
  dir: string
  entry: string
  worker: string
  builtAt: string
  files: Record<string, { size: number; mtimeNs?: string; sha256: string }>
}
export const root: string
export const outDir: string
export function sourceStamp(from?: string): string
export function buildProblem(manifest?: CliManifest, stamp?: string): string | undefined
export function build(stamp?: string): Promise<CliManifest>
export function ensureBuilt(options?: { log?: (line: string) => void }): Promise<{ entry: string; worker: string; manifest: CliManifest }>
