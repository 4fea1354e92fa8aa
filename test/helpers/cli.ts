import { runCli } from '../../src/main/cli'
import type { CliIo } from '../../src/main/cli/io'

export interface CliRun {
  code: number
  out: string
  err: string
  json<T = unknown>(): T
  lines<T = unknown>(): T[]
}

/** Runs the CLI in-process, capturing stdout and stderr. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let out = ''
  let err = ''
  const io = (json: boolean): CliIo => ({
    out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`),
    json,
    interactive: false
  })
  const code = await runCli(argv, io)
  return {
    code,
    out,
    err,
    json: <T>() => JSON.parse(out) as T,
    lines: <T>() => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as T)
  }
}
